import type { Problem } from './api';

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

export interface Place {
  ref: string;
  name: string;
  kind: string;
  position?: { latitude: number; longitude: number };
  gridReference?: { easting: number; northing: number };
  postcode?: string;
  sourceAgency: string;
  notes?: string;
  version: number;
}

interface StrongLink {
  ref: string;
  weight: number;
  kind?: string;
  placesSeenTogether: string[];
}

export interface ClusterReport {
  clusterId: string;
  label: string;
  week: string;
  memberRefs: string[];
  stability: number;
  weak: boolean;
  narrative: string;
  ageRange: { youngest: number; oldest: number };
  change: { status: string; joined: string[]; left: string[]; previousClusterIds: string[] };
  mostConnected: { ref: string; linksInside: number; linkWeightInside: number; betweennessInside: number }[];
  members: { ref: string; stability: number; shareOfLinkWeightInside: number; strongestLinks: StrongLink[] }[];
  places: {
    locationRef: string;
    name: string;
    kind: string;
    recentSightings: number;
    youngPeopleSeen: number;
    lastSeen: string;
  }[];
  concerns: {
    category: string;
    label: string;
    youngPeople: number;
    open: number;
    recent: number;
    lastOccurred: string;
  }[];
  strengths: { ref: string; strengths: string[] }[];
  tensions: { inside: string; other: string }[];
}

export interface Trends {
  weeks: {
    week: string;
    members: number;
    joined: number;
    left: number;
    missingEpisodes: number;
    outOfEducation: number;
    incidents: number;
    invited: number;
    attended: number;
  }[];
}

export interface Listed {
  carerRef: string;
  name: string;
  relationship: string;
  youngPersonRefs: string[];
  preferredLanguage?: string;
  interpreterNeeded: boolean;
  transportNeeded: boolean;
  accessNeeds?: string;
}

export interface InvitationList {
  id: string;
  version: number;
  session: { date: string; time: string; venue: string; facilitators: string[] };
  invite: (Listed & { contactRoute: string; phone?: string; email?: string })[];
  askConsentFirst: (Listed & { askedBy?: string })[];
  notInvited: (Listed & { reason: string })[];
  sizeWarning?: {
    limit: number;
    inviteCount: number;
    proposedSessions: { youngPersonRefs: string[]; carerRefs: string[] }[];
  };
  attendance: Record<string, string>;
}

export interface Upload {
  id: string;
  week: string;
  status: string;
  counts?: Record<string, { created: number; updated: number; unchanged: number }>;
  /** Why a `failed` upload did not complete, and what to do. */
  failureReason?: string;
}

/** What a check of the sheets answers: their problems, nothing kept. */
export interface Check {
  week: string;
  problemCount: number;
  problems: NonNullable<Problem['problems']>;
}

export interface Run {
  id: string;
  week: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  failureReason?: string;
  summary?: { clusterCount: number; youngPeopleIncluded: number; onTheirOwnCount?: number };
}

export interface UploadRecord extends Upload {
  problemCount?: number;
  problems?: Problem['problems'];
}
