/*
 * The words of the three feedback measures, in a module of their own (no zod), so the parent's
 * form, the worker's form and the papers ask them in the same words.
 */

/** The three measures a parent gives at the start of a session and at its end, in the order they are asked. */
export const FEEDBACK_MEASURES = ['knowsSigns', 'feelsAlone', 'knowsWhoToContact'] as const;
export type FeedbackMeasureKey = (typeof FEEDBACK_MEASURES)[number];

/** The words each measure is asked in, on the form and on the papers. */
export const FEEDBACK_MEASURE_WORDS: Readonly<Record<FeedbackMeasureKey, string>> = {
  knowsSigns: 'I know the signs that my child may be at risk',
  feelsAlone: 'I feel on my own with this',
  knowsWhoToContact: 'I know who to contact',
};

/** The scores of a measure, and the words at its two ends. */
export const MEASURE_SCORES = [1, 2, 3, 4, 5] as const;
export const MEASURE_SCALE_ENDS = { lowest: 'Not at all', highest: 'Very much' } as const;
