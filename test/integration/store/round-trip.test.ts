import {
  AlreadyExistsError,
  examples,
  NotFoundError,
  TooLargeError,
  UnavailableError,
  ValidationError,
} from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCommands } from '../../support/commands';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

describe('the store keeps every kind of record as it was given', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  let commands: string[];
  const p = 'kent-south';

  beforeAll(async () => {
    table = await createTestTable();
    commands = recordCommands(table.ctx.client);
  });
  afterAll(async () => {
    await table.drop();
  });

  it('round-trips a partnership', async () => {
    const saved = await table.store.partnerships.save({
      id: p,
      name: 'South Kent Safeguarding Partnership',
      handlingMarking: 'OFFICIAL-SENSITIVE',
      reviewAfterWeeks: 12,
      createdAt: '2026-11-01T09:00:00.000Z',
    });
    expect(saved.version).toBe(1);
    expect(await table.store.partnerships.get(p)).toEqual(saved);
  });

  it('round-trips a young person', async () => {
    const saved = await table.store.youngPeople.save(make.youngPerson(p, 'YP1'));
    expect(saved).toEqual({ ...make.youngPerson(p, 'YP1'), version: 1 });
    expect(await table.store.youngPeople.get(p, 'YP1')).toEqual(saved);
  });

  it('round-trips a relationship and finds it from either side', async () => {
    const saved = await table.store.relationships.save(make.relationship(p, 'YP1', 'YP2'));
    expect(await table.store.relationships.get(p, { personA: 'YP1', personB: 'YP2' })).toEqual(saved);
    expect(await table.store.relationships.ofPerson(p, 'YP1')).toEqual([saved]);
    expect(await table.store.relationships.ofPerson(p, 'YP2')).toEqual([saved]);
    expect(await table.store.relationships.get(p, { personA: 'YP2', personB: 'YP1' })).toEqual(saved);
  });

  it('round-trips a location with its original grid reference', async () => {
    const saved = await table.store.locations.save(make.location(p, 'LOC1'));
    expect(await table.store.locations.get(p, 'LOC1')).toEqual(saved);
    expect(saved.gridReference).toEqual({ easting: 604607, northing: 143198 });
  });

  it('round-trips a sighting and finds it by person and by location', async () => {
    const saved = await table.store.sightings.save(make.sighting(p, 'YP1', 'LOC1'));
    const key = { personRef: 'YP1', locationRef: 'LOC1', seenOn: '2026-11-12', sourceAgency: 'police' } as const;
    expect(await table.store.sightings.get(p, key)).toEqual(saved);
    expect(await table.store.sightings.ofPerson(p, 'YP1')).toEqual([saved]);
    expect((await table.store.sightings.atLocation(p, 'LOC1')).items).toEqual([saved]);
  });

  it('keeps the same sighting uploaded twice as one', async () => {
    expect.assertions(2);
    await expect(table.store.sightings.save(make.sighting(p, 'YP1', 'LOC1'))).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
    expect(await table.store.sightings.ofPerson(p, 'YP1')).toHaveLength(1);
  });

  it('round-trips a concern', async () => {
    const saved = await table.store.concerns.save(make.concern(p, 'YP1'));
    expect(await table.store.concerns.ofPerson(p, 'YP1')).toEqual([saved]);
  });

  it('round-trips a carer and links it to each of its young people', async () => {
    const saved = await table.store.carers.save(make.carer(p, 'CR1', ['YP1', 'YP2']));
    expect(await table.store.carers.get(p, 'CR1')).toEqual(saved);
    expect(await table.store.carers.ofYoungPerson(p, 'YP1')).toEqual([saved]);
    expect(await table.store.carers.ofYoungPerson(p, 'YP2')).toEqual([saved]);
    expect((await table.store.carers.youngPeopleOf(p, 'CR1')).sort()).toEqual(['YP1', 'YP2']);
  });

  it('moves the links when a carer no longer cares for a young person', async () => {
    const moved = await table.store.carers.save(make.carer(p, 'CR1', ['YP2', 'YP3']), 1);
    expect(moved.version).toBe(2);
    expect(await table.store.carers.ofYoungPerson(p, 'YP1')).toEqual([]);
    expect((await table.store.carers.youngPeopleOf(p, 'CR1')).sort()).toEqual(['YP2', 'YP3']);
    await table.store.carers.remove(p, 'CR1', 2);
    expect(await table.store.carers.get(p, 'CR1')).toBeUndefined();
    expect(await table.store.carers.ofYoungPerson(p, 'YP2')).toEqual([]);
    expect(await table.store.carers.youngPeopleOf(p, 'CR1')).toEqual([]);
  });

  it('round-trips an upload record', async () => {
    const saved = await table.store.uploads.save(make.upload(p));
    expect(await table.store.uploads.get(p, saved.id)).toEqual(saved);
  });

  it('round-trips an analysis snapshot with its clusters and finds the latest completed one', async () => {
    const older = await table.store.analyses.save(make.analysis(p, { week: '2026-W45' }));
    const latest = await table.store.analyses.save(make.analysis(p, { week: '2026-W46' }));
    await table.store.analyses.save(make.analysis(p, { week: '2026-W47', status: 'running', summary: undefined }));
    const cluster = { ...examples.cluster, partnershipId: p, analysisId: latest.id };
    await table.store.analyses.saveClusters([cluster]);
    expect(await table.store.analyses.get(p, latest.id)).toEqual(latest);
    expect(await table.store.analyses.latestCompleted(p)).toEqual(latest);
    expect(await table.store.analyses.latestCompleted(p, '2026-W45')).toEqual(older);
    expect(await table.store.analyses.clusters(p, latest.id)).toEqual([cluster]);
    expect((await table.store.analyses.list(p)).items).toHaveLength(3);
  });

  it('round-trips an action plan and keeps every version', async () => {
    const first = await table.store.actionPlans.save(make.actionPlan(p));
    const second = await table.store.actionPlans.save({ ...first, status: 'agreed' }, 1);
    expect(await table.store.actionPlans.get(p, first.id)).toEqual(second);
    expect(await table.store.actionPlans.versions(p, first.id)).toEqual([first, second]);
    expect(await table.store.actionPlans.ofCluster(p, 'C-1')).toEqual([second]);
  });

  it('round-trips an invitation list', async () => {
    const saved = await table.store.invitationLists.save(make.invitationList(p));
    expect(await table.store.invitationLists.get(p, saved.id)).toEqual(saved);
    expect(await table.store.invitationLists.ofCluster(p, 'C-1')).toEqual([saved]);
  });

  it('never replaces an audit event, and names a person once however often they are listed', async () => {
    expect.assertions(2);
    const event = make.auditEvent(p, {
      actor: { userId: 'chair-7', role: 'madp-chair' },
      subjects: { youngPeople: ['YP7', 'YP7'], carers: [] },
      detail: 'first',
    });
    await table.store.audit.record(event);
    await expect(table.store.audit.record({ ...event, detail: 'second' })).rejects.toBeInstanceOf(UnavailableError);
    const found = (await table.store.audit.byYoungPerson(p, 'YP7')).items;
    expect(found.map((e) => [e.detail, e.subjects.youngPeople])).toEqual([['first', ['YP7']]]);
  });

  it('records an audit event that names more people than one transaction holds', async () => {
    const many = Array.from({ length: 150 }, (_, index) => `YPM${index}`);
    await table.store.audit.record(
      make.auditEvent(p, {
        actor: { userId: 'chair-8', role: 'madp-chair' },
        subjects: { youngPeople: many, carers: [] },
      }),
    );
    expect((await table.store.audit.byYoungPerson(p, 'YPM149')).items).toHaveLength(1);
  });

  it('writes an event naming more people than one item holds as parts sharing its request id', async () => {
    const everyone = Array.from({ length: 2_100 }, (_, index) => `YPW${index}`);
    const event = make.auditEvent(p, {
      actor: { userId: 'chair-9', role: 'madp-chair' },
      action: 'analyse',
      subjects: { youngPeople: everyone, carers: [] },
      detail: 'Peer-group analysis',
    });
    await table.store.audit.record(event);
    const [first] = (await table.store.audit.byYoungPerson(p, 'YPW0')).items;
    const [last] = (await table.store.audit.byYoungPerson(p, 'YPW2099')).items;
    expect(first).toMatchObject({
      id: event.id,
      requestId: event.requestId,
      detail: 'Peer-group analysis (part 1 of 2)',
    });
    expect(last).toMatchObject({ requestId: event.requestId, detail: 'Peer-group analysis (part 2 of 2)' });
    expect(last?.id).not.toBe(event.id);
    expect((first?.subjects.youngPeople.length ?? 0) + (last?.subjects.youngPeople.length ?? 0)).toBe(2_100);
  });

  it('does not return a record past its retention that DynamoDB has not yet deleted', async () => {
    await table.store.youngPeople.save(make.youngPerson(p, 'YP-OLD', { retainUntil: '2020-01-01T00:00:00.000Z' }));
    expect(await table.store.youngPeople.get(p, 'YP-OLD')).toBeUndefined();
    expect((await table.store.youngPeople.list(p, { limit: 500 })).items.map((person) => person.ref)).not.toContain(
      'YP-OLD',
    );
  });

  it('finds audit events by person and by user', async () => {
    const event = make.auditEvent(p, { subjects: { youngPeople: ['YP1', 'YP2'], carers: ['CR1'] } });
    await table.store.audit.record(event);
    expect((await table.store.audit.byYoungPerson(p, 'YP2')).items).toEqual([event]);
    expect((await table.store.audit.byCarer(p, 'CR1')).items).toEqual([event]);
    expect((await table.store.audit.byUser(p, 'lead-1')).items).toEqual([event]);
    expect((await table.store.audit.byYoungPerson(p, 'YP9')).items).toEqual([]);
  });

  it('refuses an invalid record before writing anything', async () => {
    expect.assertions(3);
    try {
      await table.store.youngPeople.save(make.youngPerson(p, 'YP9', { dateOfBirth: '2011-02-30' }));
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((problem) => problem.path)).toEqual(['dateOfBirth']);
    }
    expect(await table.store.youngPeople.get(p, 'YP9')).toBeUndefined();
  });

  it('says a record is gone when a change names one that does not exist', async () => {
    expect.assertions(1);
    await expect(table.store.youngPeople.save(make.youngPerson(p, 'YP404'), 3)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a record too large for one item as too large, and keeps nothing of it', async () => {
    const list = make.invitationList(p);
    const [carer] = list.notInvited;
    if (!carer) throw new Error('the example list has a carer who is not invited');
    const notInvited = Array.from({ length: 3000 }, (_, index) => ({ ...carer, carerRef: `CR${index}` }));
    await expect(table.store.invitationLists.save({ ...list, notInvited })).rejects.toThrow(TooLargeError);
    expect(await table.store.invitationLists.get(p, list.id)).toBeUndefined();
  });

  it('never scans', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands.filter((name) => /scan/i.test(name))).toEqual([]);
  });
});
