import {
  FeedbackMeasureName,
  FeedbackMeasures,
  IsoDate,
  LanguageNote,
  LongText,
  Ref,
  SessionFeedback,
  Timestamp,
} from '@peermap/domain';
import * as z from 'zod';

/** Whether a parent gave at least one of the six answers (three measures, before and after). */
const anyMeasureGiven = (measures: FeedbackMeasures) =>
  Object.values(measures).some((pair) => pair.before !== undefined || pair.after !== undefined);

const MEASURE_NEEDED = {
  message: 'give at least one of the three measures, before or after',
  path: ['measures'],
};

/**
 * What a worker records of a parent's feedback: the carer (none: anonymous), the parent's own
 * words, the three measures.
 */
export const FeedbackEntry = z
  .strictObject({ carerRef: Ref.optional(), words: LongText(3000).optional(), measures: FeedbackMeasures })
  .refine((entry) => anyMeasureGiven(entry.measures), MEASURE_NEEDED);
export type FeedbackEntry = z.infer<typeof FeedbackEntry>;

/** What a parent sends through their one-time link: their words and measures, nothing that names them. */
export const FeedbackFormAnswers = z
  .strictObject({ words: LongText(3000).optional(), measures: FeedbackMeasures })
  .refine((answers) => anyMeasureGiven(answers.measures), MEASURE_NEEDED);
export type FeedbackFormAnswers = z.infer<typeof FeedbackFormAnswers>;

/** Feedback as recorded, with notes on any words the words guide would put otherwise (never a refusal: they are the parent's). */
export const FeedbackRecorded = z.object({ feedback: SessionFeedback, languageNotes: z.array(LanguageNote) });

/** A session's feedback, oldest first. */
export const FeedbackList = z.object({ items: z.array(SessionFeedback) });

/**
 * A one-time link, answered once: the key is in the link's fragment (`#/feedback/<key>`), so it
 * never reaches a server's logs; only its hash is kept.
 */
export const FeedbackLinkGiven = z.object({
  key: z.string(),
  /** Where the form is in the web app: the app's own address followed by this. */
  formPath: z.string(),
  validUntil: Timestamp,
});

/** What the parent's form shows: the day of the session and the measures' words; no names, no place. */
export const FeedbackForm = z.object({
  sessionDay: IsoDate,
  measures: z.array(z.object({ name: FeedbackMeasureName, words: z.string() })),
});
