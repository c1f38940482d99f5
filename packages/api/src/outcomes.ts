import {
  type Concern,
  type InvitationList,
  isoWeekDays,
  isSessionHeld,
  mapWithConcurrency,
  READ_CONCURRENCY,
  type SessionFeedback,
  type StorePorts,
  todayOf,
  ValidationError,
} from '@peermap/domain';
import type { Subjects } from '@peermap/http';
import { type ParentSessionOutcomes, parentSessionOutcomes } from '@peermap/reports';
import { everyItem } from './paging';

/** What the outcome report reads: the sessions, their feedback and the concerns of the children of parents who came. */
export type OutcomePorts = StorePorts<'invitationLists' | 'sessionFeedback' | 'concerns' | 'uploads'>;

/** A period a funder asks about: at most three years, so one report cannot sweep the partnership's whole history. */
export const MOST_YEARS = 3;

/** Refuses a period that ends before it starts or runs past three years, naming the field. */
export function refuseBadPeriod(from: string, to: string): void {
  if (from > to) {
    throw new ValidationError('The period ends before it starts.', [
      { path: 'to', message: 'choose a day on or after the first day of the period' },
    ]);
  }
  const latest = `${Number(from.slice(0, 4)) + MOST_YEARS}${from.slice(4)}`;
  if (to > latest) {
    throw new ValidationError(`A period can be at most ${MOST_YEARS} years long.`, [
      { path: 'to', message: `choose a day at most ${MOST_YEARS} years after the first` },
    ]);
  }
}

/** The sessions whose day falls from `from` to `to`, as stored: the store lists them by day, so reading stops past `to`. */
async function sessionsBetween(store: OutcomePorts, partnershipId: string, from: string, to: string) {
  const sessions: InvitationList[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.invitationLists.sessions(partnershipId, 'upcoming', from, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    const inPeriod = page.items.filter((list) => list.session.date <= to);
    sessions.push(...inPeriod);
    cursor = inPeriod.length === page.items.length ? page.cursor : undefined;
  } while (cursor);
  return sessions;
}

/** The first day of the earliest week uploaded: the map holds no records from before it. */
async function historyFrom(store: OutcomePorts, partnershipId: string): Promise<string | undefined> {
  const uploads = await everyItem((page) => store.uploads.list(partnershipId, page));
  const weeks = uploads.filter((upload) => upload.status === 'completed').map((upload) => upload.week);
  const first = weeks.sort()[0];
  return first ? isoWeekDays(first).firstDay : undefined;
}

/** The young people whose parent or carer came to a held session: their concerns make the trends. */
const childrenOfThoseWhoCame = (held: readonly InvitationList[]) => [
  ...new Set(
    held.flatMap((list) =>
      list.invite.flatMap((carer) => (list.attendance[carer.carerRef] === 'attended' ? carer.youngPersonRefs : [])),
    ),
  ),
];

export interface OutcomeRequest {
  partnershipId: string;
  from: string;
  to: string;
  weeks?: number | undefined;
  now: Date;
}

/**
 * What the sessions of a period achieved, with the people whose records were read to count it:
 * the report names no one, and the audit names everyone it was drawn from, as the sessions list does.
 */
export async function outcomesOf(
  store: OutcomePorts,
  request: OutcomeRequest,
): Promise<{ outcomes: ParentSessionOutcomes; subjects: Subjects }> {
  const { partnershipId: p, from, to, now } = request;
  refuseBadPeriod(from, to);
  const sessions = await sessionsBetween(store, p, from, to);
  const held = sessions.filter((list) => isSessionHeld(list, now));
  const feedback = new Map<string, SessionFeedback[]>(
    await mapWithConcurrency(held, READ_CONCURRENCY, async (list) => [
      list.id,
      await store.sessionFeedback.ofSession(p, list.id),
    ]),
  );
  const children = childrenOfThoseWhoCame(held);
  const concerns = new Map<string, Concern[]>(
    await mapWithConcurrency(children, READ_CONCURRENCY, async (ref) => [ref, await store.concerns.ofPerson(p, ref)]),
  );
  const outcomes = parentSessionOutcomes({
    from,
    to,
    today: todayOf(now),
    now,
    sessions,
    feedback,
    concerns,
    weeks: request.weeks,
    historyFrom: await historyFrom(store, p),
  });
  const subjects = {
    youngPeople: [...new Set([...sessions.flatMap((list) => list.youngPersonRefs), ...children])].sort(),
    carers: [
      ...new Set(
        sessions.flatMap((list) =>
          [...list.invite, ...list.askConsentFirst, ...list.notInvited].map((carer) => carer.carerRef),
        ),
      ),
    ].sort(),
  };
  return { outcomes, subjects };
}
