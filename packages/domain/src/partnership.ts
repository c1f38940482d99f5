import { z } from 'zod';
import { PartnershipId, ShortText, Timestamp, Version } from './primitives';

/** A safeguarding partnership: the tenant. Nothing crosses from one partnership to another. */
export const Partnership = z.strictObject({
  id: PartnershipId,
  name: ShortText(120),
  /** Printed on every export and page, e.g. `OFFICIAL-SENSITIVE`. */
  handlingMarking: ShortText(60),
  /** Weeks after a young person's last linked record before their record is due for review. */
  reviewAfterWeeks: z.number().int().min(1).max(104),
  createdAt: Timestamp,
  version: Version,
});
export type Partnership = z.infer<typeof Partnership>;

/** What a new partnership starts with when its settings say nothing else. */
export const PARTNERSHIP_DEFAULTS = {
  handlingMarking: 'OFFICIAL-SENSITIVE',
  reviewAfterWeeks: 12,
} as const satisfies Pick<Partnership, 'handlingMarking' | 'reviewAfterWeeks'>;
