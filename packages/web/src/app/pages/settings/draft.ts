import { useState } from 'preact/hooks';
import type { Settings } from '../../api-types';

/** A cohort's counts by group, as the settings hold them. */
type CohortCounts = NonNullable<Settings['cohort']>['ethnicity'];

export const COHORT_PARTS = [
  ['ethnicity', 'By ethnicity'],
  ['sex', 'By sex'],
  ['ageBand', 'By age band (10-12, 13-15, 16-17)'],
] as const;

export type CohortPart = (typeof COHORT_PARTS)[number][0];

/** "White British, 8000" per line, as the census tables give them. */
const linesOf = (counts: CohortCounts | undefined) =>
  Object.entries(counts ?? {})
    .map(([group, count]) => `${group}, ${count}`)
    .join('\n');

function countsOf(text: string, part: string): CohortCounts {
  const counts: CohortCounts = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const match = /^(.+),\s*(\d+)\s*$/.exec(line.trim());
    if (!match?.[1] || !match[2]) throw new Error(`${part}, line ${index + 1}: write a group, a comma and a number.`);
    counts[match[1].trim()] = Number(match[2]);
  }
  return counts;
}

/** The settings as edited on the page; the cohort is kept as the text people type until it is saved. */
export interface SettingsDraft
  extends Pick<
    Settings,
    | 'handlingMarking'
    | 'inviteSizeLimit'
    | 'reviewAfterWeeks'
    | 'removeAfterOverdueWeeks'
    | 'languagePhrases'
    | 'actionRules'
    | 'sessionTopics'
  > {
  cohortSource: string;
  cohortText: Record<CohortPart, string>;
}

export function useSettingsDraft(initial: Settings) {
  const [draft, setDraft] = useState<SettingsDraft>({
    handlingMarking: initial.handlingMarking,
    inviteSizeLimit: initial.inviteSizeLimit,
    reviewAfterWeeks: initial.reviewAfterWeeks,
    removeAfterOverdueWeeks: initial.removeAfterOverdueWeeks,
    languagePhrases: initial.languagePhrases,
    actionRules: initial.actionRules,
    sessionTopics: initial.sessionTopics,
    cohortSource: initial.cohort?.source ?? '',
    cohortText: {
      ethnicity: linesOf(initial.cohort?.ethnicity),
      sex: linesOf(initial.cohort?.sex),
      ageBand: linesOf(initial.cohort?.ageBand),
    },
  });
  const change = (patch: Partial<SettingsDraft>) => setDraft((all) => ({ ...all, ...patch }));
  return { draft, change };
}

/** What a save sends: the cohort only when its source is named; a line that is not "group, number" throws. */
export function changesOf(draft: SettingsDraft) {
  const { cohortSource, cohortText, ...rest } = draft;
  const cohort = cohortSource.trim()
    ? {
        source: cohortSource.trim(),
        ethnicity: countsOf(cohortText.ethnicity, 'By ethnicity'),
        sex: countsOf(cohortText.sex, 'By sex'),
        ageBand: countsOf(cohortText.ageBand, 'By age band'),
      }
    : undefined;
  return { ...rest, ...(cohort ? { cohort } : {}) };
}
