import {
  type ChosenTopic,
  ConflictError,
  type GroupMember,
  type InvitationList,
  type NotInvitedReason,
  type ParentGroup,
  type PlanAction,
  ValidationError,
} from '@peermap/domain';
import type { InvitationSort } from './invitations';

/**
 * Whether the group may reach a member now, by the rules of any session's list (`sortCarers`):
 * consent, do-not-contact and safety notes. A carer who is no longer on the map is not contacted.
 */
export type MemberStanding =
  | { contact: 'can_be_invited' }
  | { contact: 'ask_consent_first' }
  | { contact: 'not_contacted'; reason: NotInvitedReason | 'not_on_the_map' };

const NOT_ON_THE_MAP: MemberStanding = { contact: 'not_contacted', reason: 'not_on_the_map' };

/** A carer's standing, from a sort of their records; one the sort does not know is no longer on the map. */
export function standingOf(sort: InvitationSort, carerRef: string): MemberStanding {
  if (sort.invite.some((carer) => carer.carerRef === carerRef)) return { contact: 'can_be_invited' };
  if (sort.askConsentFirst.some((carer) => carer.carerRef === carerRef)) return { contact: 'ask_consent_first' };
  const left = sort.notInvited.find((carer) => carer.carerRef === carerRef);
  return left ? { contact: 'not_contacted', reason: left.reason } : NOT_ON_THE_MAP;
}

/**
 * A group grown from a session starts with the parents who came: each carer recorded as
 * attending, joined on the session's day.
 */
export function membersFromSession(list: Pick<InvitationList, 'attendance' | 'session'>): GroupMember[] {
  return Object.entries(list.attendance)
    .filter(([, outcome]) => outcome === 'attended')
    .map(([carerRef]) => ({ carerRef, joinedOn: list.session.date }))
    .sort((a, b) => (a.carerRef < b.carerRef ? -1 : 1));
}

/** Why a carer the sort would not invite cannot join, in words the lead can act on. */
const NOT_CONTACTED_WORDS: Readonly<Record<NotInvitedReason | 'not_on_the_map', string>> = {
  consent_declined: 'declined to be contacted',
  consent_withdrawn: 'withdrew their consent to be contacted',
  do_not_contact: 'is not to be contacted (their record says so)',
  safety_note:
    "has a safety note: talk with their key worker first; the group's sessions cannot invite them while it stands",
  case_closed: 'has no child with an open case on the map',
  another_session_offered:
    'was offered another session to keep a session safe: talk with the lead who planned it first',
  no_parental_responsibility_or_caring_role: 'has no parenting or caring role for a child on the map',
  not_on_the_map: 'is no longer on the map',
};

/**
 * A carer joins a group that is still meeting, once, on a day that has come, and only as a
 * carer on the map whom any session could invite now (consent given, nothing that stops
 * contact). Refused naming the reason: 400 for what the request got wrong, 409 for where the
 * group or the carer stands.
 */
export function refuseJoining(
  group: Pick<ParentGroup, 'status' | 'members'>,
  joining: GroupMember,
  standing: MemberStanding,
  today: string,
): void {
  if (joining.joinedOn > today) {
    throw new ValidationError('A carer joins on a day that has come.', [
      { path: 'joinedOn', message: `${joining.joinedOn} is after today (${today}, UK time)` },
    ]);
  }
  if (standing.contact === 'not_contacted' && standing.reason === 'not_on_the_map') {
    throw new ValidationError('Only a carer on the map can join the group.', [
      { path: 'carerRef', message: `no carer ${joining.carerRef} on the map` },
    ]);
  }
  if (group.status === 'ended') throw new ConflictError('The group has ended: no one joins it now.');
  const member = group.members.find((m) => m.carerRef === joining.carerRef);
  if (member) throw new ConflictError(`${joining.carerRef} has been a member since ${member.joinedOn}.`);
  if (standing.contact === 'ask_consent_first') {
    throw new ConflictError(
      `${joining.carerRef} has not yet been asked about being contacted: record their consent first, then add them.`,
    );
  }
  if (standing.contact === 'not_contacted') {
    throw new ConflictError(`${joining.carerRef} ${NOT_CONTACTED_WORDS[standing.reason]}, so cannot join the group.`);
  }
}

/** The topics the parents asked for, as the topics of the group's next session. */
export const topicsAskedBy = (group: Pick<ParentGroup, 'topicsAsked'>): ChosenTopic[] =>
  group.topicsAsked.map((name) => ({ name, askedByParents: true }));

/**
 * A parent group's plan is the parents' own strategy, made and read in the group: it names no
 * young person, so no child is discussed by name among other families. Refused naming each action.
 */
export function refuseNamedYoungPeople(actions: readonly Pick<PlanAction, 'id' | 'coversRefs'>[]): void {
  const naming = actions.filter((action) => action.coversRefs.length > 0);
  if (naming.length === 0) return;
  throw new ValidationError(
    "A parent group's plan names no young person: it is the parents' own, read by every family in the group.",
    naming.map((action) => ({
      path: `actions.${action.id}.coversRefs`,
      message: `action ${action.id} names young people: leave whom it is for empty`,
    })),
  );
}
