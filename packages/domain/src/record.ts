import * as z from 'zod';
import { PartnershipId, RecordId, ShortText, Timestamp, Version } from './primitives';

/**
 * Who wrote a record and when: the user, and the upload when it came from one. The agency
 * that knows a fact is a field of the record itself (`sourceAgency`) where the format has it.
 */
export const Provenance = z.strictObject({
  uploadId: RecordId.optional(),
  recordedBy: ShortText(128),
  recordedAt: Timestamp,
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * The fields every stored record of the map has besides its own: its partnership, its
 * version for optimistic locking, its provenance, and when it falls due for deletion
 * (set by review and retention; absent means "until reviewed").
 */
export const recordMeta = {
  partnershipId: PartnershipId,
  version: Version,
  provenance: Provenance,
  retainUntil: Timestamp.optional(),
};

const { version: _, ...withoutVersion } = recordMeta;
/** The same without the version, which the store alone sets: what a draft of a record carries. */
export const draftMeta = withoutVersion;

/**
 * The police 3x5x2 intelligence grading: source evaluation 1 (reliable) to 3 (not
 * reliable), intelligence assessment A (known directly) to E (suspected false), and the
 * handling code P (may be shared under the agreement) or C (conditions apply).
 */
export const IntelligenceGrading = z.strictObject({
  sourceEvaluation: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  intelligenceAssessment: z.enum(['A', 'B', 'C', 'D', 'E']),
  handlingCode: z.enum(['P', 'C']),
});
export type IntelligenceGrading = z.infer<typeof IntelligenceGrading>;
