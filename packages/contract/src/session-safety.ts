import {
  KeepApart,
  LanguageNote,
  LongText,
  RecordId,
  Ref,
  RiskAssessment,
  SessionStatus,
  ShortText,
} from '@peermap/domain';
import * as z from 'zod';

/** What the organiser writes of a session's risk assessment; who completed and approved it the service records. */
export const RiskAssessmentChange = z.strictObject({
  groupDynamics: LongText(3000),
  confidentiality: LongText(3000),
  groupAgreement: LongText(3000),
  keepApart: z.array(KeepApart.omit({ offeredAnotherSession: true })).max(50),
});
export type RiskAssessmentChange = z.infer<typeof RiskAssessmentChange>;

const WrittenPart = z.enum(['groupDynamics', 'confidentiality', 'groupAgreement']);

/**
 * A session's risk assessment as its organiser and approver read it (never police): the
 * assessment, where the session stands, the carers on its list to choose pairs from, and what
 * the map suggests. A safety note is a flag here: its words stay on the carer's record.
 */
export const RiskAssessmentView = z.object({
  sessionId: RecordId,
  status: SessionStatus,
  riskAssessment: RiskAssessment.optional(),
  carers: z.array(
    z.object({
      carerRef: Ref,
      name: ShortText(120),
      /** Where the carer stands on the list today. */
      listed: z.enum(['invite', 'ask_consent_first', 'not_invited']),
    }),
  ),
  suggestions: z.object({
    keepApart: z.array(
      z.object({
        carerRefs: z.tuple([Ref, Ref]),
        because: z.enum(['young_people_in_conflict', 'safety_note_in_family']),
        /** The assessment already keeps this pair apart. */
        kept: z.boolean(),
      }),
    ),
    safetyNotes: z.array(z.object({ carerRef: Ref, name: ShortText(120) })),
    /** The written parts still empty: the assessment is completed once each is written. */
    missing: z.array(WrittenPart),
  }),
  /** Blaming or labelling words in what is written, with better ones: each stops completion until changed. */
  languageNotes: z.array(LanguageNote),
});
export type RiskAssessmentView = z.infer<typeof RiskAssessmentView>;
