import {
  addDays,
  DEFAULT_REMOVE_AFTER_OVERDUE_WEEKS,
  type ErasureRecord,
  NotFoundError,
  nextReviewOf,
  PARTNERSHIP_DEFAULTS,
  type ReviewDecision,
  type ReviewDecisionPorts,
  type ReviewSettings,
  type ReviewStatus,
  type ReviewStatusPorts,
  reviewStatuses,
  todayOf,
  ValidationError,
  type WholeMap,
} from '@peermap/domain';
import { type Actor, eraseYoungPerson } from './erasure';

/** The partnership's review settings as they apply. */
export async function reviewSettingsOf(
  store: Pick<ReviewStatusPorts, 'partnerships'>,
  partnershipId: string,
): Promise<ReviewSettings> {
  const partnership = await store.partnerships.get(partnershipId);
  return {
    reviewAfterWeeks: partnership?.reviewAfterWeeks ?? PARTNERSHIP_DEFAULTS.reviewAfterWeeks,
    removeAfterOverdueWeeks: partnership?.removeAfterOverdueWeeks ?? DEFAULT_REMOVE_AFTER_OVERDUE_WEEKS,
  };
}

/** Every young person's review status as of today, soonest first. */
export async function reviewList(
  store: ReviewStatusPorts,
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
  store: ReviewDecisionPorts,
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
  });
  const [status] = (await reviewList(store, partnershipId, now)).statuses.filter((s) => s.ref === ref);
  if (!status) throw new NotFoundError('young person', ref);
  await store.youngPeople.change(person, { retainUntil: retainUntilFor(status) });
  return { kept: status };
}
