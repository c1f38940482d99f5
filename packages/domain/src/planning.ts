import { z } from 'zod';
import { IsoDate, LongText, PartnershipId, RecordId, Ref, ShortText, Timestamp, Version } from './primitives';
import { ActionOwner } from './vocabulary';

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
    clusterId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,40}$/)
      .optional(),
    locationRef: Ref.optional(),
    analysisId: RecordId.optional(),
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

/** Why a carer is not on the invite list; each reason is shown to the organiser. */
export const NotInvitedReason = z.enum([
  'consent_declined',
  'consent_withdrawn',
  'do_not_contact',
  'safety_note',
  'case_closed',
  'no_parental_responsibility_or_caring_role',
]);

const InvitedCarer = z.strictObject({
  carerRef: Ref,
  youngPersonRefs: z.array(Ref).min(1),
});

/** The carers to invite to a Parent Empowerment Session, and who must be asked or left out first. */
export const InvitationList = z.strictObject({
  id: RecordId,
  partnershipId: PartnershipId,
  clusterId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/)
    .optional(),
  youngPersonRefs: z.array(Ref).min(1),
  session: z.strictObject({
    date: IsoDate,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time such as 18:30'),
    venue: ShortText(200),
    facilitators: z.array(ShortText(120)).max(20),
  }),
  invite: z.array(InvitedCarer),
  askConsentFirst: z.array(InvitedCarer.extend({ askedBy: ShortText(120).optional() })),
  notInvited: z.array(InvitedCarer.extend({ reason: NotInvitedReason })),
  attendance: z.record(Ref, InvitationOutcome),
  createdBy: ShortText(128),
  createdAt: Timestamp,
  version: Version,
});
export type InvitationList = z.infer<typeof InvitationList>;
