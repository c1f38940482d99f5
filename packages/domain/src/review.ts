import * as z from 'zod';
import { ActorRole } from './audit';
import type { Concern, Relationship, Sighting, YoungPerson } from './map';
import { addDays, IsoDate, LongText, PartnershipId, Ref, ShortText, Timestamp } from './primitives';

/**
 * People must not stay on a map by default. Each young person falls due for review a set
 * number of weeks after the last thing that put them on it (a relationship, a sighting, a
 * concern); a review keeps them, with a reason and a next review date, or removes them for
 * real. Whoever is overdue is left out of the analysis, and whoever stays overdue past the
 * grace period is removed by the retention sweep.
 */

/** What a chair or admin decides at a review. Removing erases the young person. */
export const ReviewDecision = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('keep'),
    reason: LongText(1000).pipe(z.string().min(10, 'say why the young person stays on the map')),
    /** At most a year ahead; absent, the partnership's review period from today. */
    nextReviewOn: IsoDate.optional(),
  }),
  z.strictObject({
    decision: z.literal('remove'),
    reason: LongText(1000).pipe(z.string().min(10, 'say why the young person is removed')),
  }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** A decision to keep a young person on the map, kept with their record (and erased with it). */
export const Review = z.strictObject({
  partnershipId: PartnershipId,
  youngPersonRef: Ref,
  decision: z.literal('keep'),
  reason: LongText(1000),
  nextReviewOn: IsoDate,
  decidedBy: ShortText(128),
  decidedByRole: ActorRole,
  decidedAt: Timestamp,
  version: z.literal(1),
});
export type Review = z.infer<typeof Review>;

/** What last put a young person on the map, or that nothing has since they were added. */
export const LastActivityKind = z.enum(['relationship', 'sighting', 'concern', 'added']);
export type LastActivityKind = z.infer<typeof LastActivityKind>;

export const ReviewState = z.enum(['not_due', 'due', 'overdue']);
export type ReviewState = z.infer<typeof ReviewState>;

/** Where a young person stands: every date shown with what it comes from, nothing scored. */
export const ReviewStatus = z.strictObject({
  ref: Ref,
  lastActivityOn: IsoDate,
  lastActivity: LastActivityKind,
  reviewDueOn: IsoDate,
  /** The day the list first showed them overdue (recorded by the retention sweep). */
  overdueSince: IsoDate.optional(),
  /**
   * From this day, with no decision to keep, the retention sweep removes the young person: the
   * grace period counted from the later of the review date and the day they were first shown
   * overdue, so no one is removed without having been listed overdue for the whole period.
   */
  removalOn: IsoDate,
  state: ReviewState,
  lastKept: z.strictObject({ decidedAt: Timestamp, decidedBy: z.string(), reason: z.string() }).optional(),
});
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** The partnership's review settings, with their starting values. */
export interface ReviewSettings {
  reviewAfterWeeks: number;
  removeAfterOverdueWeeks: number;
}

export const DEFAULT_REMOVE_AFTER_OVERDUE_WEEKS = 4;
/** A review this close is shown as due, so the meeting can plan it. */
export const REVIEW_NOTICE_DAYS = 14;
/** A decision to keep reaches a year ahead at most. */
export const LONGEST_KEEP_DAYS = 366;

export interface PersonActivity {
  relationships: readonly Pick<Relationship, 'firstSeen' | 'lastSeen' | 'provenance'>[];
  sightings: readonly Pick<Sighting, 'seenOn'>[];
  concerns: readonly Pick<Concern, 'occurredOn'>[];
}

const latest = (days: readonly (string | undefined)[]) =>
  days.reduce<string | undefined>((best, day) => (day && (!best || day > best) ? day : best), undefined);

/**
 * The last day something put the young person on the map. A date after today (a slip in a
 * sheet) never counts, or one typing error would keep a child on the map for years.
 */
export function lastActivity(
  person: Pick<YoungPerson, 'provenance'>,
  activity: PersonActivity,
  today: string,
): { on: string; kind: LastActivityKind } {
  const notAfterToday = (day: string | undefined) => (day && day <= today ? day : undefined);
  const candidates: { on: string | undefined; kind: LastActivityKind }[] = [
    {
      on: latest(
        // A mistyped future last-seen falls back to first seen, then to when it was recorded.
        activity.relationships.map(
          (r) => notAfterToday(r.lastSeen) ?? notAfterToday(r.firstSeen) ?? r.provenance.recordedAt.slice(0, 10),
        ),
      ),
      kind: 'relationship',
    },
    { on: latest(activity.sightings.map((s) => notAfterToday(s.seenOn))), kind: 'sighting' },
    { on: latest(activity.concerns.map((c) => notAfterToday(c.occurredOn))), kind: 'concern' },
  ];
  const found = candidates.reduce<{ on: string; kind: LastActivityKind } | undefined>(
    (best, c) => (c.on && (!best || c.on > best.on) ? { on: c.on, kind: c.kind } : best),
    undefined,
  );
  return found ?? { on: person.provenance.recordedAt.slice(0, 10), kind: 'added' };
}

/** Where one young person stands on review, as of today. */
export function reviewStatus(
  person: Pick<YoungPerson, 'ref' | 'provenance'>,
  activity: PersonActivity,
  reviews: readonly Review[],
  settings: ReviewSettings,
  today: string,
  overdueSince?: string,
): ReviewStatus {
  const last = lastActivity(person, activity, today);
  const kept = [...reviews].sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : -1))[0];
  const byActivity = addDays(last.on, settings.reviewAfterWeeks * 7);
  const reviewDueOn = kept && kept.nextReviewOn > byActivity ? kept.nextReviewOn : byActivity;
  const state: ReviewState =
    today >= reviewDueOn ? 'overdue' : today >= addDays(reviewDueOn, -REVIEW_NOTICE_DAYS) ? 'due' : 'not_due';
  // Overdue but not yet shown so: the grace period starts today, when the list first shows it.
  const shownOverdue = state === 'overdue' ? (overdueSince ?? today) : undefined;
  const countedFrom = shownOverdue && shownOverdue > reviewDueOn ? shownOverdue : reviewDueOn;
  return {
    ref: person.ref,
    lastActivityOn: last.on,
    lastActivity: last.kind,
    reviewDueOn,
    ...(state === 'overdue' && overdueSince ? { overdueSince } : {}),
    removalOn: addDays(countedFrom, settings.removeAfterOverdueWeeks * 7),
    state,
    ...(kept ? { lastKept: { decidedAt: kept.decidedAt, decidedBy: kept.decidedBy, reason: kept.reason } } : {}),
  };
}

/** The records of a whole map a review reads, by kind. */
export interface ReviewInputs {
  youngPeople: readonly Pick<YoungPerson, 'ref' | 'provenance'>[];
  relationships: readonly Pick<Relationship, 'personA' | 'personB' | 'firstSeen' | 'lastSeen' | 'provenance'>[];
  sightings: readonly Pick<Sighting, 'personRef' | 'seenOn'>[];
  concerns: readonly Pick<Concern, 'personRef' | 'occurredOn'>[];
  reviews: readonly Review[];
  /** The day each young person was first shown overdue, as the sweep recorded it. */
  overdueSince?: ReadonlyMap<string, string>;
}

/** Every young person's review status, soonest review first (the order is the date, shown). */
export function reviewStatuses(map: ReviewInputs, settings: ReviewSettings, today: string): ReviewStatus[] {
  const activity = new Map<
    string,
    {
      relationships: PersonActivity['relationships'][number][];
      sightings: { seenOn: string }[];
      concerns: { occurredOn: string }[];
      reviews: Review[];
    }
  >();
  const of = (ref: string) => {
    let found = activity.get(ref);
    if (!found) {
      found = { relationships: [], sightings: [], concerns: [], reviews: [] };
      activity.set(ref, found);
    }
    return found;
  };
  for (const r of map.relationships) {
    of(r.personA).relationships.push(r);
    of(r.personB).relationships.push(r);
  }
  for (const s of map.sightings) of(s.personRef).sightings.push(s);
  for (const c of map.concerns) of(c.personRef).concerns.push(c);
  for (const review of map.reviews) of(review.youngPersonRef).reviews.push(review);
  return map.youngPeople
    .map((person) => {
      const own = of(person.ref);
      return reviewStatus(person, own, own.reviews, settings, today, map.overdueSince?.get(person.ref));
    })
    .sort((a, b) => (a.reviewDueOn < b.reviewDueOn ? -1 : a.reviewDueOn > b.reviewDueOn ? 1 : a.ref < b.ref ? -1 : 1));
}

/** The next review a decision to keep sets, checked to be after today and within a year. */
export function nextReviewOf(decision: { nextReviewOn?: string | undefined }, reviewAfterWeeks: number, today: string) {
  const next = decision.nextReviewOn ?? addDays(today, reviewAfterWeeks * 7);
  if (next <= today || next > addDays(today, LONGEST_KEEP_DAYS)) return undefined;
  return next;
}
