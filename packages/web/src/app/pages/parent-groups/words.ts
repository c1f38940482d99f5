import type { GroupMemberView } from '@peermap/contract';

/** Why a member is not contacted, in the words the lead acts on. */
const NOT_CONTACTED: Readonly<Record<NonNullable<GroupMemberView['reason']>, string>> = {
  consent_withdrawn: 'Not contacted: withdrew their consent',
  consent_declined: 'Not contacted: declined to be contacted',
  do_not_contact: 'Not contacted: their record says do not contact',
  safety_note: 'Not contacted: a safety note (talk with their key worker)',
  case_closed: 'Not contacted: no child with an open case',
  another_session_offered: 'Offered another session (talk with the lead who planned it)',
  no_parental_responsibility_or_caring_role: 'Not contacted: no caring role for a child on the map',
  not_on_the_map: 'No longer on the map',
};

/** Whether the group may reach a member now, in words: invited, to be asked first, or not contacted and why. */
export function contactInWords(member: Pick<GroupMemberView, 'contact' | 'reason'>): string {
  if (member.contact === 'can_be_invited') return 'Invited to the group’s sessions';
  if (member.contact === 'ask_consent_first') return 'Ask about being contacted first';
  return NOT_CONTACTED[member.reason ?? 'not_on_the_map'];
}

/** The topics parents asked for, as the lead types them: separated by commas, each once. */
export const topicsFrom = (typed: string): string[] => [
  ...new Set(
    typed
      .split(',')
      .map((topic) => topic.trim())
      .filter(Boolean),
  ),
];
