import { randomBytes, randomUUID } from 'node:crypto';
import {
  type ActorRole,
  type AuditEvent,
  addDays,
  ConflictError,
  DEFAULT_REMOVE_AFTER_OVERDUE_WEEKS,
  type ErasureJob,
  type ErasureRecord,
  eraseFromText,
  erasureMarker,
  type MapStore,
  NotFoundError,
  nextReviewOf,
  PARTNERSHIP_DEFAULTS,
  PeermapError,
  type ReviewDecision,
  type ReviewSettings,
  type ReviewStatus,
  reviewStatus,
  reviewStatuses,
  todayOf,
  ValidationError,
  type WholeMap,
} from '@peermap/domain';
import { analysisInFlight, type StoppedWork, settleStoppedWork, uploadsOf } from './map-work';
import { everyItem } from './paging';

/** Who asks for an erasure, review or sweep, and when. */
export interface Actor {
  userId: string;
  role: ActorRole;
}

export interface ErasureAsked {
  partnershipId: string;
  ref: string;
  reason: string;
  actor: Actor;
  now: Date;
  /** The sweep erases what a young person left behind after their record expired. */
  evenIfProfileGone?: boolean;
}

/**
 * Erases a young person and everything that names them (see `ErasureStore`). An erasure
 * already under way for the ref is carried on, whoever asked first: a retry after a crash, or
 * the same request twice, ends in one erasure.
 */
export async function eraseYoungPerson(store: MapStore, asked: ErasureAsked): Promise<ErasureRecord> {
  const { partnershipId, ref } = asked;
  const started = await store.erasures.pending(partnershipId, ref);
  if (started) return completeErasure(store, started, asked.now);
  const live = await store.youngPeople.get(partnershipId, ref);
  if (!live && !asked.evenIfProfileGone) throw new NotFoundError('young person', ref);
  // A record past its expiry may still be there: its name is cleared from the notes too.
  const person = live ?? (await store.erasures.expiredProfile(partnershipId, ref));
  const target = {
    partnershipId,
    ref,
    names: person ? [person.displayName] : [],
    marker: erasureMarker(randomBytes(4).toString('hex')),
    removedCarers: [],
  };
  const job = await store.erasures.begin(
    {
      ...target,
      reason: eraseFromText(asked.reason, target),
      requestedBy: asked.actor.userId,
      requestedByRole: asked.actor.role,
      requestedAt: asked.now.toISOString(),
    },
    person?.version,
  );
  return completeErasure(store, job, asked.now);
}

/** Tries of an erasure's steps when another request is completing the same erasure at the same time. */
const ERASURE_TRIES = 4;

/**
 * Runs the remaining steps of an erasure; each step does only what is left to do. When two
 * requests complete the same erasure at once, a step of one can find the other has changed
 * what it read: it reads the erasure again and carries on, or returns the other's result.
 */
export async function completeErasure(store: MapStore, started: ErasureJob, now: Date): Promise<ErasureRecord> {
  let job = started;
  for (let attempt = 1; ; attempt++) {
    try {
      return await erasureSteps(store, job, now);
    } catch (error) {
      const racing = error instanceof PeermapError && ['version-conflict', 'unavailable'].includes(error.kind);
      if (!racing || attempt >= ERASURE_TRIES) throw error;
      const current = await store.erasures.pending(job.partnershipId, job.ref);
      if (!current) {
        const finished = await store.erasures.record(job.partnershipId, job.marker);
        if (finished) return finished;
        throw error;
      }
      job = current;
    }
  }
}

async function erasureSteps(store: MapStore, job: ErasureJob, now: Date): Promise<ErasureRecord> {
  const planned = await store.erasures.plan(job);
  await store.erasures.removeOwnRecords(planned);
  await store.erasures.eraseFromAudit(planned);
  await store.erasures.eraseFromKeptRecords(planned);
  await refuseWhileMapWorkRuns(store, planned.partnershipId, now);
  // A request that read them just before they left the map may have audited it since.
  await store.erasures.eraseFromAudit(planned);
  const record: ErasureRecord = {
    partnershipId: planned.partnershipId,
    marker: planned.marker,
    reason: planned.reason,
    requestedBy: planned.requestedBy,
    requestedByRole: planned.requestedByRole,
    requestedAt: planned.requestedAt,
    completedAt: now.toISOString(),
    removed: planned.removed ?? {},
    version: 1,
  };
  await store.erasures.complete(planned, record);
  return record;
}

/**
 * An analysis or an upload that read the map before the young person left it may still write
 * groups, records or an audit event naming them. The erasure stays under way until that work
 * has finished; asking again then (or the nightly sweep) runs the steps over what it wrote.
 */
async function refuseWhileMapWorkRuns(store: MapStore, partnershipId: string, now: Date): Promise<void> {
  const [running, uploads] = await Promise.all([
    analysisInFlight(store, partnershipId, now),
    uploadsOf(store, partnershipId, now),
  ]);
  if (running || uploads.writing) {
    throw new ConflictError(
      `The young person is off the map, but ${running ? 'an analysis' : 'an upload'} that started before is still running; the erasure completes once it has finished. Ask again in a minute (the nightly sweep completes it too).`,
    );
  }
}

/** The partnership's review settings as they apply. */
export async function reviewSettingsOf(store: MapStore, partnershipId: string): Promise<ReviewSettings> {
  const partnership = await store.partnerships.get(partnershipId);
  return {
    reviewAfterWeeks: partnership?.reviewAfterWeeks ?? PARTNERSHIP_DEFAULTS.reviewAfterWeeks,
    removeAfterOverdueWeeks: partnership?.removeAfterOverdueWeeks ?? DEFAULT_REMOVE_AFTER_OVERDUE_WEEKS,
  };
}

/** Every young person's review status as of today, soonest first. */
export async function reviewList(
  store: MapStore,
  partnershipId: string,
  now: Date,
  map?: WholeMap,
): Promise<{ statuses: ReviewStatus[]; settings: ReviewSettings; overdueSince: Map<string, string> }> {
  const [whole, reviews, settings, overdueSince] = await Promise.all([
    map ?? store.mapReader.wholeMap(partnershipId),
    store.reviews.all(partnershipId),
    reviewSettingsOf(store, partnershipId),
    store.reviews.overdueSince(partnershipId),
  ]);
  const statuses = reviewStatuses({ ...whole, reviews, overdueSince }, settings, todayOf(now));
  return { statuses, settings, overdueSince };
}

/**
 * The day DynamoDB may delete a young person's record by itself: a week after the sweep
 * would have removed them, so the sweep (which also removes their links) acts first, and a
 * sweep that stopped running still cannot keep anyone on the map for good.
 */
export const TTL_MARGIN_DAYS = 7;
export const retainUntilFor = (status: Pick<ReviewStatus, 'removalOn'>) =>
  `${addDays(status.removalOn, TTL_MARGIN_DAYS)}T00:00:00.000Z`;

/** Records a review: keep (with a reason and the next review date) or remove (an erasure). */
export async function decideReview(
  store: MapStore,
  asked: { partnershipId: string; ref: string; decision: ReviewDecision; actor: Actor; now: Date },
): Promise<{ kept?: ReviewStatus; erased?: ErasureRecord }> {
  const { partnershipId, ref, decision, actor, now } = asked;
  if (decision.decision === 'remove') {
    return { erased: await eraseYoungPerson(store, { partnershipId, ref, reason: decision.reason, actor, now }) };
  }
  const person = await store.youngPeople.get(partnershipId, ref);
  if (!person) throw new NotFoundError('young person', ref);
  const settings = await reviewSettingsOf(store, partnershipId);
  const today = todayOf(now);
  const nextReviewOn = nextReviewOf(decision, settings.reviewAfterWeeks, today);
  if (!nextReviewOn) {
    throw new ValidationError('The next review must be after today and within a year.', [
      { path: 'nextReviewOn', message: `choose a day from ${addDays(today, 1)} to ${addDays(today, 366)}` },
    ]);
  }
  await store.reviews.add({
    partnershipId,
    youngPersonRef: ref,
    decision: 'keep',
    reason: decision.reason,
    nextReviewOn,
    decidedBy: actor.userId,
    decidedByRole: actor.role,
    decidedAt: now.toISOString(),
    version: 1,
  });
  const [status] = (await reviewList(store, partnershipId, now)).statuses.filter((s) => s.ref === ref);
  if (!status) throw new NotFoundError('young person', ref);
  const { version, ...rest } = person;
  await store.youngPeople.save({ ...rest, retainUntil: retainUntilFor(status) }, version);
  return { kept: status };
}

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

/** The audit detail of an erasure: what stands in the person's place and why; nothing about them. */
export const erasureDetail = (record: ErasureRecord) =>
  `Erased; ${record.marker} stands in their place in what the partnership keeps. Reason: ${record.reason}`.slice(
    0,
    500,
  );

/**
 * The daily retention sweep of one partnership: completes erasures left under way, erases
 * the young people past their removal date with no decision to keep, erases what a young
 * person whose record expired left behind, and moves every other young person's expiry to
 * follow their latest activity and review. Each erasure is audited on its own.
 */
export async function sweepRetention(store: MapStore, partnershipId: string, now: Date): Promise<SweepResult> {
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
  const attempt = attempter(store, result, now);
  for (const job of await store.erasures.allPending(partnershipId)) {
    if (await attempt(() => completeErasure(store, job, now))) result.completed += 1;
  }
  const before = await store.mapReader.wholeMap(partnershipId);
  const erase = (ref: string, reason: string, evenIfProfileGone = false) =>
    attempt(() => eraseYoungPerson(store, { partnershipId, ref, reason, actor: SWEEP_ACTOR, now, evenIfProfileGone }));
  for (const ref of leftBehindRefs(before)) {
    const reason = 'Retention: the young person’s record had expired; what named them is removed with it.';
    if (await erase(ref, reason, true)) result.leftBehind += 1;
  }
  // Each read of the whole map is reused until an erasure changes the map.
  const current = result.leftBehind > 0 ? await store.mapReader.wholeMap(partnershipId) : before;
  const due = await reviewList(store, partnershipId, now, current);
  const today = todayOf(now);
  for (const status of due.statuses.filter((s) => s.removalOn <= today)) {
    // Read again just before: a review or new activity since the map was read keeps them.
    if (!(await stillPastRemoval(store, partnershipId, status.ref, due, today))) continue;
    if (await erase(status.ref, removalReason(status, due.settings))) result.erased += 1;
  }
  // Expiry and "first shown overdue" follow the map as the erasures left it, so the next sweep
  // finds nothing to move.
  const map = result.erased > 0 ? await store.mapReader.wholeMap(partnershipId) : current;
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
  return result;
}

/**
 * Restricted police intelligence that names someone no longer on the map goes too, but quietly:
 * the sweep's counts, erasures and ordinary audit are what they would be had police held
 * nothing. Its own audit event is the restricted layer's, naming no one (their refs are gone).
 */
async function sweepRestrictedLeftBehind(store: MapStore, partnershipId: string, onMap: Set<string>, now: Date) {
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
  store: MapStore,
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

/**
 * Runs one piece of the sweep: an erasure is audited once done; a refusal (a record changed
 * meanwhile, a busy table) is counted and left to the next sweep; a fault is thrown on.
 */
function attempter(store: MapStore, result: SweepResult, now: Date) {
  return async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      const done = await work();
      if (isErasureRecord(done)) await store.audit.record(erasureAuditEvent(done, now));
      return true;
    } catch (error) {
      if (!(error instanceof PeermapError)) throw error;
      result.deferred += 1;
      return false;
    }
  };
}

const removalReason = (status: ReviewStatus, settings: ReviewSettings) =>
  `Retention: no decision to keep by ${status.reviewDueOn}, the review date, nor in the ${settings.removeAfterOverdueWeeks} weeks after it.`;

const isErasureRecord = (value: unknown): value is ErasureRecord =>
  typeof value === 'object' && value !== null && 'marker' in value && 'completedAt' in value;

/** The audit event of an erasure the sweep made: no one named, the marker and the reason given. */
function erasureAuditEvent(record: ErasureRecord, now: Date): AuditEvent {
  return sweepEvent(record.partnershipId, now, {
    action: 'erase',
    subjects: { youngPeople: [], carers: [] },
    requestId: `retention-sweep-${record.marker}`,
    detail: erasureDetail(record),
  });
}

/** An audit event of the sweep's own work: peermap as the actor, on young people's records. */
function sweepEvent(
  partnershipId: string,
  now: Date,
  what: Pick<AuditEvent, 'action' | 'subjects' | 'requestId' | 'detail'>,
): AuditEvent {
  return {
    id: randomUUID(),
    partnershipId,
    at: now.toISOString(),
    actor: SWEEP_ACTOR,
    resource: 'young-people',
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
