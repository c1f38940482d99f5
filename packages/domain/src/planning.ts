import * as z from 'zod';
import { ValidationError } from './errors';
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
import { ActionOwner, CarerRelationship } from './vocabulary';

export const ActionStatus = z.enum(['not_started', 'in_progress', 'done', 'cancelled']);

/** One agreed action: who owns it, by when, and which young people it covers. */
export const PlanAction = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  description: ShortText(500),
  ownerAgency: ActionOwner,
  ownerName: ShortText(120).optional(),
  dueOn: IsoDate,
  status: ActionStatus,
  coversRefs: z.array(Ref),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanStatus = z.enum(['draft', 'agreed', 'reviewed']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/**
 * A joint action plan for a peer group or for a place. Every version is kept; the chair
 * moves it from draft to agreed to reviewed.
 */
export const ActionPlan = z
  .strictObject({
    id: RecordId,
    partnershipId: PartnershipId,
    clusterId: ClusterId.optional(),
    locationRef: Ref.optional(),
    analysisId: RecordId.optional(),
    /** The group's young people when the plan was drafted: each must be covered before it is agreed. */
    youngPersonRefs: z.array(Ref).optional(),
    status: PlanStatus,
    summary: LongText(5000),
    actions: z.array(PlanAction).max(200),
    updatedBy: ShortText(128),
    updatedAt: Timestamp,
    version: Version,
  })
  .refine((p) => Boolean(p.clusterId) !== Boolean(p.locationRef), {
    message: 'a plan is for one peer group or for one place',
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

export const SessionDetails = z.strictObject({
  date: IsoDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time such as 18:30'),
  venue: ShortText(200),
  facilitators: z.array(ShortText(120)).max(20),
});
export type SessionDetails = z.infer<typeof SessionDetails>;

/** A first session works better small: past the limit, the list proposes smaller sessions along the group's sub-groups. */
export const SizeWarning = z.strictObject({
  limit: z.number().int().positive(),
  inviteCount: z.number().int().positive(),
  proposedSessions: z.array(z.strictObject({ youngPersonRefs: z.array(Ref), carerRefs: z.array(Ref) })),
});

/** The carers to invite to a Parent Empowerment Session, and who must be asked or left out first. */
export const InvitationList = z.strictObject({
  id: RecordId,
  partnershipId: PartnershipId,
  clusterId: ClusterId.optional(),
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
});
export type InvitationList = z.infer<typeof InvitationList>;

// In a module of its own (no zod), so the session form refuses the same days as the API.
export { isPastSessionDate } from './uk-day';

/** A session is planned ahead: a day already gone by in the United Kingdom is refused, naming the field. */
export function refusePastSession(session: Pick<SessionDetails, 'date'>, now: Date): void {
  if (!isPastSessionDate(session.date, now)) return;
  throw new ValidationError('The session cannot be on a day that has gone by.', [
    { path: 'session.date', message: `${session.date} is before today (${todayOf(now)}, UK time)` },
  ]);
}
