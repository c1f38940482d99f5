import {
  ActionOwner,
  ActionPlan,
  ActionRules,
  ActionStatus,
  Agency,
  AnalysisSnapshot,
  AuditEvent,
  Carer,
  ClusterSnapshot,
  Cohort,
  Concern,
  ConcernCategory,
  ErasureRecord,
  FacilitatorFrom,
  InvitationList,
  IsoWeek,
  LanguageNote,
  LocationKind,
  ParentGroup,
  Permission,
  RecordId,
  Ref,
  Relationship,
  Review,
  ReviewStatus,
  Role,
  SessionDetails,
  SessionFeedback,
  SessionStatus,
  SessionTopics,
  SheetName,
  ShortText,
  Sighting,
  UploadProblem,
  UploadSlot,
  YoungPerson,
} from '@peermap/domain';
import * as z from 'zod';
import { OwedToFamiliesLine } from './follow-up-schemas';
import { SessionCounts, SessionFor } from './session-schemas';

/**
 * A Parent Empowerment Session on the early help lead's list: its group, its day, how many
 * carers it invites as their records stand today and how many came. No carer is named here:
 * the list itself (`GET /v1/invitation-lists/{id}`) names them.
 */
export const SessionSummary = z.object({
  id: RecordId,
  /** Absent for a list made for a chosen set of young people rather than a group. */
  clusterId: z.string().optional(),
  /** The group's number as the meeting knows it ("Group 3"), from its latest week. */
  groupLabel: z.string().optional(),
  session: SessionDetails,
  /** `upcoming` from today (UK) on; `held` once its day has gone by. */
  status: z.enum(['upcoming', 'held']),
  /** Where the session stands in its life: planned, assessed, approved, invitations sent, held or cancelled. */
  stage: SessionStatus,
  /** Whom the session is for, with its name: a peer group, a place, a parent group, or chosen young people. */
  for: SessionFor,
  youngPeople: z.number().int().nonnegative(),
  counts: SessionCounts,
  createdAt: z.string(),
  version: z.number().int(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

/** A page as the API returns it. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.string().optional() });

/** An RFC 9457 problem document: every refusal and failure of every route. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** A run as a list shows it: what was asked and how it went, without anyone's ref. */
export const AnalysisListItem = z.object({
  id: RecordId,
  week: IsoWeek,
  purpose: AnalysisSnapshot.shape.purpose,
  status: AnalysisSnapshot.shape.status,
  requestedBy: z.string(),
  createdAt: z.string(),
  completedAt: z.string().optional(),
  clusterCount: z.number().int().optional(),
  meanStability: z.number().nullable().optional(),
  failureReason: z.string().optional(),
});
export type AnalysisListItem = z.infer<typeof AnalysisListItem>;

export const ClusterListItem = ClusterSnapshot.pick({
  clusterId: true,
  label: true,
  memberRefs: true,
  stability: true,
  weak: true,
  narrative: true,
}).extend({
  size: z.number().int(),
  change: ClusterSnapshot.shape.change.pick({ status: true, joined: true, left: true, previousClusterIds: true }),
  /** Where the group comes on the meeting's agenda, and the factors that put it there (no score). */
  agenda: z.object({
    position: z.number().int().positive(),
    factors: z.array(z.object({ factor: z.string(), value: z.number(), text: z.string() })),
  }),
});
export type ClusterListItem = z.infer<typeof ClusterListItem>;

export const ClusterTrends = z.object({
  clusterId: z.string(),
  label: z.string(),
  weeks: z.array(
    z.object({
      week: IsoWeek,
      analysisId: RecordId,
      members: z.number().int(),
      joined: z.number().int(),
      left: z.number().int(),
      missingEpisodes: z.number().int(),
      outOfEducation: z.number().int(),
      incidents: z.number().int(),
      invited: z.number().int(),
      attended: z.number().int(),
    }),
  ),
});
export type ClusterTrends = z.infer<typeof ClusterTrends>;

export const ClusterList = z.object({
  analysisId: RecordId,
  week: IsoWeek,
  clusters: z.array(ClusterListItem),
  /** The display name of each young person the list names. */
  names: z.record(z.string(), z.string()),
  /** Sessions with follow-ups still owed to families, for the meeting's agenda until they are done. */
  owedToFamilies: z.array(OwedToFamiliesLine),
});
export type ClusterList = z.infer<typeof ClusterList>;

export const ClusterWithHistory = z.object({
  cluster: ClusterSnapshot,
  /** Earlier and later weeks of the same cluster (it keeps its id while it continues). */
  history: z.array(
    z.object({
      week: IsoWeek,
      analysisId: RecordId,
      size: z.number().int(),
      status: ClusterSnapshot.shape.change.shape.status,
    }),
  ),
  /** The words for each kind of link, as every paper and page writes them. */
  linkKindLabels: z.record(z.string(), z.string()),
  /** The display name of each young person the report names (and only them). */
  names: z.record(z.string(), z.string()),
});
export type ClusterWithHistory = z.infer<typeof ClusterWithHistory>;

export const PlanView = z.object({
  plan: ActionPlan,
  languageNotes: z.array(LanguageNote),
  /** Young people of the group that no action covers yet: the plan cannot be agreed until there are none. */
  uncovered: z.array(Ref),
});
export type PlanView = z.infer<typeof PlanView>;

export const LanguagePhrases = z.array(z.strictObject({ phrase: ShortText(80), suggestion: ShortText(200) })).max(200);
export type LanguagePhrases = z.infer<typeof LanguagePhrases>;

/** One field per action owner: the document then names each, where an exhaustive record would only list them as required. */
const everyActionOwner = <Field extends z.ZodType>(field: Field) =>
  Object.fromEntries(ActionOwner.options.map((owner) => [owner, field])) as Record<ActionOwner, Field>;

export const Vocabulary = z.object({
  linkKinds: z.record(z.string(), z.string()),
  concernCategories: z.partialRecord(ConcernCategory, z.string()),
  /** The values a form may offer, in the API's own order. */
  agencies: z.array(Agency),
  actionOwners: z.array(ActionOwner),
  /** Who owns an action (every agency among them) in words: "Youth justice service", never `yjs`. */
  actionOwnerLabels: z.strictObject(everyActionOwner(z.string())),
  actionStatuses: z.array(ActionStatus),
  locationKinds: z.array(LocationKind),
  /** The topics a session's planner chooses from: the partnership's own list, or the starting one. */
  sessionTopics: SessionTopics,
  /** Where a session's facilitator comes from, in words, in the order a form offers them. */
  facilitatorFromLabels: z.strictObject(
    Object.fromEntries(FacilitatorFrom.options.map((from) => [from, z.string()])) as Record<
      FacilitatorFrom,
      z.ZodString
    >,
  ),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

export const Me = z.object({
  userId: z.string(),
  role: Role,
  partnership: z.object({ id: z.string(), name: z.string() }),
  handlingMarking: z.string(),
  permissions: z.array(Permission),
});
export type Me = z.infer<typeof Me>;

/** A partnership's planning settings as they apply: its own, or the starting ones where it has none. */
export const PlanningSettings = z.object({
  name: z.string(),
  handlingMarking: z.string(),
  actionRules: ActionRules,
  languagePhrases: LanguagePhrases,
  inviteSizeLimit: z.number().int(),
  cohort: Cohort.nullable(),
  /** The topics a session's planner chooses from: the partnership's own list, or the starting one. */
  sessionTopics: SessionTopics,
  /** Weeks after a young person's last activity before their review falls due. */
  reviewAfterWeeks: z.number().int(),
  /** Weeks an overdue review may wait before the retention sweep removes the young person. */
  removeAfterOverdueWeeks: z.number().int(),
  version: z.number().int(),
});
export type PlanningSettings = z.infer<typeof PlanningSettings>;

export const GroupFigures = z.object({
  group: z.string(),
  onMap: z.number().int(),
  shareOnMap: z.number(),
  inClusters: z.number().int(),
  shareInClusters: z.number(),
  shareOfCohort: z.number().nullable(),
  ratioOnMap: z.number().nullable(),
  ratioInClusters: z.number().nullable(),
  small: z.boolean(),
});
export type GroupFigures = z.infer<typeof GroupFigures>;

export const Disproportionality = z.object({
  cohort: z.object({ source: z.string() }).nullable(),
  weeks: z.array(
    z.object({
      week: z.string(),
      onMap: z.number().int(),
      inClusters: z.number().int(),
      /** The analysis listed only part of who was on their own (a very large map): counts are of those listed. */
      partial: z.boolean(),
      dimensions: z.object({
        ethnicity: z.array(GroupFigures),
        sex: z.array(GroupFigures),
        ageBand: z.array(GroupFigures),
      }),
    }),
  ),
});
export type Disproportionality = z.infer<typeof Disproportionality>;

export const LargeUploadOpened = z.object({
  slot: UploadSlot,
  send: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()) }),
});
export type LargeUploadOpened = z.infer<typeof LargeUploadOpened>;

/** What a dry run answers: the same problems an upload would report, and nothing written. */
/** What a refused upload's problem adds: its id, and its problems by sheet, row and column. */
export const UploadRefusal = z.object({
  uploadId: z.string().optional(),
  problemCount: z.number().int().optional(),
  problems: z.array(UploadProblem).optional(),
});
export type UploadRefusal = z.infer<typeof UploadRefusal>;

export const UploadCheck = z.object({
  week: z.string(),
  sheets: z.array(SheetName),
  rows: z.partialRecord(SheetName, z.number().int()),
  problemCount: z.number().int(),
  problems: z.array(UploadProblem),
});
export type UploadCheck = z.infer<typeof UploadCheck>;

/** What an erasure answers: the marker that stands in the person's place, and what went. */
export const ErasureView = ErasureRecord.omit({ partnershipId: true, version: true });
export type ErasureView = z.infer<typeof ErasureView>;

export const ReviewListItem = ReviewStatus.extend({ displayName: z.string().optional() });
export type ReviewListItem = z.infer<typeof ReviewListItem>;

export const ReviewList = z.object({
  items: z.array(ReviewListItem),
  reviewAfterWeeks: z.number().int(),
  removeAfterOverdueWeeks: z.number().int(),
});
export type ReviewList = z.infer<typeof ReviewList>;

export const ReviewOutcome = z.object({ kept: ReviewStatus.optional(), erased: ErasureView.optional() });
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const SweepResult = z.object({
  completed: z.number().int(),
  erased: z.number().int(),
  leftBehind: z.number().int(),
  retentionUpdated: z.number().int(),
  deferred: z.number().int(),
  stoppedWork: z.object({
    uploads: z.number().int(),
    slots: z.number().int(),
    analyses: z.number().int(),
  }),
});
export type SweepResult = z.infer<typeof SweepResult>;

/** Everything held about a young person, for a subject access request. */
export const SubjectAccessReport = z.object({
  youngPerson: YoungPerson,
  relationships: z.array(Relationship),
  sightings: z.array(Sighting),
  concerns: z.array(Concern),
  carers: z.array(Carer),
  peerGroups: z.array(
    ClusterSnapshot.pick({ clusterId: true, label: true, week: true, analysisId: true, narrative: true }),
  ),
  actionPlans: z.array(ActionPlan),
  invitationLists: z.array(InvitationList),
  /** The parent groups their carers belong to, with those carers' memberships only. */
  parentGroups: z.array(ParentGroup),
  /** Feedback their carers gave on sessions, in their own words (anonymous feedback names no one, so is not theirs). */
  sessionFeedback: z.array(SessionFeedback),
  review: z.object({ status: ReviewStatus.optional(), decisions: z.array(Review) }),
  accessLog: z.array(AuditEvent),
  reviewBeforeDisclosure: z.array(z.object({ item: z.string(), reason: z.string() })),
  producedAt: z.string(),
});
export type SubjectAccessReport = z.infer<typeof SubjectAccessReport>;

/** A count of people as the outcome report shows it: 1 to 4 as "fewer than 5"; "not shown" hides one that would give a smaller one away. */
const ShownCount = z.union([z.number().int(), z.literal('fewer than 5'), z.literal('not shown')]);

/** What Parent Empowerment Sessions achieved over a period, in counts: no parent, carer or child is named or referenced. */
export const ParentSessionOutcomes = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  sessions: z.object({ held: z.number().int(), planned: z.number().int(), cancelled: z.number().int() }),
  families: z.object({ invited: ShownCount, reached: ShownCount, attended: ShownCount }),
  notInvited: z.object({ total: ShownCount, reasons: z.array(z.object({ reason: z.string(), count: ShownCount })) }),
  followUps: z.object({ owed: ShownCount, done: ShownCount, open: ShownCount }),
  feedback: z.object({ total: ShownCount, named: ShownCount, anonymous: ShownCount }),
  measures: z.array(
    z.object({
      measure: z.enum(['knowsSigns', 'feelsAlone', 'knowsWhoToContact']),
      question: z.string(),
      higherIsBetter: z.boolean(),
      pairs: ShownCount,
      /** Only from 5 pairs. */
      meanBefore: z.number().nullable(),
      meanAfter: z.number().nullable(),
      improved: ShownCount,
      same: ShownCount,
      otherWay: ShownCount,
    }),
  ),
  costs: z.object({
    plannedPence: z.number().int(),
    spentPence: z.number().int(),
    basis: z.enum(['actual', 'planned', 'actual_and_planned', 'none']),
    perFamilyReachedPence: z.union([z.number().int(), z.literal('not shown')]).nullable(),
  }),
  trends: z.object({
    weeks: z.number().int(),
    youngPeople: ShownCount,
    tooSoon: ShownCount,
    /** Young people whose weeks before reach back past the map's first records: not counted. */
    notEnoughHistory: ShownCount,
    rows: z.array(
      z.object({
        concern: z.enum(['missing_episode', 'not_in_education', 'any']),
        label: z.string(),
        before: ShownCount,
        after: ShownCount,
      }),
    ),
    caveat: z.string(),
  }),
  definitions: z.array(z.string()),
});
export type ParentSessionOutcomes = z.infer<typeof ParentSessionOutcomes>;
