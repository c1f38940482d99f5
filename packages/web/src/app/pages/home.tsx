import type { PageContext } from '../app';
import { ROLE_NAMES } from '../session';
import { PageHeading } from '../ui';

/** Each role's week at the MADP, as steps with links to the pages that do them. */
const WEEK_OF_WORK: Record<string, { text: string; href?: string }[]> = {
  'madp-chair': [
    { text: 'Upload this week’s mapping sheets and fix anything they point out', href: '#/week' },
    { text: 'Run the analysis and watch it finish', href: '#/week' },
    { text: 'Go through the peer groups in the meeting’s order', href: '#/clusters' },
    { text: 'Agree each group’s action plan' },
    { text: 'See who read or changed a child’s record', href: '#/audit' },
  ],
  'early-help-lead': [
    { text: 'Read the peer groups and their reports', href: '#/clusters' },
    { text: 'Build the invitation list for a group’s Parent Empowerment Session' },
    { text: 'See the sessions to come and those held; record who came', href: '#/sessions' },
    { text: 'Record a carer’s consent: given, declined or withdrawn', href: '#/carers' },
    { text: 'Draft and improve the action plan; download it for the meeting' },
  ],
  'police-analyst': [
    { text: 'Add or correct places by map position or grid reference', href: '#/locations' },
    { text: 'Record graded sightings, marking restricted intelligence', href: '#/locations' },
    { text: 'See the week’s map of relationships', href: '#/map' },
  ],
  'partnership-admin': [
    {
      text: 'Keep the partnership’s settings: the rules that suggest actions, its words, the session size',
      href: '#/settings',
    },
    { text: 'Answer questions about who read or changed a child’s record', href: '#/audit' },
    { text: 'Upload a week’s sheets for a chair', href: '#/week' },
  ],
};

export function HomePage({ me }: PageContext) {
  return (
    <section>
      <PageHeading>Your week as {ROLE_NAMES[me.role]}</PageHeading>
      <p>Everyone on this map is a child who may be at risk of harm. Start with what is going well for them.</p>
      <ol class="steps">
        {(WEEK_OF_WORK[me.role] ?? []).map((step) => (
          <li key={step.text}>{step.href ? <a href={step.href}>{step.text}</a> : step.text}</li>
        ))}
      </ol>
    </section>
  );
}
