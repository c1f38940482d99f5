import { randomBytes } from 'node:crypto';
import {
  type ActorRole,
  ConflictError,
  type ErasureJob,
  type ErasurePorts,
  type ErasureRecord,
  eraseFromText,
  erasureMarker,
  NotFoundError,
  PeermapError,
} from '@peermap/domain';
import { analysisInFlight, uploadsOf } from './map-work';

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
export async function eraseYoungPerson(store: ErasurePorts, asked: ErasureAsked): Promise<ErasureRecord> {
  return completeErasure(store, await startErasure(store, asked), asked.now);
}

/**
 * Takes the young person off the map and records the erasure (or finds the one under way):
 * from then on the erasure is completed by whoever asks next, or by the nightly sweep.
 */
export async function startErasure(
  store: Pick<ErasurePorts, 'erasures' | 'youngPeople'>,
  asked: ErasureAsked,
): Promise<ErasureJob> {
  const { partnershipId, ref } = asked;
  const started = await store.erasures.pending(partnershipId, ref);
  if (started) return started;
  const live = await store.youngPeople.get(partnershipId, ref);
  if (!live && !asked.evenIfProfileGone) throw new NotFoundError('young person', ref);
  // A record past its expiry may still be there: its name is cleared from the notes too.
  const person = live ?? (await store.erasures.expiredProfile(partnershipId, ref));
  const target = {
    partnershipId,
    ref,
    names: person ? [person.displayName] : [],
    // Their strengths are their words: a plan drafted for them quotes them, and they go from it with them.
    strengths: person ? [...person.strengths] : [],
    marker: erasureMarker(randomBytes(4).toString('hex')),
    removedCarers: [],
  };
  return store.erasures.begin(
    {
      ...target,
      reason: eraseFromText(asked.reason, target),
      requestedBy: asked.actor.userId,
      requestedByRole: asked.actor.role,
      requestedAt: asked.now.toISOString(),
    },
    person?.version,
  );
}

/** Tries of an erasure's steps when another request is completing the same erasure at the same time. */
const ERASURE_TRIES = 4;

/** A refusal that another request completing the same erasure at the same time can cause. */
export const isRacing = (error: unknown): error is PeermapError =>
  error instanceof PeermapError && ['version-conflict', 'unavailable'].includes(error.kind);

/**
 * Runs the remaining steps of an erasure; each step does only what is left to do. When two
 * requests complete the same erasure at once, a step of one can find the other has changed
 * what it read: it reads the erasure again and carries on, or returns the other's result.
 */
export async function completeErasure(store: ErasurePorts, started: ErasureJob, now: Date): Promise<ErasureRecord> {
  let job = started;
  for (let attempt = 1; ; attempt++) {
    try {
      const planned = await clearOwnRecords(store, job);
      await clearKeptRecords(store, [planned], now);
      return await finishErasure(store, planned, now);
    } catch (error) {
      if (!isRacing(error) || attempt >= ERASURE_TRIES) throw error;
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

/**
 * The first steps of an erasure: what goes with the person is planned, and their own records
 * and audit entries go. Their name is still in what the partnership keeps.
 */
export async function clearOwnRecords(store: Pick<ErasurePorts, 'erasures'>, job: ErasureJob): Promise<ErasureJob> {
  const planned = await store.erasures.plan(job);
  await store.erasures.removeOwnRecords(planned);
  await store.erasures.eraseFromAudit(planned);
  return planned;
}

/**
 * Erases the people of planned erasures from what the partnership keeps, in one pass over it
 * however many they are; then waits for the map work that read them before they left.
 */
export async function clearKeptRecords(store: ErasurePorts, planned: readonly ErasureJob[], now: Date): Promise<void> {
  const [first] = planned;
  if (!first) return;
  await store.erasures.eraseFromKeptRecords(planned);
  await refuseWhileMapWorkRuns(store, first.partnershipId, now);
}

/** The last step of a planned erasure whose people are out of the kept records: the record of it. */
export async function finishErasure(
  store: Pick<ErasurePorts, 'erasures'>,
  planned: ErasureJob,
  now: Date,
): Promise<ErasureRecord> {
  // A request that read them just before they left the map may have audited it since.
  await store.erasures.eraseFromAudit(planned);
  return store.erasures.complete(planned, {
    partnershipId: planned.partnershipId,
    marker: planned.marker,
    reason: planned.reason,
    requestedBy: planned.requestedBy,
    requestedByRole: planned.requestedByRole,
    requestedAt: planned.requestedAt,
    completedAt: now.toISOString(),
    removed: planned.removed ?? {},
  });
}

/**
 * An analysis or an upload that read the map before the young person left it may still write
 * groups, records or an audit event naming them. The erasure stays under way until that work
 * has finished; asking again then (or the nightly sweep) runs the steps over what it wrote.
 */
async function refuseWhileMapWorkRuns(store: ErasurePorts, partnershipId: string, now: Date): Promise<void> {
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

/** The audit detail of an erasure: what stands in the person's place and why; nothing about them. */
export const erasureDetail = (record: ErasureRecord) =>
  `Erased; ${record.marker} stands in their place in what the partnership keeps. Reason: ${record.reason}`.slice(
    0,
    500,
  );
