import {
  ACTION_OWNER_LABELS,
  type ActionOwner,
  addDays,
  type Carer,
  dateInWords,
  type FollowUp,
  type FollowUpKind,
  type InvitationOutcome,
  listInWords,
} from '@peermap/domain';

/** How long the owner has to reach a carer who could not come: two weeks, so it is done before the next meeting. */
export const FOLLOW_UP_DUE_DAYS = 14;

/** Who follows up unless the lead says otherwise: early help, who plan and run the sessions. */
export const DEFAULT_FOLLOW_UP_OWNER: ActionOwner = 'early_help';

/** What is owed to every carer who could not come: the session's messages, and a place at the next one. */
export const OWED_TO_THOSE_WHO_COULD_NOT_COME: readonly FollowUpKind[] = ['share_messages', 'invite_next'];

/** The outcomes of a carer who was invited and could not come (or did not say). */
const COULD_NOT_COME: ReadonlySet<InvitationOutcome> = new Set(['apologies', 'no_response']);

/** A follow-up the service proposes; the lead accepts it (and may change its owner and due day). */
export interface FollowUpSuggestion {
  readonly carerRef: string;
  readonly kind: FollowUpKind;
  readonly ownerAgency: ActionOwner;
  readonly dueOn: string;
}

/** What the service knows today of a carer, enough to say whether they may still be contacted. */
export type CarerStanding = Pick<Carer, 'doNotContact' | 'safetyNote' | 'consent'>;

/**
 * Why a carer may not be followed up now, or undefined when they may. Safety first, as when the
 * list was made: a do-not-contact flag or a safety note added since, or consent withdrawn or
 * declined since, means nobody reaches out to them about the session. A carer no longer on the
 * map (erased) is not contacted either.
 */
export function whyNotToFollowUp(carer: CarerStanding | undefined): string | undefined {
  if (!carer) return 'no longer on the map';
  if (carer.doNotContact) return 'now marked do not contact';
  if (carer.safetyNote) return 'a safety note was added since';
  if (carer.consent.status === 'withdrawn') return 'consent was withdrawn since';
  if (carer.consent.status === 'declined') return 'consent was declined since';
  return undefined;
}

/** The carers the session invited who sent apologies or did not answer, in the order they were listed. */
export function couldNotCome(
  invitedRefs: readonly string[],
  attendance: Readonly<Record<string, InvitationOutcome>>,
): string[] {
  return invitedRefs.filter((ref) => {
    const outcome = attendance[ref];
    return outcome !== undefined && COULD_NOT_COME.has(outcome);
  });
}

/**
 * The day a follow-up is due: two weeks after the session, or two weeks from today when the
 * attendance is recorded so late that the first is already past.
 */
export function followUpDueOn(sessionDate: string, today: string): string {
  const afterSession = addDays(sessionDate, FOLLOW_UP_DUE_DAYS);
  return afterSession >= today ? afterSession : addDays(today, FOLLOW_UP_DUE_DAYS);
}

/**
 * The follow-ups owed after a held session: for each invited carer who could not come and may
 * still be contacted, the session's messages and an invitation to the next one, owned by early
 * help and due in two weeks.
 */
export function suggestFollowUps(asked: {
  readonly invitedRefs: readonly string[];
  readonly attendance: Readonly<Record<string, InvitationOutcome>>;
  readonly standingOf: (carerRef: string) => CarerStanding | undefined;
  readonly sessionDate: string;
  readonly today: string;
}): FollowUpSuggestion[] {
  const dueOn = followUpDueOn(asked.sessionDate, asked.today);
  return couldNotCome(asked.invitedRefs, asked.attendance)
    .filter((ref) => whyNotToFollowUp(asked.standingOf(ref)) === undefined)
    .flatMap((carerRef) =>
      OWED_TO_THOSE_WHO_COULD_NOT_COME.map((kind) => ({ carerRef, kind, ownerAgency: DEFAULT_FOLLOW_UP_OWNER, dueOn })),
    );
}

/** Follow-ups still owed: not yet marked done. */
export const openFollowUps = (followUps: readonly FollowUp[]): FollowUp[] =>
  followUps.filter((followUp) => followUp.doneOn === undefined);

/** How a session's follow-ups stand: counts only, which every role at the meeting may read. */
export interface FollowUpCounts {
  readonly open: number;
  readonly done: number;
  /** Open and past their due day. */
  readonly overdue: number;
}

export function countFollowUps(followUps: readonly FollowUp[], today: string): FollowUpCounts {
  const open = openFollowUps(followUps);
  return {
    open: open.length,
    done: followUps.length - open.length,
    overdue: open.filter((followUp) => followUp.dueOn < today).length,
  };
}

/** One line of the meeting's agenda: a session with follow-ups still owed to families, never naming a carer. */
export interface OwedToFamilies {
  readonly sessionId: string;
  readonly sessionDate: string;
  readonly open: number;
  readonly overdue: number;
  readonly oldestDueOn: string;
  readonly owners: readonly ActionOwner[];
  readonly text: string;
}

/** A day in words, without its year when it is this year's: "3 December". */
function shortDay(day: string, today: string): string {
  const words = dateInWords(day);
  return day.slice(0, 4) === today.slice(0, 4) ? words.replace(/ \d{4}$/, '') : words;
}

/**
 * What the next MADP meeting is told of the follow-ups still owed, one line per session, the
 * oldest due first, until each is done: "Follow-ups owed to families after the session on 3
 * December: 2 open, the oldest due 17 December (Early help)". Counts, a day and the owning
 * agencies only, since every role at the meeting reads the agenda.
 */
export function owedToFamilies(
  sessions: readonly { readonly id: string; readonly date: string; readonly followUps?: readonly FollowUp[] }[],
  today: string,
): OwedToFamilies[] {
  return sessions
    .flatMap((session) => {
      const open = openFollowUps(session.followUps ?? []);
      const oldestDueOn = open.map((followUp) => followUp.dueOn).sort()[0];
      if (oldestDueOn === undefined) return [];
      const owners = [...new Set(open.map((followUp) => followUp.ownerAgency))].sort();
      const overdue = open.filter((followUp) => followUp.dueOn < today).length;
      const text = `Follow-ups owed to families after the session on ${shortDay(session.date, today)}: ${open.length} open${
        overdue > 0 ? ` (${overdue} past ${overdue === 1 ? 'its' : 'their'} due day)` : ''
      }, the oldest due ${shortDay(oldestDueOn, today)} (${listInWords(owners.map((owner) => ACTION_OWNER_LABELS[owner]))})`;
      return [
        { sessionId: session.id, sessionDate: session.date, open: open.length, overdue, oldestDueOn, owners, text },
      ];
    })
    .sort((a, b) =>
      a.oldestDueOn === b.oldestDueOn
        ? a.sessionDate.localeCompare(b.sessionDate)
        : a.oldestDueOn < b.oldestDueOn
          ? -1
          : 1,
    );
}
