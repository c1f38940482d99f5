/**
 * The API's answers that more than one file of a page reads, declared by hand until they come
 * from the contract package.
 */

export interface Relationship {
  personA: string;
  personB: string;
  kind: string;
  strength: number;
  restricted: boolean;
  sourceAgency: string;
}

export interface Concern {
  personRef: string;
  category: string;
  status: string;
}

export interface Action {
  id: string;
  description: string;
  ownerAgency: string;
  ownerName?: string;
  dueOn: string;
  status: string;
  coversRefs: string[];
}

export interface Plan {
  id: string;
  status: 'draft' | 'agreed' | 'reviewed';
  version: number;
  summary: string;
  actions: Action[];
  updatedAt: string;
}

export interface PlanView {
  plan: Plan;
  languageNotes: { field: string; phrase: string; suggestion: string }[];
  uncovered: string[];
}

export type Trigger =
  | { when: 'concern'; categories: string[] }
  | { when: 'place'; kinds: string[] }
  | { when: 'always' };

export interface Rule {
  id: string;
  trigger: Trigger;
  actions: { description: string; ownerAgency: string; dueInDays: number }[];
}

export type CohortCounts = Record<string, number>;

export interface Cohort {
  source: string;
  ethnicity: CohortCounts;
  sex: CohortCounts;
  ageBand: CohortCounts;
}

export interface Settings {
  name: string;
  cohort: Cohort | null;
  handlingMarking: string;
  actionRules: Rule[];
  languagePhrases: { phrase: string; suggestion: string }[];
  inviteSizeLimit: number;
  reviewAfterWeeks: number;
  removeAfterOverdueWeeks: number;
  version: number;
}
