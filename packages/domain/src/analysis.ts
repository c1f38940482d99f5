import { z } from 'zod';
import { IsoWeek, PartnershipId, RecordId, Ref, ShortText, Timestamp, Version } from './primitives';
import { AnalysisPurpose } from './vocabulary';

export const AnalysisStatus = z.enum(['queued', 'running', 'completed', 'failed']);
export type AnalysisStatus = z.infer<typeof AnalysisStatus>;

/** A named analysis parameter's value, stored with every run so it can be repeated. */
const ParameterValue = z.union([z.number(), z.string(), z.boolean(), z.record(z.string(), z.number())]);

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
    parameters: z.record(z.string(), ParameterValue),
    requestedBy: ShortText(128),
    createdAt: Timestamp,
    completedAt: Timestamp.optional(),
    summary: z
      .strictObject({
        youngPeopleIncluded: z.number().int().nonnegative(),
        clusterCount: z.number().int().nonnegative(),
        modularity: z.number().nullable(),
        /** Young people with no links this week: reported, never dropped. */
        onTheirOwn: z.array(Ref),
      })
      .optional(),
    failureReason: z.string().max(500).optional(),
    version: Version,
  })
  .refine((a) => a.status !== 'completed' || (a.completedAt && a.summary), {
    message: 'a completed analysis has its completion time and summary',
    path: ['completedAt'],
  });
export type AnalysisSnapshot = z.infer<typeof AnalysisSnapshot>;

/** A peer group found by a run: its members and how sure the analysis is about it. */
export const ClusterSnapshot = z.strictObject({
  partnershipId: PartnershipId,
  analysisId: RecordId,
  /** Stable across weeks: a continuing group keeps its id. */
  clusterId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  label: ShortText(80),
  memberRefs: z.array(Ref).min(1),
  /** How often the members end up together across seeded runs, 0-1. */
  stability: z.number().min(0).max(1),
  details: z.record(z.string(), z.unknown()),
});
export type ClusterSnapshot = z.infer<typeof ClusterSnapshot>;
