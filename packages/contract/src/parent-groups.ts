import {
  IsoDate,
  NotInvitedReason,
  ParentGroup,
  PlanStatus,
  RecordId,
  Ref,
  SessionDetails,
  SessionStatus,
  ShortText,
  Timestamp,
} from '@peermap/domain';
import * as z from 'zod';

/**
 * A parent group on the early help lead's list: what it is and how often it meets, with its
 * members and sessions counted. No carer is named here: the group itself names them.
 */
export const ParentGroupSummary = ParentGroup.pick({
  id: true,
  name: true,
  meets: true,
  status: true,
  topicsAsked: true,
  startedFromSessionId: true,
  createdAt: true,
  version: true,
}).extend({
  members: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
});
export type ParentGroupSummary = z.infer<typeof ParentGroupSummary>;

/**
 * Whether the group may reach a member now, by the rules of any session's list: invited (consent
 * given), asked first (consent not asked yet), or not contacted, with the reason (consent
 * withdrawn or declined, do-not-contact, a safety note, no open case, or no longer on the map).
 */
export const MemberContact = z.enum(['can_be_invited', 'ask_consent_first', 'not_contacted']);
export type MemberContact = z.infer<typeof MemberContact>;

export const MemberNotContactedReason = z.enum([...NotInvitedReason.options, 'not_on_the_map']);
export type MemberNotContactedReason = z.infer<typeof MemberNotContactedReason>;

/** A member as the carer's record holds them now: their name, their children on the map, and whether to contact them. */
export const GroupMemberView = z.object({
  carerRef: Ref,
  joinedOn: IsoDate,
  /** Absent once the carer is no longer on the map. */
  name: ShortText(120).optional(),
  youngPersonRefs: z.array(Ref),
  contact: MemberContact,
  reason: MemberNotContactedReason.optional(),
});
export type GroupMemberView = z.infer<typeof GroupMemberView>;

/** One of the group's sessions: when and where, where it stands, and how many were invited and came. */
export const GroupSession = z.object({
  id: RecordId,
  session: SessionDetails,
  status: SessionStatus,
  invited: z.number().int().nonnegative(),
  attended: z.number().int().nonnegative(),
});
export type GroupSession = z.infer<typeof GroupSession>;

/** One of the group's own plans (its joint safeguarding strategy with early help): where it stands. */
export const GroupPlan = z.object({
  id: RecordId,
  status: PlanStatus,
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type GroupPlan = z.infer<typeof GroupPlan>;

/** A parent group with its members as their records stand today, its sessions and its plans. */
export const ParentGroupView = z.object({
  group: ParentGroup,
  members: z.array(GroupMemberView),
  sessions: z.array(GroupSession),
  /** Newest first. */
  plans: z.array(GroupPlan),
});
export type ParentGroupView = z.infer<typeof ParentGroupView>;
