import { AlreadyExistsError, examples, UnavailableError, ValidationError, VersionConflictError } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

describe('partnerships never mix', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;

  beforeAll(async () => {
    table = await createTestTable();
    // Partnership ids chosen so that one is a prefix of the other.
    for (const p of ['1', '12']) {
      await table.store.youngPeople.save(make.youngPerson(p, 'YP1', { displayName: `Person of ${p}` }));
      await table.store.youngPeople.save(make.youngPerson(p, 'YP2', { displayName: `Friend of ${p}` }));
      await table.store.relationships.save(make.relationship(p, 'YP1', 'YP2'));
      await table.store.carers.save(make.carer(p, 'CR1', ['YP1'], { name: `Carer of ${p}` }));
      await table.store.locations.save(make.location(p, 'LOC1'));
      await table.store.sightings.save(make.sighting(p, 'YP1', 'LOC1'));
      await table.store.concerns.save(make.concern(p, 'YP1'));
      await table.store.audit.record(make.auditEvent(p));
    }
  });
  afterAll(async () => {
    await table.drop();
  });

  it('reads each partnership its own record for the same ref', async () => {
    expect((await table.store.youngPeople.get('1', 'YP1'))?.displayName).toBe('Person of 1');
    expect((await table.store.youngPeople.get('12', 'YP1'))?.displayName).toBe('Person of 12');
    expect(await table.store.youngPeople.get('2', 'YP1')).toBeUndefined();
  });

  it('lists only the partnership asked for', async () => {
    for (const p of ['1', '12']) {
      const people = await table.store.youngPeople.list(p);
      expect(people.items.map((person) => [person.partnershipId, person.ref])).toEqual([
        [p, 'YP1'],
        [p, 'YP2'],
      ]);
      const everything = [
        ...(await table.store.relationships.ofPerson(p, 'YP1')),
        ...(await table.store.carers.ofYoungPerson(p, 'YP1')),
        ...(await table.store.sightings.ofPerson(p, 'YP1')),
        ...(await table.store.concerns.ofPerson(p, 'YP1')),
        ...(await table.store.sightings.atLocation(p, 'LOC1')).items,
        ...(await table.store.audit.byYoungPerson(p, 'YP1')).items,
        ...(await table.store.audit.byUser(p, 'lead-1')).items,
      ];
      expect(everything).toHaveLength(7);
      expect(new Set(everything.map((record) => record.partnershipId))).toEqual(new Set([p]));
    }
  });

  it("refuses a cursor from another partnership's list", async () => {
    expect.assertions(2);
    const first = await table.store.youngPeople.list('1', { limit: 1 });
    expect(first.cursor).toBeDefined();
    await expect(table.store.youngPeople.list('12', { limit: 1, ...first })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a cursor that was tampered with', async () => {
    expect.assertions(2);
    const forged = Buffer.from(JSON.stringify({ PK: 'P#1#YP#YP1', GSI1PK: 'P#12#YP' })).toString('base64url');
    await expect(table.store.youngPeople.list('12', { cursor: forged })).rejects.toBeInstanceOf(ValidationError);
    await expect(table.store.youngPeople.list('12', { cursor: 'not base64 json' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('optimistic locking', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const p = 'lock';

  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it('refuses a stale version and keeps the newer change', async () => {
    expect.assertions(3);
    await table.store.youngPeople.save(make.youngPerson(p, 'YP1'));
    await table.store.youngPeople.save(make.youngPerson(p, 'YP1', { educationStatus: 'attending' }), 1);
    await expect(
      table.store.youngPeople.save(make.youngPerson(p, 'YP1', { educationStatus: 'excluded' }), 1),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const current = await table.store.youngPeople.get(p, 'YP1');
    expect(current?.version).toBe(2);
    expect(current?.educationStatus).toBe('attending');
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    await table.store.concerns.save(make.concern(p, 'YP1'));
    const key = {
      personRef: 'YP1',
      category: 'missing_episode',
      occurredOn: '2026-11-08',
      sourceAgency: 'early_help',
    } as const;
    const results = await Promise.allSettled([
      table.store.concerns.save(make.concern(p, 'YP1', { status: 'closed' }), 1),
      table.store.concerns.save(make.concern(p, 'YP1', { severity: 'high' }), 1),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
    expect((await table.store.concerns.get(p, key))?.version).toBe(2);
  });

  it('refuses to create a record that exists', async () => {
    expect.assertions(1);
    await expect(table.store.youngPeople.save(make.youngPerson(p, 'YP1'))).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  it('refuses a stale delete', async () => {
    expect.assertions(2);
    await table.store.locations.save(make.location(p, 'LOC1'));
    await table.store.locations.save(make.location(p, 'LOC1', { name: 'Tannery Works' }), 1);
    await expect(table.store.locations.remove(p, 'LOC1', 1)).rejects.toBeInstanceOf(VersionConflictError);
    await table.store.locations.remove(p, 'LOC1', 2);
    expect(await table.store.locations.get(p, 'LOC1')).toBeUndefined();
  });

  it('refuses a stale carer edit without touching its links', async () => {
    expect.assertions(2);
    await table.store.carers.save(make.carer(p, 'CR1', ['YP1']));
    await table.store.carers.save(make.carer(p, 'CR1', ['YP1', 'YP2']), 1);
    await expect(table.store.carers.save(make.carer(p, 'CR1', ['YP3']), 1)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect((await table.store.carers.youngPeopleOf(p, 'CR1')).sort()).toEqual(['YP1', 'YP2']);
  });

  it('refuses to rewrite a completed analysis snapshot or its clusters', async () => {
    expect.assertions(3);
    const done = await table.store.analyses.save(make.analysis(p));
    await expect(
      table.store.analyses.save({ ...done, purpose: 'coordinating_agency_information' }, 1),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const cluster = { ...examples.cluster, partnershipId: p, analysisId: done.id };
    await table.store.analyses.saveClusters([cluster]);
    await expect(table.store.analyses.saveClusters([{ ...cluster, memberRefs: ['YP9'] }])).rejects.toBeInstanceOf(
      UnavailableError,
    );
    expect(await table.store.analyses.clusters(p, done.id)).toEqual([cluster]);
  });

  it('keeps both versions when two plan edits race, and refuses the loser', async () => {
    const plan = await table.store.actionPlans.save(make.actionPlan(p));
    const results = await Promise.allSettled([
      table.store.actionPlans.save({ ...plan, summary: 'First edit.' }, 1),
      table.store.actionPlans.save({ ...plan, summary: 'Second edit.' }, 1),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
    const versions = await table.store.actionPlans.versions(p, plan.id);
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
    expect((await table.store.actionPlans.get(p, plan.id))?.summary).toBe(versions[1]?.summary);
  });
});
