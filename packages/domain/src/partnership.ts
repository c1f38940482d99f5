import * as z from 'zod';
import { ActionRules } from './action-rules';
import { PartnershipId, ShortText, Timestamp, Version } from './primitives';
import { SessionTopics } from './session-topics';

const CohortCounts = z
  .record(ShortText(80), z.number().int().nonnegative())
  .refine((counts) => Object.keys(counts).length <= 60, 'at most 60 groups');

/**
 * The partnership's own cohort of children (from the census or the school roll), by ethnicity,
 * sex and age band: what the map is compared with to see whether one group is over-represented.
 */
export const Cohort = z.strictObject({
  /** Where the figures come from, e.g. "2021 Census, children aged 10-17, Kent". */
  source: ShortText(200),
  ethnicity: CohortCounts,
  sex: CohortCounts,
  ageBand: CohortCounts,
});
export type Cohort = z.infer<typeof Cohort>;

/** A safeguarding partnership: the tenant. Nothing crosses from one partnership to another. */
export const Partnership = z.strictObject({
  id: PartnershipId,
  name: ShortText(120),
  /** Printed on every export and page, e.g. `OFFICIAL-SENSITIVE`. */
  handlingMarking: ShortText(60),
  /** Weeks after a young person's last linked record before their record is due for review. */
  reviewAfterWeeks: z.number().int().min(1).max(104),
  /** Weeks an overdue review may wait before the retention sweep removes the young person; absent, 4. */
  removeAfterOverdueWeeks: z.number().int().min(1).max(26).optional(),
  /** The rules that suggest a group's actions; absent, the starting rules apply. */
  actionRules: ActionRules.optional(),
  /** Blaming phrases the partnership adds to the starting list, each with better words. */
  languagePhrases: z
    .array(z.strictObject({ phrase: ShortText(80), suggestion: ShortText(200) }))
    .max(200)
    .optional(),
  /** An invite list past this many carers proposes smaller sessions: groups work better started small. */
  inviteSizeLimit: z.number().int().min(2).max(100).optional(),
  cohort: Cohort.optional(),
  /** The topics a session's planner chooses from; absent, the starting topics apply. */
  sessionTopics: SessionTopics.optional(),
  createdAt: Timestamp,
  version: Version,
});
export type Partnership = z.infer<typeof Partnership>;

/** What a new partnership starts with when its settings say nothing else. */
export const PARTNERSHIP_DEFAULTS = {
  handlingMarking: 'OFFICIAL-SENSITIVE',
  reviewAfterWeeks: 12,
} as const satisfies Pick<Partnership, 'handlingMarking' | 'reviewAfterWeeks'>;

/** An invite list past this many carers proposes smaller sessions. */
export const DEFAULT_INVITE_SIZE_LIMIT = 12;
