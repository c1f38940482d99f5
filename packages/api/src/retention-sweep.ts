import { randomUUID } from 'node:crypto';
import {
  type AuditEvent,
  ConflictError,
  type ErasureJob,
  type ErasureRecord,
  PeermapError,
  type ReviewSettings,
  type ReviewStatus,
  reviewStatus,
  type SweepPorts,
  todayOf,
  type WholeMap,
} from '@peermap/domain';
import {
  type Actor,
  clearKeptRecords,
  clearOwnRecords,
  completeErasure,
  erasureDetail,
  finishErasure,
  isRacing,
  startErasure,
} from './erasure';
import { anonymiseFeedbackPastRetention } from './feedback';
import { type StoppedWork, settleStoppedWork } from './map-work';
import { everyItem } from './paging';
import { retainUntilFor, reviewList } from './reviews';
import { clearSessionWordsPastRetention } from './session-retention';

export interface SweepResult {
  /** Erasures a crash had left under way, now completed. */
  completed: number;
  /** Young people past their removal date with no decision to keep, now erased. */
  erased: number;
  /** Records left behind by a young person whose record expired, erased with them. */
  leftBehind: number;
  /** Young people whose expiry date was moved (new activity, a review). */
  retentionUpdated: string[];
  /** Changes that could not be made this time (a record changed meanwhile); the next sweep tries again. */
  deferred: number;
  /** Work whose heartbeat stopped and that nobody took over, now ended as `failed` with the reason. */
  stoppedWork: StoppedWork;
}

const SWEEP_ACTOR: Actor = { userId: 'peermap-retention-sweep', role: 'system' };

/**
 * The daily retention sweep of one partnership: completes erasures left under way, erases
 * the young people past their removal date with no decision to keep, erases what a young
 * person whose record expired left behind, and moves every other young person's expiry to
 * follow their latest activity and review. Each erasure is audited on its own.
 */
export async function sweepRetention(store: SweepPorts, partnershipId: string, now: Date): Promise<SweepResult> {
  // Work that stopped part-way would hold back the erasures below until it is ended.
  const stoppedWork = await settleStoppedWork(store, partnershipId, now);
  const result: SweepResult = {
    completed: 0,
    erased: 0,
    leftBehind: 0,
    retentionUpdated: [],
    deferred: 0,
    stoppedWork,
  };
  const erasures = new SweepErasures(store, result, now);
  for (const job of await store.erasures.allPending(partnershipId)) await erasures.carryOn('completed', job);
  const before = await store.mapReader.wholeMap(partnershipId);
  const erase = (counted: Counted, ref: string, reason: string, evenIfProfileGone = false) =>
    erasures.begin(counted, { partnershipId, ref, reason, actor: SWEEP_ACTOR, now, evenIfProfileGone });
  for (const ref of leftBehindRefs(before)) {
    await erase(
      'leftBehind',
      ref,
      'Retention: the young person’s record had expired; what named them is removed with it.',
      true,
    );
  }
  // Each read of the whole map is reused until an erasure changes the map.
  const current = erasures.begun('leftBehind') ? await store.mapReader.wholeMap(partnershipId) : before;
  const due = await reviewList(store, partnershipId, now, current);
  const today = todayOf(now);
  for (const status of due.statuses.filter((s) => s.removalOn <= today)) {
    // Read again just before: a review or new activity since the map was read keeps them.
    if (!(await stillPastRemoval(store, partnershipId, status.ref, due, today))) continue;
    await erase('erased', status.ref, removalReason(status, due.settings));
  }
  await erasures.finish();
  // Expiry and "first shown overdue" follow the map as the erasures left it, so the next sweep
  // finds nothing to move.
  const map = erasures.changedKeptRecords ? await store.mapReader.wholeMap(partnershipId) : current;
  const after = map === current ? due : await reviewList(store, partnershipId, now, map);
  await store.reviews.markOverdue(partnershipId, overdueChanges(after.statuses, after.overdueSince, today));
  const people = new Map(map.youngPeople.map((p) => [p.ref, p]));
  const changes = after.statuses.flatMap((status) => {
    const person = people.get(status.ref);
    const retainUntil = retainUntilFor(status);
    return person && person.retainUntil !== retainUntil ? [{ person, retainUntil }] : [];
  });
  const { notMoved } = await store.reviews.moveExpiry(changes);
  result.retentionUpdated = changes.map((c) => c.person.ref).filter((ref) => !notMoved.includes(ref));
  result.deferred += notMoved.length;
  await sweepRestrictedLeftBehind(store, partnershipId, new Set(map.youngPeople.map((p) => p.ref)), now);
  result.deferred += await sweepFeedback(store, partnershipId, now);
  result.deferred += await sweepSessionWords(store, partnershipId, now);
  return result;
}

/** Sessions past their retention keep their counts and costs without the words about families, audited. */
async function sweepSessionWords(store: SweepPorts, partnershipId: string, now: Date): Promise<number> {
  const swept = await clearSessionWordsPastRetention(store, partnershipId, now);
  await auditWordsTaken(store, partnershipId, now, {
    changed: swept.cleared,
    carers: swept.carers,
    resource: 'sessions',
    detail: `Retention: ${swept.cleared} sessions past their two years kept without their risk assessment's words and the notes on them; who came, what was done and what it cost stay.`,
  });
  return swept.deferred;
}

/** Feedback past its retention is kept without the carer and the words, audited; answers how many were deferred. */
async function sweepFeedback(store: SweepPorts, partnershipId: string, now: Date): Promise<number> {
  const swept = await anonymiseFeedbackPastRetention(store, partnershipId, now);
  await auditWordsTaken(store, partnershipId, now, {
    changed: swept.anonymised,
    carers: swept.carers,
    resource: 'session-feedback',
    detail: `Retention: ${swept.anonymised} pieces of parents' feedback past their two years kept without the carer and the words; the measures stay.`,
  });
  return swept.deferred;
}

/** One audit event for the records whose words the sweep took, naming the carers they named; none when none changed. */
async function auditWordsTaken(
  store: SweepPorts,
  partnershipId: string,
  now: Date,
  taken: { changed: number; carers: string[]; resource: string; detail: string },
): Promise<void> {
  if (taken.changed === 0) return;
  await store.audit.record(
    sweepEvent(
      partnershipId,
      now,
      {
        action: 'update',
        subjects: { youngPeople: [], carers: taken.carers },
        requestId: `retention-sweep-${taken.resource}-${now.toISOString()}`,
        detail: taken.detail,
      },
      taken.resource,
    ),
  );
}

/** What the sweep counts an erasure as. */
type Counted = 'completed' | 'leftBehind' | 'erased';

/**
 * The sweep's erasures, completed together. Each person's own records go as the sweep comes to
 * them (what it reads of the map next follows), and one pass over what the partnership keeps
 * then erases them all, instead of a pass per erasure. An erasure that races a request completing
 * it is completed on its own; one refused (a record changed meanwhile, a busy table, map work
 * running) is counted as deferred and left to the next sweep; a fault is thrown on.
 */
class SweepErasures {
  private readonly planned: { job: ErasureJob; counted: Counted }[] = [];
  /** Whether the kept records were erased from (the map's records moved to a new version). */
  changedKeptRecords = false;

  constructor(
    private readonly store: SweepPorts,
    private readonly result: SweepResult,
    private readonly now: Date,
  ) {}

  /** Whether an erasure counted so has been begun and its own records removed. */
  begun(counted: Counted): boolean {
    return this.planned.some((p) => p.counted === counted);
  }

  /** Takes a young person off the map and removes their own records. */
  async begin(counted: Counted, asked: Parameters<typeof startErasure>[1]): Promise<void> {
    if (this.planned.some((p) => p.job.ref === asked.ref)) return;
    const job = await this.refusedAsDeferred(() => startErasure(this.store, asked));
    if (job) await this.carryOn(counted, job);
  }

  /** Removes the own records of an erasure under way. */
  async carryOn(counted: Counted, job: ErasureJob): Promise<void> {
    const planned = await this.orAlone(counted, job, () => clearOwnRecords(this.store, job));
    if (planned) this.planned.push({ job: planned, counted });
  }

  /** One pass over the kept records for every erasure begun, then each is completed and audited. */
  async finish(): Promise<void> {
    const batch = this.planned.splice(0);
    if (batch.length === 0) return;
    this.changedKeptRecords = true;
    const kept = await this.refusedAsDeferred(
      async () => {
        await clearKeptRecords(
          this.store,
          batch.map((p) => p.job),
          this.now,
        );
        return true;
      },
      async (error) => {
        for (const { job, counted } of batch) await (isRacing(error) ? this.alone(counted, job) : this.defer());
      },
    );
    if (!kept) return;
    for (const { job, counted } of batch) {
      await this.orAlone(counted, job, () => this.audited(counted, () => finishErasure(this.store, job, this.now)));
    }
  }

  /** A step of an erasure in the batch; one that raced another request is completed on its own instead. */
  private orAlone<T>(counted: Counted, job: ErasureJob, step: () => Promise<T>): Promise<T | undefined> {
    return this.refusedAsDeferred(step, (error) => (isRacing(error) ? this.alone(counted, job) : this.defer()));
  }

  /** An erasure completed on its own, with the retries of a request. */
  private async alone(counted: Counted, job: ErasureJob): Promise<void> {
    await this.refusedAsDeferred(() => this.audited(counted, () => completeErasure(this.store, job, this.now)));
  }

  /** Audits an erasure once done, and counts it. */
  private async audited(counted: Counted, erasure: () => Promise<ErasureRecord>): Promise<ErasureRecord> {
    const record = await erasure();
    await this.store.audit.record(erasureAuditEvent(record, this.now));
    this.result[counted] += 1;
    return record;
  }

  private defer(): void {
    this.result.deferred += 1;
  }

  /** Runs work; a refusal is handled (by default counted as deferred), a fault thrown on. */
  private async refusedAsDeferred<T>(
    work: () => Promise<T>,
    refused: (error: PeermapError) => Promise<void> | void = () => this.defer(),
  ): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof PeermapError)) throw error;
      await refused(error);
      return undefined;
    }
  }
}

/**
 * Restricted police intelligence that names someone no longer on the map goes too, but quietly:
 * the sweep's counts, erasures and ordinary audit are what they would be had police held
 * nothing. Its own audit event is the restricted layer's, naming no one (their refs are gone).
 */
async function sweepRestrictedLeftBehind(store: SweepPorts, partnershipId: string, onMap: Set<string>, now: Date) {
  const [relationships, sightings] = await Promise.all([
    everyItem((p) => store.restrictedRelationships.list(partnershipId, p), 500),
    everyItem((p) => store.restrictedSightings.list(partnershipId, p), 500),
  ]);
  // The map was read before the sweep's erasures: someone added since is on it.
  const stillOnMap = async (refs: string[]) =>
    (
      await Promise.all(refs.filter((ref) => !onMap.has(ref)).map((ref) => store.youngPeople.get(partnershipId, ref)))
    ).every(Boolean);
  const removals = [
    ...relationships
      .filter((r) => !onMap.has(r.personA) || !onMap.has(r.personB))
      .map((r) => async () => {
        if (await stillOnMap([r.personA, r.personB])) throw new ConflictError('added to the map meanwhile');
        await store.restrictedRelationships.remove(partnershipId, r, r.version);
      }),
    ...sightings
      .filter((s) => !onMap.has(s.personRef))
      .map((s) => async () => {
        if (await stillOnMap([s.personRef])) throw new ConflictError('added to the map meanwhile');
        await store.restrictedSightings.remove(partnershipId, s, s.version);
      }),
  ];
  let removed = 0;
  for (const remove of removals) {
    // Anything in the way (a change by police, a busy table) leaves the record for the next sweep:
    // what the sweep answers must never depend on what police hold.
    if (
      await remove().then(
        () => true,
        () => false,
      )
    )
      removed += 1;
  }
  if (removed === 0) return;
  await store.audit.record({
    ...sweepEvent(partnershipId, now, {
      action: 'delete',
      subjects: { youngPeople: [], carers: [] },
      requestId: `retention-sweep-${now.toISOString()}`,
      detail: `Retention sweep: ${removed} restricted police records naming young people no longer on the map removed.`,
    }),
    resource: 'restricted-intelligence',
    restricted: true,
  });
}

/** Who is first shown overdue today (recorded), and who no longer is (cleared). */
function overdueChanges(statuses: readonly ReviewStatus[], recorded: ReadonlyMap<string, string>, today: string) {
  const overdue = new Set(statuses.filter((s) => s.state === 'overdue').map((s) => s.ref));
  return [
    ...[...overdue].filter((ref) => !recorded.has(ref)).map((ref) => ({ ref, since: today })),
    ...[...recorded.keys()].filter((ref) => !overdue.has(ref)).map((ref) => ({ ref, since: undefined })),
  ];
}

/** One young person's review status from their records as they are now, not as the map was read. */
async function stillPastRemoval(
  store: SweepPorts,
  partnershipId: string,
  ref: string,
  due: { settings: ReviewSettings; overdueSince: ReadonlyMap<string, string> },
  today: string,
): Promise<boolean> {
  const [person, relationships, sightings, concerns, reviews] = await Promise.all([
    store.youngPeople.get(partnershipId, ref),
    store.relationships.ofPerson(partnershipId, ref),
    store.sightings.ofPerson(partnershipId, ref),
    store.concerns.ofPerson(partnershipId, ref),
    store.reviews.ofPerson(partnershipId, ref),
  ]);
  if (!person) return false;
  const status = reviewStatus(
    person,
    { relationships, sightings, concerns },
    reviews,
    due.settings,
    today,
    due.overdueSince.get(ref),
  );
  return status.removalOn <= today;
}

const removalReason = (status: ReviewStatus, settings: ReviewSettings) =>
  `Retention: no decision to keep by ${status.reviewDueOn}, the review date, nor in the ${settings.removeAfterOverdueWeeks} weeks after it.`;

/** The audit event of an erasure the sweep made: no one named, the marker and the reason given. */
function erasureAuditEvent(record: ErasureRecord, now: Date): AuditEvent {
  return sweepEvent(record.partnershipId, now, {
    action: 'erase',
    subjects: { youngPeople: [], carers: [] },
    requestId: `retention-sweep-${record.marker}`,
    detail: erasureDetail(record),
  });
}

/** An audit event of the sweep's own work: peermap as the actor, on young people's records unless said. */
function sweepEvent(
  partnershipId: string,
  now: Date,
  what: Pick<AuditEvent, 'action' | 'subjects' | 'requestId' | 'detail'>,
  resource = 'young-people',
): AuditEvent {
  return {
    id: randomUUID(),
    partnershipId,
    at: now.toISOString(),
    actor: SWEEP_ACTOR,
    resource,
    outcome: 'allowed',
    ...what,
  };
}

/** Refs named by relationships, sightings or concerns whose young person is no longer on the map. */
function leftBehindRefs(map: WholeMap): string[] {
  const onMap = new Set(map.youngPeople.map((p) => p.ref));
  const named = [
    ...map.relationships.flatMap((r) => [r.personA, r.personB]),
    ...map.sightings.map((s) => s.personRef),
    ...map.concerns.map((c) => c.personRef),
  ];
  return [...new Set(named.filter((ref) => !onMap.has(ref)))].sort();
}

/** The audit event of a sweep: the young people whose expiry it moved (their records changed). */
export function sweepAuditEvent(partnershipId: string, result: SweepResult, now: Date): AuditEvent {
  return sweepEvent(partnershipId, now, {
    action: 'update',
    subjects: { youngPeople: result.retentionUpdated, carers: [] },
    requestId: `retention-sweep-${now.toISOString()}`,
    detail: `Retention sweep: ${result.erased} erased at their removal date, ${result.leftBehind} left behind by an expired record erased, ${result.completed} erasures completed, ${result.retentionUpdated.length} expiry dates moved, ${result.deferred} deferred; work that had stopped ended as failed: ${result.stoppedWork.uploads} uploads, ${result.stoppedWork.slots} large uploads, ${result.stoppedWork.analyses} analyses.`,
  });
}
