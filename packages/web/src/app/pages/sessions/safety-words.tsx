import type { RiskAssessmentView } from '@peermap/contract';
import { dayInWords } from './words';

/** The carers on the list by ref, to name them in pairs and suggestions. */
export type CarerNames = ReadonlyMap<string, string>;

export const carerNamesOf = (view: RiskAssessmentView): CarerNames =>
  new Map(view.carers.map((carer) => [carer.carerRef, carer.name]));

const BECAUSE_WORDS: Readonly<Record<RiskAssessmentView['suggestions']['keepApart'][number]['because'], string>> = {
  young_people_in_conflict: 'their young people are in conflict, as the map records it',
  safety_note_in_family: 'one has a safety note on their record, and they share a young person',
};

export const becauseInWords = (because: keyof typeof BECAUSE_WORDS) => BECAUSE_WORDS[because];

export const PART_WORDS: Readonly<Record<RiskAssessmentView['suggestions']['missing'][number], string>> = {
  groupDynamics: 'Group dynamics',
  confidentiality: 'Confidentiality',
  groupAgreement: 'The group agreement to propose',
};

const whenInWords = (at: string | undefined) => (at ? ` on ${dayInWords(at.slice(0, 10))}` : '');

/** Where the session stands, in words: what is done and what comes next. */
export function standingInWords(view: RiskAssessmentView): string {
  const assessment = view.riskAssessment;
  switch (view.status) {
    case 'planned':
      return 'Planned: the risk assessment is still to be written and completed. Nobody is invited yet, and contact details stay hidden.';
    case 'assessed':
      return `Completed by ${assessment?.completedBy ?? 'the lead'}${whenInWords(assessment?.completedAt)}: waiting for a second person to approve it. Contact details stay hidden until then.`;
    case 'approved':
      return `Approved by ${assessment?.approvedBy ?? 'a second person'}${whenInWords(assessment?.approvedAt)}, completed by ${assessment?.completedBy ?? 'the lead'}: invitations can go out.`;
    case 'invitations_sent':
      // A list from before sessions had a risk assessment: none is stored, and none was ever changed.
      if (!assessment) {
        return 'Invitations sent before a risk assessment was recorded here. Write one now if the group meets again.';
      }
      return assessment.approvedBy
        ? `Invitations sent. The risk assessment was approved by ${assessment.approvedBy}${whenInWords(assessment.approvedAt)}.`
        : 'Invitations sent. The risk assessment has changed since: complete it and have it approved again before anything more goes out.';
    case 'held':
      return 'Held.';
    case 'cancelled':
      return 'Cancelled.';
  }
}
