import { randomUUID } from 'node:crypto';
import type { FollowUpChange, NewFollowUp, SessionFollowUps } from '@peermap/contract';
import {
  ConflictError,
  type FollowUp,
  type InvitationList,
  isSessionHeld,
  mapWithConcurrency,
  NotFoundError,
  type PlanningPorts,
  READ_CONCURRENCY,
  todayOf,
  ValidationError,
} from '@peermap/domain';
import {
  type CarerStanding,
  couldNotCome,
  countFollowUps,
  DEFAULT_FOLLOW_UP_OWNER,
  followUpDueOn,
  type OwedToFamilies,
  owedToFamilies,
  suggestFollowUps,
  whyNotToFollowUp,
} from '@peermap/planning';

/** The most follow-ups a session keeps (as its record allows). */
const MOST_FOLLOW_UPS = 200;

/** The carers a session invited, as it was stored: only they can be owed a follow-up. */
const invitedRefsOf = (list: InvitationList) => [
  ...new Set([...list.invite.map((carer) => carer.carerRef), ...Object.keys(list.attendance)]),
];

/** Each carer's standing today, read from their record: consent, do-not-contact and safety notes change. */
async function standingsOf(
  store: PlanningPorts,
  partnershipId: string,
  refs: readonly string[],
): Promise<Map<string, CarerStanding>> {
  const carers = await mapWithConcurrency(refs, READ_CONCURRENCY, (ref) => store.carers.get(partnershipId, ref));
  return new Map(carers.flatMap((carer) => (carer ? [[carer.ref, carer]] : [])));
}

/**
 * A session's follow-ups as the lead and the chair see them: the carers who could not come (and
 * why one may not be reached now), what is recorded, and, while nothing is recorded after a held
 * session, what is owed by the rules.
 */
export async function followUpsOf(store: PlanningPorts, list: InvitationList, now: Date): Promise<SessionFollowUps> {
  const today = todayOf(now);
  const absent = couldNotCome(invitedRefsOf(list), list.attendance);
  const standings = await standingsOf(store, list.partnershipId, absent);
  const held = isSessionHeld(list, now);
  const followUps = list.followUps ?? [];
  const names = new Map(list.invite.map((carer) => [carer.carerRef, carer.name]));
  const suggestions =
    held && followUps.length === 0
      ? suggestFollowUps({
          invitedRefs: absent,
          attendance: list.attendance,
          standingOf: (ref) => standings.get(ref),
          sessionDate: list.session.date,
          today,
        })
      : [];
  return {
    ...countsOf(list, now),
    followUps,
    suggestions,
    couldNotCome: absent.map((carerRef) => {
      const whyNot = whyNotToFollowUp(standings.get(carerRef));
      return {
        carerRef,
        name: names.get(carerRef) ?? carerRef,
        outcome: list.attendance[carerRef] ?? 'invited',
        ...(whyNot ? { whyNotFollowedUp: whyNot } : {}),
      };
    }),
  };
}

/** A session's follow-ups in counts only, for roles that do not read carers (police). */
export function countsOf(list: InvitationList, now: Date): SessionFollowUps {
  return {
    sessionId: list.id,
    sessionDate: list.session.date,
    held: isSessionHeld(list, now),
    counts: countFollowUps(list.followUps ?? [], todayOf(now)),
    version: list.version,
  };
}

/**
 * Records a follow-up owed to a carer who was invited. A carer the session did not invite is
 * refused, as is one who may not be reached now (do not contact, consent withdrawn); the same
 * follow-up still open for the same carer is not recorded twice.
 */
export async function addFollowUp(
  store: PlanningPorts,
  list: InvitationList,
  wanted: NewFollowUp,
  asked: { by: string; expectedVersion: number; now: Date },
): Promise<InvitationList> {
  const today = todayOf(asked.now);
  if (list.session.date > today) {
    throw new ValidationError('Follow-ups are owed after the session: record them on its day or after it.', [
      { path: 'carerRef', message: `the session is on ${list.session.date}` },
    ]);
  }
  if (!invitedRefsOf(list).includes(wanted.carerRef)) {
    throw new ValidationError('A follow-up is for a carer the session invited.', [
      { path: 'carerRef', message: `not invited to this session: ${wanted.carerRef}` },
    ]);
  }
  const whyNot = whyNotToFollowUp(
    (await standingsOf(store, list.partnershipId, [wanted.carerRef])).get(wanted.carerRef),
  );
  if (whyNot) {
    throw new ValidationError('This carer is not to be contacted about the session now.', [
      { path: 'carerRef', message: `${wanted.carerRef}: ${whyNot}` },
    ]);
  }
  const followUps = list.followUps ?? [];
  refuseRepeatOrTooMany(followUps, wanted);
  const followUp: FollowUp = {
    ...wanted,
    id: randomUUID(),
    ownerAgency: wanted.ownerAgency ?? DEFAULT_FOLLOW_UP_OWNER,
    dueOn: wanted.dueOn ?? followUpDueOn(list.session.date, today),
  };
  return store.invitationLists.change(list, changed([...followUps, followUp], asked), asked.expectedVersion);
}

function refuseRepeatOrTooMany(followUps: readonly FollowUp[], asked: NewFollowUp): void {
  const repeat = followUps.some(
    (f) => f.carerRef === asked.carerRef && f.kind === asked.kind && f.kind !== 'other' && f.doneOn === undefined,
  );
  if (repeat) throw new ConflictError('This follow-up is already owed to this carer and not done yet.');
  if (followUps.length >= MOST_FOLLOW_UPS) {
    throw new ValidationError(`A session keeps at most ${MOST_FOLLOW_UPS} follow-ups.`, [
      { path: 'carerRef', message: 'mark some done, or record them on the next session' },
    ]);
  }
}

const changed = (followUps: FollowUp[], by: { by: string; now: Date }) => ({
  followUps,
  updatedBy: by.by,
  updatedAt: by.now.toISOString(),
});

/**
 * Changes a follow-up: done on a day (not before the session, not after today), back to open,
 * its owner, due day or note.
 */
export async function changeFollowUp(
  store: PlanningPorts,
  list: InvitationList,
  followUpId: string,
  change: FollowUpChange,
  asked: { by: string; expectedVersion: number; now: Date },
): Promise<InvitationList> {
  const followUps = list.followUps ?? [];
  const current = followUps.find((f) => f.id === followUpId);
  if (!current) throw new NotFoundError('follow-up', followUpId);
  const today = todayOf(asked.now);
  if (change.doneOn && (change.doneOn > today || change.doneOn < list.session.date)) {
    throw new ValidationError('A follow-up is done on a day between the session and today.', [
      { path: 'doneOn', message: `between ${list.session.date} and ${today}` },
    ]);
  }
  const { doneOn, ownerName, note } = { ...current, ...change };
  const next: FollowUp = {
    id: current.id,
    carerRef: current.carerRef,
    kind: current.kind,
    ownerAgency: change.ownerAgency ?? current.ownerAgency,
    dueOn: change.dueOn ?? current.dueOn,
    ...(doneOn ? { doneOn } : {}),
    ...(ownerName ? { ownerName } : {}),
    ...(note ? { note } : {}),
  };
  const all = followUps.map((f) => (f.id === followUpId ? next : f));
  return store.invitationLists.change(list, changed(all, asked), asked.expectedVersion);
}

/** How many of the partnership's held sessions are looked through for follow-ups still owed. */
const SESSIONS_LOOKED_THROUGH = 1000;

/**
 * What the next meeting is told is owed to families: every held session of the partnership
 * (the latest thousand) with follow-ups not yet done, one line each, naming no carer.
 */
export async function owedToFamiliesOf(
  store: PlanningPorts,
  partnershipId: string,
  now: Date,
): Promise<OwedToFamilies[]> {
  const today = todayOf(now);
  const lists: InvitationList[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.invitationLists.sessions(partnershipId, 'past', today, {
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    lists.push(...page.items);
    cursor = page.cursor;
  } while (cursor && lists.length < SESSIONS_LOOKED_THROUGH);
  return owedLines(lists, now);
}

/** The agenda's lines for the given sessions (a group's, a place's): those with follow-ups still owed. */
export const owedLines = (lists: readonly InvitationList[], now: Date): OwedToFamilies[] =>
  owedToFamilies(
    lists.map((list) => ({ id: list.id, date: list.session.date, followUps: list.followUps ?? [] })),
    todayOf(now),
  );
