import * as z from 'zod';
import { ClusterId, IsoDate, IsoWeek, PartnershipId, RecordId, Ref, ShortText, Timestamp, Version } from './primitives';
import { Role } from './roles';
import {
  Agency,
  AnalysisPurpose,
  ConcernCategory,
  EducationStatus,
  LocationKind,
  RelationshipKind,
} from './vocabulary';

export const AnalysisStatus = z.enum(['queued', 'running', 'completed', 'failed']);
export type AnalysisStatus = z.infer<typeof AnalysisStatus>;

/** The kinds of relationship that pull young people together; `conflict` never does. */
export const LinkKind = RelationshipKind.exclude(['conflict']);
export type LinkKind = z.infer<typeof LinkKind>;

const factor = (max: number) => z.number().min(0).max(max);

/**
 * Every factor of the peer-group analysis, with its default. A run stores the full set it
 * used, so the same map and parameters give the same groups again.
 */
export const AnalysisParameters = z.strictObject({
  recencyHalfLifeDays: z
    .number()
    .min(1)
    .max(365)
    .default(14)
    .describe('A link last seen this many days (two weekly meetings) before the end of the week counts half as much.'),
  kindFactors: z
    .strictObject({
      friend: factor(3).default(1),
      sibling: factor(3).default(1),
      partner: factor(3).default(1),
      co_offending: factor(3).default(1),
      associate: factor(3).default(0.8),
      online: factor(3).default(0.6),
      school_peer: factor(3).default(0.5),
    })
    .default({
      friend: 1,
      sibling: 1,
      partner: 1,
      co_offending: 1,
      associate: 0.8,
      online: 0.6,
      school_peer: 0.5,
    })
    .describe('How much each kind of relationship counts, times its strength (1-3).'),
  undatedLinkFactor: factor(1)
    .default(0.5)
    .describe('The recency factor of a relationship with no first or last seen date.'),
  coPresenceWindowDays: z
    .number()
    .int()
    .min(0)
    .max(28)
    .default(7)
    .describe('Two young people seen at the same place within this many days are counted as together there.'),
  coPresenceWeight: factor(3)
    .default(0.5)
    .describe('Link weight added for each place two young people were seen together (before recency).'),
  busyPlaceThreshold: z
    .number()
    .int()
    .min(2)
    .max(1000)
    .default(25)
    .describe(
      'A place where more young people than this were seen in the recent period (a school, a station) is not taken as a sign that they know each other.',
    ),
  recentDays: z
    .number()
    .int()
    .min(7)
    .max(365)
    .default(28)
    .describe('The recent period, counted back from the end of the week: sightings, places and recent concerns.'),
  groupDensityThreshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.02)
    .describe(
      'Two groups are kept apart unless the link weight between them is at least this share of all pairs of their members (in average link weights). Sets the resolution: max(minimumResolution, threshold × N² / 2E), with N linked young people and E links.',
    ),
  minimumResolution: z
    .number()
    .min(0.1)
    .max(10)
    .default(2)
    .describe(
      'The lowest modularity resolution used, whatever the size of the map: at 1 a small map merges groups joined through one young person.',
    ),
  minClusterSize: z
    .number()
    .int()
    .min(2)
    .max(50)
    .default(3)
    .describe('Smaller linked groups are reported as small groups, not as clusters.'),
  seed: z.number().int().min(0).max(2_147_483_647).default(1).describe('Seed of the first clustering run.'),
  stabilityRuns: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(4)
    .describe('Further runs with the next seeds, to measure how often members end up together.'),
  weakStability: factor(1)
    .default(0.7)
    .describe('A cluster whose members stay together less often than this is reported as a weak grouping.'),
  trackingJaccard: factor(1)
    .default(0.3)
    .describe('A cluster continues one from last week when their members overlap at least this much (Jaccard).'),
  trackingShare: factor(1)
    .default(0.5)
    .describe(
      'Also linked when at least this share of the smaller cluster is in the other (how merges and splits of unequal groups are seen).',
    ),
});
export type AnalysisParameters = z.infer<typeof AnalysisParameters>;
export type AnalysisParameterOverrides = z.input<typeof AnalysisParameters>;

export const DEFAULT_ANALYSIS_PARAMETERS: AnalysisParameters = AnalysisParameters.parse({});

/** What a chair sends to start a run: the week, the lawful purpose, and any parameter changed. */
export const AnalysisRequest = z.strictObject({
  week: IsoWeek,
  purpose: AnalysisPurpose,
  parameters: AnalysisParameters.optional(),
});
export type AnalysisRequest = z.infer<typeof AnalysisRequest>;

const Share = z.number().min(0).max(1);
const Weight = z.number().nonnegative();

/** A cluster that ended this week, and where its members went. */
export const EndedCluster = z.strictObject({
  clusterId: z.string(),
  label: ShortText(80),
  memberRefs: z.array(Ref),
  mergedInto: z.string().optional(),
});
export type EndedCluster = z.infer<typeof EndedCluster>;

export const AnalysisSummary = z.strictObject({
  youngPeopleIncluded: z.number().int().nonnegative(),
  closedLeftOut: z.number().int().nonnegative(),
  /** Young people overdue for review, left out until a review keeps them on the map. */
  overdueForReviewLeftOut: z.number().int().nonnegative().optional(),
  links: z.number().int().nonnegative(),
  clusterCount: z.number().int().nonnegative(),
  /** Modularity of the final groups at resolution 1, the usual figure. */
  modularity: z.number().nullable(),
  resolution: z.number().positive(),
  /** Louvain communities that were not connected and were split into their connected parts. */
  disconnectedCommunitiesSplit: z.number().int().nonnegative(),
  meanStability: Share.nullable(),
  /** A plain-language reading of how sure the grouping is. */
  assessment: z.string().max(1000),
  /** Young people with no links this week: reported, never dropped. */
  onTheirOwn: z.array(Ref),
  onTheirOwnCount: z.number().int().nonnegative(),
  /** Linked young people in groups smaller than the minimum cluster size. */
  smallGroups: z.array(z.array(Ref)),
  smallGroupCount: z.number().int().nonnegative(),
  /** The lists above were shortened to fit the stored snapshot (a very large map); the counts are whole. */
  listsShortened: z.boolean().optional(),
  busyPlacesLeftOut: z.array(Ref),
  ended: z.array(EndedCluster),
  /** The analysis this one was compared with (the latest completed run of an earlier week). */
  comparedWith: z.strictObject({ analysisId: RecordId, week: IsoWeek }).optional(),
  /** How many cluster labels the partnership has used, so a new group gets the next number. */
  labelsIssued: z.number().int().nonnegative(),
});
export type AnalysisSummary = z.infer<typeof AnalysisSummary>;

/**
 * One run of the peer-group analysis for a week: why it was run, with which parameters,
 * and (once completed) the summary. Its clusters are stored as separate items that never
 * change; a completed snapshot is never rewritten.
 */
export const AnalysisSnapshot = z
  .strictObject({
    id: RecordId,
    partnershipId: PartnershipId,
    week: IsoWeek,
    purpose: AnalysisPurpose,
    status: AnalysisStatus,
    parameters: AnalysisParameters,
    requestedBy: ShortText(128),
    requestedByRole: Role,
    createdAt: Timestamp,
    startedAt: Timestamp.optional(),
    completedAt: Timestamp.optional(),
    summary: AnalysisSummary.optional(),
    failureReason: z.string().max(500).optional(),
    version: Version,
  })
  .refine((a) => a.status !== 'completed' || (a.completedAt && a.summary), {
    message: 'a completed analysis has its completion time and summary',
    path: ['completedAt'],
  });
export type AnalysisSnapshot = z.infer<typeof AnalysisSnapshot>;

export const ClusterChangeStatus = z.enum(['new', 'continuing', 'grown', 'shrunk', 'merged', 'split']);
export type ClusterChangeStatus = z.infer<typeof ClusterChangeStatus>;

export const ClusterChange = z.strictObject({
  status: ClusterChangeStatus,
  /** Last week's clusters this one carries on from (two or more when groups merged). */
  previousClusterIds: z.array(z.string()),
  /** When last week's cluster split, the clusters it split into (this one included). */
  splitInto: z.array(z.string()),
  joined: z.array(Ref),
  left: z.array(Ref),
});
export type ClusterChange = z.infer<typeof ClusterChange>;

/** Why a young person is in their cluster: their strongest links there and how much of their links stay inside. */
export const MemberExplanation = z.strictObject({
  ref: Ref,
  stability: Share,
  shareOfLinkWeightInside: Share,
  linksInside: z.number().int().nonnegative(),
  linksOutside: z.number().int().nonnegative(),
  strongestLinks: z.array(
    z.strictObject({
      ref: Ref,
      weight: Weight,
      kind: LinkKind.optional(),
      strength: z.number().int().min(1).max(3).optional(),
      lastSeen: IsoDate.optional(),
      placesSeenTogether: z.array(Ref),
    }),
  ),
});
export type MemberExplanation = z.infer<typeof MemberExplanation>;

/** A peer group found by a run: its members, why they are together, how sure, and what changed. */
export const ClusterSnapshot = z.strictObject({
  partnershipId: PartnershipId,
  analysisId: RecordId,
  week: IsoWeek,
  /** Stable across weeks: a continuing group keeps its id. */
  clusterId: ClusterId,
  label: ShortText(80),
  memberRefs: z.array(Ref).min(1),
  /** How often the members end up together across seeded runs, 0-1. */
  stability: Share,
  weak: z.boolean(),
  change: ClusterChange,
  ageRange: z.strictObject({ youngest: z.number().int(), oldest: z.number().int() }),
  density: Share,
  /** Ordered by link weight inside the group, then betweenness inside the group; the factors are shown. */
  mostConnected: z.array(
    z.strictObject({
      ref: Ref,
      linksInside: z.number().int().nonnegative(),
      linkWeightInside: Weight,
      betweennessInside: Share,
    }),
  ),
  bridges: z.array(
    z.strictObject({
      clusterId: z.string(),
      links: z.number().int().positive(),
      weight: Weight,
      pairs: z.array(z.strictObject({ inside: Ref, outside: Ref })),
    }),
  ),
  /** Conflicts touching the group: kept apart from the links, for the meeting to see. */
  tensions: z.array(z.strictObject({ inside: Ref, other: Ref, otherClusterId: z.string().optional() })),
  places: z.array(
    z.strictObject({
      locationRef: Ref,
      name: ShortText(120),
      kind: LocationKind,
      recentSightings: z.number().int().nonnegative(),
      youngPeopleSeen: z.number().int().nonnegative(),
      lastSeen: IsoDate,
    }),
  ),
  concerns: z.array(
    z.strictObject({
      category: ConcernCategory,
      label: z.string(),
      youngPeople: z.number().int().nonnegative(),
      open: z.number().int().nonnegative(),
      recent: z.number().int().nonnegative(),
      lastOccurred: IsoDate,
    }),
  ),
  agencies: z.array(z.strictObject({ agency: Agency, youngPeople: z.number().int().positive() })),
  education: z.array(z.strictObject({ status: EducationStatus, youngPeople: z.number().int().positive() })),
  strengths: z.array(z.strictObject({ ref: Ref, strengths: z.array(z.string()) })),
  members: z.array(MemberExplanation),
  /** Explanations were shortened so the cluster fits one stored item (a very large cluster). */
  trimmed: z.boolean().optional(),
  /** What the meeting reads first: what is going well, then who is in the group and how sure it is. */
  narrative: z.string().max(2000),
});
export type ClusterSnapshot = z.infer<typeof ClusterSnapshot>;
