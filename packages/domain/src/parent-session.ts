import * as z from 'zod';
import { FEEDBACK_MEASURES } from './feedback-words';
import { IsoDate, LongText, PartnershipId, RecordId, Ref, ShortText, Timestamp, Version } from './primitives';
import { ACTION_OWNER_LABELS, ActionOwner } from './vocabulary';

/*
 * A Parent Empowerment Session's life beyond its invitation list: planned, made safe, delivered,
 * followed up, continued as a parent group, and counted for the people who fund the next one.
 * The session itself is the stored invitation list (`ParentSession`, in planning.ts) with these
 * parts; feedback and parent groups are records of their own.
 */

/** A 24-hour time such as 18:30. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time such as 18:30');

/** Who a facilitator comes from: an agency of the partnership, a parent-led group, or parents with lived experience. */
export const FacilitatorFrom = z.enum([...ActionOwner.options, 'expert_by_experience']);
export type FacilitatorFrom = z.infer<typeof FacilitatorFrom>;

export const FACILITATOR_FROM_LABELS: Readonly<Record<FacilitatorFrom, string>> = {
  ...ACTION_OWNER_LABELS,
  expert_by_experience: 'Expert by experience',
};

/** Where a facilitator comes from, in words; a value this code does not know is written as it is. */
export const facilitatorFromInWords = (from: string): string =>
  Object.hasOwn(FACILITATOR_FROM_LABELS, from)
    ? FACILITATOR_FROM_LABELS[from as FacilitatorFrom]
    : from.replaceAll('_', ' ');

/** A named person who runs the session with the others. */
export const Facilitator = z.strictObject({
  name: ShortText(120),
  /** Absent on sessions planned before facilitators were recorded with where they come from. */
  from: FacilitatorFrom.optional(),
  /** The team or organisation, in their own words ("Safer Families", "Harbour Road school"). */
  organisation: ShortText(120).optional(),
});
export type Facilitator = z.infer<typeof Facilitator>;

/** A topic the session covers: one of the partnership's list, or one the parents asked for. */
export const ChosenTopic = z.strictObject({
  name: ShortText(80),
  askedByParents: z.boolean(),
});
export type ChosenTopic = z.infer<typeof ChosenTopic>;

/** What the seeds say decides whether a session happens: the practical costs. */
export const BudgetLineKind = z.enum([
  'venue',
  'transport',
  'refreshments',
  'interpreter',
  'worker_hours',
  'childcare',
  'other',
]);
export type BudgetLineKind = z.infer<typeof BudgetLineKind>;

/** Whole pence, so sums never round: at most £100,000 a line. */
export const Pence = z.number().int().min(0).max(10_000_000);

export const BudgetLine = z.strictObject({
  kind: BudgetLineKind,
  /** What it is, when the kind does not say ("taxi for two families"). */
  note: ShortText(200).optional(),
  plannedPence: Pence,
  /** Recorded once it is spent. */
  actualPence: Pence.optional(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

/**
 * Where a session stands. Planned, then its risk assessment completed (assessed) and approved by
 * a second person (approved); only then are invitations sent. Held once attendance is recorded
 * after its day; cancelled at any point before.
 */
export const SessionStatus = z.enum(['planned', 'assessed', 'approved', 'invitations_sent', 'held', 'cancelled']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Statuses at which the risk assessment has been approved: carers' contact details and exports are open. */
export const APPROVED_STATUSES: readonly SessionStatus[] = ['approved', 'invitations_sent', 'held'];

/**
 * Where a session may go from each status. A change to the risk assessment sends an assessed or
 * approved session back to planned (to be completed and approved again); invitations already sent
 * stay sent, and the changed assessment must be approved again before anything more goes out.
 */
export const NEXT_SESSION_STATUSES: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  planned: ['assessed', 'cancelled'],
  assessed: ['approved', 'planned', 'cancelled'],
  approved: ['invitations_sent', 'planned', 'cancelled'],
  invitations_sent: ['held', 'cancelled'],
  held: [],
  cancelled: [],
};

/**
 * A session's status. Lists made before sessions had one were already in use, their invitations
 * out: they stand as sent.
 */
export const sessionStatusOf = (session: { status?: SessionStatus | undefined }): SessionStatus =>
  session.status ?? 'invitations_sent';

/** What approval is judged from: where the session stands, its assessment, and whom it invites now. */
interface ApprovalEvidence {
  status?: SessionStatus | undefined;
  riskAssessment?:
    | { approvedBy?: string | undefined; keepApart: readonly { carerRefs: readonly string[] }[] }
    | undefined;
  invite: readonly { carerRef: string }[];
}

/**
 * Whether carers' contact details may be given out and the list exported: the risk assessment is
 * approved as it stands, and still holds for whom the list invites today. A session whose
 * assessment changed after its invitations went out stays sent but is not approved until a
 * second person approves it again; one whose list now invites both carers of a pair kept apart
 * (a record changed since) is not approved either. Lists from before sessions had a risk
 * assessment (none recorded) were already in use and stand as approved.
 */
export function isSessionApproved(session: ApprovalEvidence): boolean {
  if (!APPROVED_STATUSES.includes(sessionStatusOf(session))) return false;
  const assessment = session.riskAssessment;
  if (!assessment) return true;
  if (!assessment.approvedBy) return false;
  const invited = new Set(session.invite.map((carer) => carer.carerRef));
  return !assessment.keepApart.some((pair) => pair.carerRefs.every((ref) => invited.has(ref)));
}

/**
 * Two carers who must not be in the same room, and why (a domestic-abuse safety note, a
 * conflict between their families). The reason is for the organiser and the approver only:
 * never shown to other parents, never in the session pack.
 */
export const KeepApart = z.strictObject({
  carerRefs: z.tuple([Ref, Ref]),
  reason: ShortText(500),
  /**
   * Which of the two was offered another session instead (taken off this one's invitations).
   * Set by the offer itself, never by a change of the assessment.
   */
  offeredAnotherSession: Ref.optional().meta({ readOnly: true }),
});
export type KeepApart = z.infer<typeof KeepApart>;

/**
 * The session made safe before anyone is invited. The lead completes it; a second person
 * approves it (never the one who completed it). Any change after approval clears the approval.
 */
export const RiskAssessment = z.strictObject({
  /** What the map and the workers know of how these families get on: conflicts, friendships, tensions. */
  groupDynamics: LongText(3000),
  /** How what is said in the room stays there, and what workers must still share to keep a child safe. */
  confidentiality: LongText(3000),
  /** The group agreement proposed for the parents to own at the start. */
  groupAgreement: LongText(3000),
  keepApart: z.array(KeepApart).max(50),
  completedBy: ShortText(128).optional(),
  completedAt: Timestamp.optional(),
  approvedBy: ShortText(128).optional(),
  approvedAt: Timestamp.optional(),
});
export type RiskAssessment = z.infer<typeof RiskAssessment>;

/** What is owed to a carer who could not come. */
export const FollowUpKind = z.enum(['share_messages', 'invite_next', 'other']);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

/** A follow-up owed after the session: it appears on the next MADP agenda until it is done. */
export const FollowUp = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  carerRef: Ref,
  kind: FollowUpKind,
  note: ShortText(300).optional(),
  ownerAgency: ActionOwner,
  ownerName: ShortText(120).optional(),
  dueOn: IsoDate,
  doneOn: IsoDate.optional(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** The parts of a session beyond its invitation list; each is optional on lists made before. */
export const SessionLife = {
  /** A place's session (its families), beside `clusterId` for a peer group's. */
  locationRef: Ref.optional(),
  /** A session of a parent group that continues. */
  parentGroupId: RecordId.optional(),
  status: SessionStatus.optional(),
  topics: z.array(ChosenTopic).max(20).optional(),
  budget: z.array(BudgetLine).max(30).optional(),
  riskAssessment: RiskAssessment.optional(),
  followUps: z.array(FollowUp).max(200).optional(),
  /** The organiser's notes on the session: held to the words guide. */
  notes: LongText(5000).optional(),
  cancelledReason: ShortText(300).optional(),
  updatedBy: ShortText(128).optional(),
  updatedAt: Timestamp.optional(),
};

/** The three measures a parent gives at the start of a session and at its end. */
export const FeedbackMeasureName = z.enum(FEEDBACK_MEASURES);
export type FeedbackMeasureName = z.infer<typeof FeedbackMeasureName>;

// Their words live in a zod-free module, so the web app asks them in the same words.
export { FEEDBACK_MEASURE_WORDS } from './feedback-words';

/** 1 (not at all) to 5 (very much). */
export const MeasureScore = z.number().int().min(1).max(5);

export const MeasurePair = z.strictObject({ before: MeasureScore.optional(), after: MeasureScore.optional() });
export type MeasurePair = z.infer<typeof MeasurePair>;

export const FeedbackMeasures = z.strictObject({
  knowsSigns: MeasurePair,
  feelsAlone: MeasurePair,
  knowsWhoToContact: MeasurePair,
});
export type FeedbackMeasures = z.infer<typeof FeedbackMeasures>;

/**
 * A parent's feedback on a session, in their own words, with the three measures. Anonymous when
 * it names no carer. After its retention it is kept without the carer (and without the words,
 * which may name people), so the counts still add up.
 */
export const SessionFeedback = z.strictObject({
  id: RecordId,
  partnershipId: PartnershipId,
  sessionId: RecordId,
  carerRef: Ref.optional(),
  words: LongText(3000).optional(),
  measures: FeedbackMeasures,
  enteredBy: z.enum(['worker', 'parent_link']),
  /** The worker who entered it; absent when the parent did, through their link. */
  recordedBy: ShortText(128).optional(),
  createdAt: Timestamp,
  version: Version,
});
export type SessionFeedback = z.infer<typeof SessionFeedback>;

/**
 * A one-time link for a parent to give feedback: only the hash of its token is kept. It opens
 * one form for one session, holds no other data, and expires.
 */
export const FeedbackLink = z.strictObject({
  partnershipId: PartnershipId,
  tokenHash: z.string().regex(/^[a-f0-9]{64}$/),
  sessionId: RecordId,
  validUntil: Timestamp,
  usedAt: Timestamp.optional(),
  createdBy: ShortText(128),
  createdAt: Timestamp,
  version: Version,
});
export type FeedbackLink = z.infer<typeof FeedbackLink>;

/** A carer who belongs to a parent group, and since when. */
export const GroupMember = z.strictObject({ carerRef: Ref, joinedOn: IsoDate });
export type GroupMember = z.infer<typeof GroupMember>;

/**
 * Parents who go on meeting after a session (monthly, like Sandwell's kitchen table talks): its
 * members, its sessions, the topics they asked for. Its own action plan is the joint
 * safeguarding strategy made with early help.
 */
export const ParentGroup = z.strictObject({
  id: RecordId,
  partnershipId: PartnershipId,
  name: ShortText(120),
  /** The session it grew from, if any. */
  startedFromSessionId: RecordId.optional(),
  members: z.array(GroupMember).max(200),
  topicsAsked: z.array(ShortText(80)).max(40),
  /** How often it meets, in words ("monthly, first Tuesday"). */
  meets: ShortText(120).optional(),
  status: z.enum(['active', 'ended']),
  createdBy: ShortText(128),
  createdAt: Timestamp,
  updatedBy: ShortText(128).optional(),
  updatedAt: Timestamp.optional(),
  version: Version,
});
export type ParentGroup = z.infer<typeof ParentGroup>;
