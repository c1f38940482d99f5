import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsError,
  type LeaseHolder,
  type MapStore,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '@peermap/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as make from './records';

/** What every adapter of the storage ports holds to: the in-memory one and the table's. */
export type ContractStore = Omit<MapStore, 'mapWriter' | 'idempotency' | 'restrictedLayer'>;

/** A fresh, empty store, and how to get rid of it. */
export type FreshStore = () => Promise<{ store: ContractStore; drop?: () => Promise<void> }>;

/**
 * The behaviour of the repositories, declared once and run against each adapter (the unit
 * project runs it in memory, the integration project against DynamoDB Local), so a use case
 * tested in memory meets the same store in AWS.
 */
export function storeContract(adapter: string, fresh: FreshStore): void {
  describe(`the storage ports (${adapter})`, () => {
    let store: ContractStore;
    let drop: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ store, drop } = await fresh());
    });
    afterEach(async () => {
      await drop?.();
    });

    versionedRecords(() => store);
    paging(() => store);
    indexes(() => store);
    leases(() => store);
    runsAndPlans(() => store);
    auditAndReviews(() => store);
    erasures(() => store);
  });
}

function versionedRecords(store: () => ContractStore) {
  it('create a record only where none is, and read it back at version 1', async () => {
    const saved = await store().youngPeople.save(make.youngPerson('p1', 'YP1'));
    expect(saved.version).toBe(1);
    expect(await store().youngPeople.get('p1', 'YP1')).toEqual(saved);
    await expect(store().youngPeople.save(make.youngPerson('p1', 'YP1'))).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await store().youngPeople.get('p2', 'YP1')).toBeUndefined();
  });

  it('change and remove a record only at the version read', async () => {
    const { version, ...first } = await store().youngPeople.save(make.youngPerson('p1', 'YP1'));
    const changed = await store().youngPeople.save({ ...first, displayName: 'Changed' }, version);
    expect(changed).toMatchObject({ version: 2, displayName: 'Changed' });
    await expect(store().youngPeople.save(first, version)).rejects.toBeInstanceOf(VersionConflictError);
    await expect(store().youngPeople.remove('p1', 'YP1', version)).rejects.toBeInstanceOf(VersionConflictError);
    await expect(store().youngPeople.save(make.youngPerson('p1', 'YP9'), 1)).rejects.toBeInstanceOf(NotFoundError);
    await store().youngPeople.remove('p1', 'YP1', 2);
    expect(await store().youngPeople.get('p1', 'YP1')).toBeUndefined();
  });

  it('change a record as read, saved whole at its next version only while still at the version read', async () => {
    const first = await store().youngPeople.save(make.youngPerson('p1', 'YP1'));
    const changed = await store().youngPeople.change(first, { displayName: 'Changed' });
    expect(changed).toEqual({ ...first, displayName: 'Changed', version: 2 });
    expect(await store().youngPeople.get('p1', 'YP1')).toEqual(changed);
    await expect(store().youngPeople.change(first, { displayName: 'Stale' })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    await expect(store().youngPeople.change(changed, { displayName: 'If-Match' }, 1)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    const elsewhere = { ...changed, partnershipId: 'p2' };
    await expect(store().youngPeople.change(elsewhere, { displayName: 'Gone' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await store().youngPeople.get('p1', 'YP1'))?.displayName).toBe('Changed');
  });

  it('change a carer with its links, a plan beside its versions and settings, each at the version read', async () => {
    const carer = await store().carers.save(make.carer('p1', 'CR1', ['YP1', 'YP2']));
    await store().carers.change(carer, { youngPersonRefs: ['YP2', 'YP3'] });
    expect((await store().carers.youngPeopleOf('p1', 'CR1')).sort()).toEqual(['YP2', 'YP3']);
    expect(await store().carers.ofYoungPerson('p1', 'YP1')).toEqual([]);
    const plan = await store().actionPlans.save(make.actionPlan('p1'));
    expect(await store().actionPlans.change(plan, { status: 'agreed' })).toMatchObject({
      version: 2,
      status: 'agreed',
    });
    expect((await store().actionPlans.versions('p1', plan.id)).map((p) => p.status)).toEqual([plan.status, 'agreed']);
    await expect(store().actionPlans.change(plan, { status: 'reviewed' })).rejects.toBeInstanceOf(VersionConflictError);
    const settings = await store().partnerships.save(partnership('p1'));
    expect(await store().partnerships.change(settings, { reviewAfterWeeks: 12 })).toMatchObject({
      version: 2,
      reviewAfterWeeks: 12,
    });
    await expect(store().partnerships.change(settings, {}, 2)).resolves.toMatchObject({ version: 3 });
  });

  it('keep a partnership settings record, changed at its version', async () => {
    const created = await store().partnerships.save({ ...partnership('p1') });
    const { version, ...rest } = created;
    expect((await store().partnerships.save({ ...rest, reviewAfterWeeks: 12 }, version)).version).toBe(2);
    await expect(store().partnerships.save(rest, version)).rejects.toBeInstanceOf(VersionConflictError);
  });
}

function paging(store: () => ContractStore) {
  it('list a partnership page by page, each record once, in ref order', async () => {
    for (const ref of ['YP3', 'YP1', 'YP5', 'YP2', 'YP4']) await store().youngPeople.save(make.youngPerson('p1', ref));
    await store().youngPeople.save(make.youngPerson('p2', 'YP0'));
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store().youngPeople.list('p1', { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      refs.push(...page.items.map((p) => p.ref));
      cursor = page.cursor;
    } while (cursor);
    expect(refs).toEqual(['YP1', 'YP2', 'YP3', 'YP4', 'YP5']);
  });

  it("refuse another partnership's cursor, a forged one and a page size below 1", async () => {
    for (const ref of ['YP1', 'YP2']) await store().youngPeople.save(make.youngPerson('p1', ref));
    const first = await store().youngPeople.list('p1', { limit: 1 });
    expect(first.cursor).toBeDefined();
    await expect(store().youngPeople.list('p2', { limit: 1, ...first })).rejects.toBeInstanceOf(ValidationError);
    await expect(store().youngPeople.list('p1', { cursor: 'not base64 json' })).rejects.toBeInstanceOf(ValidationError);
    await expect(store().youngPeople.list('p1', { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
}

function indexes(store: () => ContractStore) {
  it("find a young person's relationships from either side of the pair, one layer at a time", async () => {
    await store().relationships.save(make.relationship('p1', 'YP1', 'YP2'));
    await store().relationships.save(make.relationship('p1', 'YP2', 'YP3'));
    await store().restrictedRelationships.save(make.relationship('p1', 'YP2', 'YP4', policeOnly));
    const pairs = (await store().relationships.ofPerson('p1', 'YP2')).map((r) => `${r.personA}~${r.personB}`);
    expect(pairs.sort()).toEqual(['YP1~YP2', 'YP2~YP3']);
    expect((await store().restrictedRelationships.ofPerson('p1', 'YP2')).map((r) => r.personB)).toEqual(['YP4']);
    expect(await store().relationships.ofPerson('p2', 'YP2')).toEqual([]);
  });

  it('find sightings by person and, page by page, at a place; concerns by person', async () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03'];
    for (const seenOn of days) await store().sightings.save(make.sighting('p1', 'YP1', 'LOC1', { seenOn }));
    await store().sightings.save(make.sighting('p1', 'YP2', 'LOC2'));
    await store().concerns.save(make.concern('p1', 'YP1'));
    expect((await store().sightings.ofPerson('p1', 'YP1')).map((s) => s.seenOn).sort()).toEqual(days);
    const first = await store().sightings.atLocation('p1', 'LOC1', { limit: 2 });
    expect(first.items).toHaveLength(2);
    const rest = await store().sightings.atLocation('p1', 'LOC1', { limit: 2, ...first });
    expect([...first.items, ...rest.items].map((s) => s.seenOn).sort()).toEqual(days);
    expect((await store().concerns.ofPerson('p1', 'YP1')).map((c) => c.personRef)).toEqual(['YP1']);
    expect(await store().concerns.ofPerson('p1', 'YP2')).toEqual([]);
  });

  it('link carers and young people both ways', async () => {
    await store().carers.save(make.carer('p1', 'CR1', ['YP1', 'YP2']));
    await store().carers.save(make.carer('p1', 'CR2', ['YP2']));
    expect((await store().carers.ofYoungPerson('p1', 'YP2')).map((c) => c.ref).sort()).toEqual(['CR1', 'CR2']);
    expect((await store().carers.youngPeopleOf('p1', 'CR1')).sort()).toEqual(['YP1', 'YP2']);
  });

  it('read the whole map, restricted intelligence only when asked', async () => {
    await store().youngPeople.save(make.youngPerson('p1', 'YP1'));
    await store().youngPeople.save(make.youngPerson('p1', 'YP2'));
    await store().relationships.save(make.relationship('p1', 'YP1', 'YP2'));
    await store().restrictedRelationships.save(make.relationship('p1', 'YP1', 'YP2', policeOnly));
    await expect(store().restrictedRelationships.save(make.relationship('p1', 'YP1', 'YP3'))).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(store().relationships.save(make.relationship('p1', 'YP1', 'YP3', policeOnly))).rejects.toBeInstanceOf(
      ValidationError,
    );
    const shared = await store().mapReader.wholeMap('p1');
    expect(shared.youngPeople.map((p) => p.ref)).toEqual(['YP1', 'YP2']);
    expect(shared.relationships).toHaveLength(1);
    expect((await store().mapReader.wholeMap('p1', { restricted: true })).relationships).toHaveLength(2);
  });
}

const holder = (week = '2026-W48'): LeaseHolder => ({ kind: 'upload', workId: randomUUID(), week });
const at = (ms: number) => new Date(Date.parse('2026-12-07T10:00:00.000Z') + ms);

function leases(store: () => ContractStore) {
  it('give a lease to one holder at a time, and to another once it has lapsed', async () => {
    const first = await store().leases.take('p1', 'map-writer', holder(), at(0), 60_000);
    expect(first.kind).toBe('taken');
    expect(await store().leases.take('p1', 'map-writer', holder('2026-W49'), at(59_999), 60_000)).toMatchObject({
      kind: 'held',
      by: { holder: { week: '2026-W48' } },
    });
    expect(await store().leases.take('p1', 'map-writer', holder('2026-W49'), at(60_000), 60_000)).toMatchObject({
      kind: 'taken',
      lapsed: { holder: { week: '2026-W48' } },
    });
    expect((await store().leases.take('p2', 'map-writer', holder(), at(0), 60_000)).kind).toBe('taken');
  });

  it('renew and release a lease only with the taking that holds it', async () => {
    const first = await store().leases.take('p1', 'map-writer', holder(), at(0), 1_000);
    if (first.kind !== 'taken') throw new Error('the lease was free');
    expect((await store().leases.renew(first.lease, at(900), 1_000))?.lapsesAt).toBe(at(1_900).getTime());
    const second = await store().leases.take('p1', 'map-writer', holder(), at(2_000), 1_000);
    if (second.kind !== 'taken') throw new Error('the lease had lapsed');
    expect(await store().leases.renew(first.lease, at(2_100), 1_000)).toBeUndefined();
    await store().leases.release(first.lease);
    expect((await store().leases.current('p1', 'map-writer'))?.token).toBe(second.lease.token);
    await store().leases.release(second.lease);
    expect(await store().leases.current('p1', 'map-writer')).toBeUndefined();
  });
}

function runsAndPlans(store: () => ContractStore) {
  it('find the latest completed run of a week, and of the weeks before', async () => {
    const completed = (week: string, completedAt: string) =>
      make.analysis('p1', { week, status: 'completed', completedAt });
    const w47 = await store().analyses.save(completed('2026-W47', '2026-11-20T10:00:00.000Z'));
    const w48 = await store().analyses.save(completed('2026-W48', '2026-11-27T10:00:00.000Z'));
    const w48later = await store().analyses.save(completed('2026-W48', '2026-11-28T10:00:00.000Z'));
    expect((await store().analyses.latestCompleted('p1'))?.id).toBe(w48later.id);
    expect((await store().analyses.latestCompleted('p1', '2026-W47'))?.id).toBe(w47.id);
    expect((await store().analyses.latestCompletedBefore('p1', '2026-W48'))?.id).toBe(w47.id);
    expect(await store().analyses.latestCompletedBefore('p1', '2026-W47')).toBeUndefined();
    expect(w48.id).not.toBe(w48later.id);
  });

  it('move a run from state to state in place, only at the version read and from a state the change allows', async () => {
    const queued = await store().analyses.save(make.analysis('p1', { status: 'queued' }));
    const startedAt = '2026-11-27T10:00:00.000Z';
    const running = await store().analyses.transition(queued, { status: 'running', startedAt }, { status: ['queued'] });
    expect(running).toMatchObject({ version: 2, status: 'running', startedAt });
    expect(await store().analyses.get('p1', queued.id)).toEqual(running);
    await expect(store().analyses.transition(queued, { status: 'failed' })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    await expect(
      store().analyses.transition(running, { status: 'running' }, { status: ['queued'] }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const elsewhere = { ...running, partnershipId: 'p2' };
    await expect(store().analyses.transition(elsewhere, { status: 'failed' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await store().analyses.get('p1', queued.id))?.version).toBe(2);
  });

  it('keep every version of a plan', async () => {
    const { version, ...plan } = await store().actionPlans.save(make.actionPlan('p1'));
    await store().actionPlans.save({ ...plan, status: 'agreed' }, version);
    expect((await store().actionPlans.versions('p1', plan.id)).map((p) => p.version)).toEqual([1, 2]);
    expect((await store().actionPlans.get('p1', plan.id))?.version).toBe(2);
    await expect(store().actionPlans.save(plan, version)).rejects.toBeInstanceOf(VersionConflictError);
  });
}

function auditAndReviews(store: () => ContractStore) {
  it('find audit events by young person and by user, newest first, restricted ones by neither', async () => {
    const event = (at: string, restricted = false) =>
      make.auditEvent('p1', {
        at,
        subjects: { youngPeople: ['YP1'], carers: [] },
        ...(restricted ? { restricted } : {}),
      });
    await store().audit.record(event('2026-12-01T10:00:00.000Z'));
    await store().audit.record(event('2026-12-02T10:00:00.000Z'));
    await store().audit.record(event('2026-12-03T10:00:00.000Z', true));
    const byPerson = await store().audit.byYoungPerson('p1', 'YP1');
    expect(byPerson.items.map((e) => e.at)).toEqual(['2026-12-02T10:00:00.000Z', '2026-12-01T10:00:00.000Z']);
    const user = byPerson.items[0]?.actor.userId ?? '';
    expect((await store().audit.byUser('p1', user)).items).toHaveLength(2);
    expect((await store().audit.byYoungPerson('p2', 'YP1')).items).toEqual([]);
  });

  it('keep decisions to keep, the day each was first overdue, and move expiry at the version read', async () => {
    const person = await store().youngPeople.save(make.youngPerson('p1', 'YP1'));
    await store().reviews.add(review('YP1'));
    expect((await store().reviews.ofPerson('p1', 'YP1')).map((r) => r.reason)).toEqual(['Still at risk']);
    await store().reviews.markOverdue('p1', [{ ref: 'YP1', since: '2026-12-01' }]);
    expect(await store().reviews.overdueSince('p1')).toEqual(new Map([['YP1', '2026-12-01']]));
    await store().reviews.markOverdue('p1', [{ ref: 'YP1', since: undefined }]);
    expect(await store().reviews.overdueSince('p1')).toEqual(new Map());
    const retainUntil = '2027-06-01T00:00:00.000Z';
    expect(await store().reviews.moveExpiry([{ person, retainUntil }])).toEqual({ notMoved: [] });
    expect(await store().reviews.moveExpiry([{ person, retainUntil }])).toEqual({ notMoved: ['YP1'] });
    expect((await store().youngPeople.get('p1', 'YP1'))?.retainUntil).toBe(retainUntil);
  });
}

function erasures(store: () => ContractStore) {
  it('take the young person off the map when an erasure begins, once however often it is asked', async () => {
    const person = await store().youngPeople.save(make.youngPerson('p1', 'YP1'));
    const job = await store().erasures.begin(erasureOf('YP1'), person.version);
    expect(await store().youngPeople.get('p1', 'YP1')).toBeUndefined();
    expect(await store().erasures.pending('p1', 'YP1')).toEqual(job);
    expect(await store().erasures.begin({ ...erasureOf('YP1'), marker: 'erased-other' }, undefined)).toEqual(job);
    expect((await store().erasures.allPending('p1')).map((j) => j.ref)).toEqual(['YP1']);
  });

  it("erase a young person's own records and name from what is kept, then keep only the record", async () => {
    await store().locations.save(make.location('p1', 'LOC1', { notes: 'YP1 is seen here' }));
    const person = await store().youngPeople.save(make.youngPerson('p1', 'YP1'));
    await store().relationships.save(make.relationship('p1', 'YP1', 'YP2'));
    await store().carers.save(make.carer('p1', 'CR1', ['YP1']));
    const job = await store().erasures.plan(await store().erasures.begin(erasureOf('YP1'), person.version));
    expect(job.removed).toMatchObject({ relationships: 1, carers: 1 });
    expect(job.removedCarers).toEqual(['CR1']);
    await store().erasures.removeOwnRecords(job);
    await store().erasures.eraseFromKeptRecords([job]);
    expect(await store().relationships.ofPerson('p1', 'YP2')).toEqual([]);
    expect(await store().carers.get('p1', 'CR1')).toBeUndefined();
    expect(await store().locations.get('p1', 'LOC1')).toMatchObject({ notes: 'erased-1 is seen here', version: 2 });
    const record = { ...erasureOf('YP1'), completedAt: '2026-12-07T10:00:00.000Z', removed: {}, version: 1 as const };
    const { ref: _, names: __, removedCarers: ___, ...finished } = record;
    await store().erasures.complete(job, finished);
    expect(await store().erasures.pending('p1', 'YP1')).toBeUndefined();
    expect(await store().erasures.record('p1', 'erased-1')).toEqual(finished);
    expect((await store().erasures.records('p1')).items).toEqual([finished]);
  });
}

/** Restricted police intelligence: kept in its own layer. */
const policeOnly = { restricted: true, sourceAgency: 'police' } as const;

const partnership = (id: string) => ({
  id,
  name: 'A partnership',
  handlingMarking: 'OFFICIAL-SENSITIVE',
  reviewAfterWeeks: 26,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const review = (youngPersonRef: string) => ({
  partnershipId: 'p1',
  youngPersonRef,
  decision: 'keep' as const,
  reason: 'Still at risk',
  nextReviewOn: '2027-01-04',
  decidedBy: 'lead-1',
  decidedByRole: 'madp-chair' as const,
  decidedAt: '2026-12-07T10:00:00.000Z',
});

const erasureOf = (ref: string) => ({
  partnershipId: 'p1',
  ref,
  names: [],
  marker: 'erased-1',
  removedCarers: [],
  reason: 'Asked by the young person',
  requestedBy: 'lead-1',
  requestedByRole: 'madp-chair' as const,
  requestedAt: '2026-12-07T09:00:00.000Z',
});
