import * as z from 'zod';
import { ValidationError } from './errors';
import { type LanguageNote, languageNotes } from './language';
import { withBasisKept } from './paper-words';
import { ClockTime, Facilitator, isSessionApproved, SessionLife, sessionStatusOf } from './parent-session';
import {
  ClusterId,
  IsoDate,
  LongText,
  PartnershipId,
  RecordId,
  Ref,
  ShortText,
  Timestamp,
  Version,
} from './primitives';
import { isPastSessionDate, todayOf } from './uk-day';
import { ActionOwner, CarerRelationship, ConcernCategory } from './vocabulary';

export const ActionStatus = z.enum(['not_started', 'in_progress', 'done', 'cancelled']);

const ActionId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);

/**
 * Why a drafted action covers the young people it does: the open concern that made the rule
 * suggest it (only those with it are covered), the place they were seen at, or the whole group
 * (a session for all the parents, a review of the group).
 */
export const ActionBasis = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('concern'), categories: z.array(ConcernCategory).min(1) }),
  z.strictObject({ kind: z.literal('place'), locationRef: Ref, name: ShortText(200) }),
  z.strictObject({ kind: z.literal('whole_group') }),
]);
export type ActionBasis = z.infer<typeof ActionBasis>;

/** One agreed action: who owns it, by when, and which young people it covers. */
export const PlanAction = z.strictObject({
  id: ActionId,
  description: ShortText(500),
  ownerAgency: ActionOwner,
  ownerName: ShortText(120).optional(),
  dueOn: IsoDate,
  status: ActionStatus,
  coversRefs: z.array(Ref),
  /**
   * Why the draft covers whom it does; absent on actions people added, and on plans drafted
   * before. The plan's own: kept while the action covers the same young people, dropped when
   * that changes, and never taken from a change (one sent is ignored).
   */
  basis: ActionBasis.optional().meta({ readOnly: true }),
});
export type PlanAction = z.infer<typeof PlanAction>;

/** What the editor sends to keep a flagged phrase: the phrase, where it is, and why. */
export const KeepWords = z.strictObject({
  phrase: ShortText(80),
  /** The action whose description holds the phrase; absent: the plan's summary. */
  actionId: ActionId.optional(),
  reason: ShortText(500).pipe(
    z.string().min(10, "say why the words are kept, for example that they are the young person's own, quoted"),
  ),
});
export type KeepWords = z.infer<typeof KeepWords>;

/** A flagged phrase kept on purpose, with the reason, who kept it and when: printed on the plan's paper. */
export const KeptWords = KeepWords.extend({ keptBy: ShortText(128), keptAt: Timestamp });
export type KeptWords = z.infer<typeof KeptWords>;

export const PlanStatus = z.enum(['draft', 'agreed', 'reviewed']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/**
 * A joint action plan for a peer group, a place or a parent group. Every version is kept; the chair
 * moves it from draft to agreed to reviewed.
 */
export const ActionPlan = z
  .strictObject({
    id: RecordId,
    partnershipId: PartnershipId,
    clusterId: ClusterId.optional(),
    locationRef: Ref.optional(),
    /** A parent group's own plan: the joint safeguarding strategy its parents make with early help. */
    parentGroupId: RecordId.optional(),
    analysisId: RecordId.optional(),
    /** The group's young people when the plan was drafted: each must be covered before it is agreed. */
    youngPersonRefs: z.array(Ref).optional(),
    status: PlanStatus,
    summary: LongText(5000),
    actions: z.array(PlanAction).max(200),
    /** Blaming or labelling words kept with a reason; every other flagged phrase blocks agreeing the plan. */
    keptWords: z.array(KeptWords).max(100).optional(),
    updatedBy: ShortText(128),
    updatedAt: Timestamp,
    version: Version,
  })
  .refine((p) => [p.clusterId, p.locationRef, p.parentGroupId].filter(Boolean).length === 1, {
    message: 'a plan is for one peer group, one place or one parent group',
    path: ['clusterId'],
  });
export type ActionPlan = z.infer<typeof ActionPlan>;

export const InvitationOutcome = z.enum(['invited', 'attended', 'apologies', 'no_response']);
export type InvitationOutcome = z.infer<typeof InvitationOutcome>;

/** Why a carer is not on the invite list; each reason is shown to the organiser. */
export const NotInvitedReason = z.enum([
  'consent_declined',
  'consent_withdrawn',
  'do_not_contact',
  'safety_note',
  'case_closed',
  'no_parental_responsibility_or_caring_role',
  /**
   * Kept apart from another carer by the session's risk assessment and offered another session:
   * counted as a safety reason, never named to other parents.
   */
  'another_session_offered',
]);
export type NotInvitedReason = z.infer<typeof NotInvitedReason>;

/** How the organiser reaches a carer: what the carer record holds, or through the key worker. */
export const ContactRoute = z.enum(['phone', 'email', 'key_worker']);

/** A carer as the organiser needs them for a session: who, for whom, and what makes coming possible. */
const ListedCarer = z.strictObject({
  carerRef: Ref,
  name: ShortText(120),
  relationship: CarerRelationship,
  parentalResponsibility: z.boolean(),
  youngPersonRefs: z.array(Ref).min(1),
  preferredLanguage: ShortText(60).optional(),
  interpreterNeeded: z.boolean(),
  transportNeeded: z.boolean(),
  accessNeeds: ShortText(200).optional(),
});

export const InvitedCarer = ListedCarer.extend({
  contactRoute: ContactRoute,
  phone: ShortText(40).optional(),
  email: z.email().max(254).optional(),
});
export type InvitedCarer = z.infer<typeof InvitedCarer>;

export const AskConsentFirst = ListedCarer.extend({ askedBy: ShortText(120).optional() });
export type AskConsentFirst = z.infer<typeof AskConsentFirst>;

export const NotInvitedCarer = ListedCarer.extend({ reason: NotInvitedReason });
export type NotInvitedCarer = z.infer<typeof NotInvitedCarer>;

/** When and where a session is, and who runs it. */
export const SessionDetails = z.strictObject({
  date: IsoDate,
  time: ClockTime,
  endTime: ClockTime.optional(),
  /** The venue's name, or how an online session is held ("Online, by video call"). */
  venue: ShortText(200),
  address: ShortText(300).optional(),
  /** For a session held online: a secure (https) link, given to those invited once the session is approved. */
  onlineLink: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(500)
    .optional(),
  /** Step-free access, a hearing loop, a quiet room, childcare: what the venue offers. */
  accessibility: ShortText(500).optional(),
  facilitators: z.array(Facilitator).max(20),
});
export type SessionDetails = z.infer<typeof SessionDetails>;

/** A first session works better small: past the limit, the list proposes smaller sessions along the group's sub-groups. */
export const SizeWarning = z.strictObject({
  limit: z.number().int().positive(),
  inviteCount: z.number().int().positive(),
  proposedSessions: z.array(z.strictObject({ youngPersonRefs: z.array(Ref), carerRefs: z.array(Ref) })),
});

/**
 * A Parent Empowerment Session: the carers to invite, and who must be asked or left out first,
 * with the session's life (see parent-session.ts): its plan, its risk assessment and approval,
 * who came, what is owed to those who could not, and where it stands. For a peer group
 * (`clusterId`), a place (`locationRef`), a parent group (`parentGroupId`), or chosen young people.
 */
export const InvitationList = z
  .strictObject({
    id: RecordId,
    partnershipId: PartnershipId,
    clusterId: ClusterId.optional(),
    ...SessionLife,
    youngPersonRefs: z.array(Ref).min(1),
    session: SessionDetails,
    invite: z.array(InvitedCarer),
    askConsentFirst: z.array(AskConsentFirst),
    notInvited: z.array(NotInvitedCarer),
    sizeWarning: SizeWarning.optional(),
    /** Recorded after the session, for each carer invited. */
    attendance: z.record(Ref, InvitationOutcome),
    createdBy: ShortText(128),
    createdAt: Timestamp,
    version: Version,
  })
  .refine((list) => [list.clusterId, list.locationRef, list.parentGroupId].filter(Boolean).length <= 1, {
    message: 'a session is for one peer group, one place or one parent group',
    path: ['clusterId'],
  });
export type InvitationList = z.infer<typeof InvitationList>;

/** The session and its invitation list are one record: the name says which side a use case reads. */
export const ParentSession = InvitationList;
export type ParentSession = InvitationList;

/**
 * Whether a session took place: marked held, or (a list from before sessions had a status) its
 * day has gone by and someone is recorded as having come.
 */
export function isSessionHeld(session: Pick<ParentSession, 'status' | 'session' | 'attendance'>, now: Date): boolean {
  const status = sessionStatusOf(session);
  if (status === 'held') return true;
  return (
    status === 'invitations_sent' &&
    isPastSessionDate(session.session.date, now) &&
    Object.values(session.attendance).includes('attended')
  );
}

// In a module of its own (no zod), so the session form refuses the same days as the API.
export { isPastSessionDate } from './uk-day';

/** A session is planned ahead: a day already gone by in the United Kingdom is refused, naming the field. */
export function refusePastSession(session: Pick<SessionDetails, 'date'>, now: Date): void {
  if (!isPastSessionDate(session.date, now)) return;
  throw new ValidationError('The session cannot be on a day that has gone by.', [
    { path: 'session.date', message: `${session.date} is before today (${todayOf(now)}, UK time)` },
  ]);
}

/** A flagged phrase in a plan: where it is (the summary, or an action by id), and the reason if it was kept. */
export interface PlanWordNote extends LanguageNote {
  actionId?: string | undefined;
  kept?: KeptWords;
}

type PlanWords = Pick<ActionPlan, 'summary' | 'actions' | 'keptWords'>;
type Phrases = readonly { phrase: string; suggestion: string }[];

/** Where a phrase is: the summary (no action id) or an action's description. */
interface PhrasePlace {
  phrase: string;
  actionId?: string | undefined;
}

const isSamePlace = (kept: PhrasePlace, note: PhrasePlace) =>
  kept.phrase.toLowerCase() === note.phrase.toLowerCase() && kept.actionId === note.actionId;

/**
 * Every blaming or labelling phrase in a plan's words (the guide and the partnership's own
 * additions), each with the reason it was kept when it was. A note's field is `summary` or
 * `actions.<index>.description`, as the words check names them.
 */
export function planWordNotes(plan: PlanWords, additions: Phrases = []): PlanWordNote[] {
  const fields = {
    summary: plan.summary,
    ...Object.fromEntries(plan.actions.map((a, index) => [`actions.${index}.description`, a.description])),
  };
  return languageNotes(fields, additions).map((note) => {
    const index = /^actions\.(\d+)\./.exec(note.field)?.[1];
    const actionId = index === undefined ? undefined : plan.actions[Number(index)]?.id;
    const placed = actionId === undefined ? note : { ...note, actionId };
    const kept = plan.keptWords?.find((k) => isSamePlace(k, placed));
    return kept ? { ...placed, kept } : placed;
  });
}

const placeInWords = (note: PhrasePlace) => (note.actionId === undefined ? 'the summary' : `action ${note.actionId}`);

/**
 * A plan is agreed in words that do not blame or label a child: each flagged phrase is changed
 * or kept with a reason (a young person's own words, quoted). Refused naming every phrase and
 * where it is.
 */
export function refuseUnexplainedWords(plan: PlanWords, additions: Phrases = []): void {
  const unexplained = planWordNotes(plan, additions).filter((note) => !note.kept);
  if (unexplained.length === 0) return;
  throw new ValidationError(
    'Blaming or labelling words stop the plan being agreed: change each, or keep it with the reason.',
    unexplained.map((note) => ({
      path: note.actionId === undefined ? 'summary' : `actions.${note.actionId}.description`,
      message: `“${note.phrase}” in ${placeInWords(note)}: try “${note.suggestion}”, or keep it and say why`,
    })),
  );
}

/**
 * The kept words a plan holds after a change: each asked one must be a flagged phrase found
 * where it says; one kept before with the same reason keeps its who and when; a phrase no
 * longer in the words is no longer kept (typed again later, it is checked again).
 */
export function keptWordsAfter(
  plan: PlanWords,
  asked: readonly KeepWords[] | undefined,
  additions: Phrases,
  kept: { by: string; at: string },
): KeptWords[] | undefined {
  const notes = planWordNotes({ ...plan, keptWords: [] }, additions);
  if (asked) refuseUnsoundKeeps(asked, additions);
  const wanted = asked ?? plan.keptWords ?? [];
  const strays = asked?.filter((k) => !notes.some((note) => isSamePlace(k, note))) ?? [];
  if (strays.length > 0) {
    throw new ValidationError('Only flagged words in the plan can be kept.', [
      ...strays.map((k) => ({ path: 'keptWords', message: `“${k.phrase}” is not flagged in ${placeInWords(k)}` })),
    ]);
  }
  const result = wanted
    .filter((k) => notes.some((note) => isSamePlace(k, note)))
    .map((k) => {
      const before = plan.keptWords?.find((old) => isSamePlace(old, k) && old.reason === k.reason);
      return before ?? { ...pickKeep(k), keptBy: kept.by, keptAt: kept.at };
    });
  return result.length > 0 || plan.keptWords ? result : undefined;
}

const pickKeep = ({ phrase, actionId, reason }: KeepWords): KeepWords =>
  actionId === undefined ? { phrase, reason } : { phrase, actionId, reason };

/** Quoted words ("…", “…”, ‘…’): a reason may quote what was said, the young person's own words. */
const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’/gu;

/**
 * Each phrase is kept once in each place, or its reason would print twice; and a reason does
 * not itself blame or label a child, except in words it quotes. Refused naming each.
 */
function refuseUnsoundKeeps(asked: readonly KeepWords[], additions: Phrases): void {
  const problems = asked.flatMap((keep, index) => {
    const twice = asked.findIndex((other) => isSamePlace(other, keep)) < index;
    const blaming = languageNotes({ reason: keep.reason.replace(QUOTED, ' ') }, additions);
    return [
      ...(twice
        ? [{ path: `keptWords.${index}`, message: `“${keep.phrase}” in ${placeInWords(keep)} is kept twice` }]
        : []),
      ...blaming.map((note) => ({
        path: `keptWords.${index}.reason`,
        message: `the reason for keeping “${keep.phrase}” says “${note.phrase}”: try “${note.suggestion}”, or quote the words said`,
      })),
    ];
  });
  if (problems.length === 0) return;
  throw new ValidationError(
    'Keep each flagged phrase once, with a reason in words that do not blame or label a child.',
    problems,
  );
}

/**
 * The actions a change sends, as the plan keeps them: each with an id of its own (words are
 * kept by action id), and each with the basis the plan keeps for it (`withBasisKept`), never
 * one the change sent.
 */
export function actionsAfter(saved: readonly PlanAction[], sent: readonly PlanAction[]): PlanAction[] {
  const ids = sent.map((action) => action.id);
  const shared = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  if (shared.length > 0) {
    throw new ValidationError(
      'Each action needs its own id.',
      shared.map((id) => ({ path: 'actions', message: `two actions share the id ${id}` })),
    );
  }
  return sent.map((action) => withBasisKept(saved, action));
}

/**
 * A session's when and where as shown: an online session's link only once its risk assessment is
 * approved (judged on the list as it stands today: see `isSessionApproved`).
 */
export function sessionAsShown(
  list: Pick<InvitationList, 'session' | 'status' | 'riskAssessment' | 'invite'>,
): SessionDetails {
  if (isSessionApproved(list)) return list.session;
  const { onlineLink: _link, ...session } = list.session;
  return session;
}
