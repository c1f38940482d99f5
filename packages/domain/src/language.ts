import * as z from 'zod';

/**
 * Words that blame children for their own abuse or label them, from the partnership's
 * guidance, each with better words. Nothing peermap writes may contain them; text users type
 * into plans is checked against them and the partnership's own additions.
 */
export const LANGUAGE_GUIDE: readonly { phrase: string; suggestion: string }[] = [
  { phrase: 'putting themselves at risk', suggestion: 'is at risk of harm' },
  { phrase: 'putting himself at risk', suggestion: 'is at risk of harm' },
  { phrase: 'putting herself at risk', suggestion: 'is at risk of harm' },
  { phrase: 'choosing to', suggestion: 'is being drawn into' },
  { phrase: 'chose to', suggestion: 'was drawn into' },
  { phrase: 'consenting to', suggestion: 'is being exploited through' },
  { phrase: 'consented to', suggestion: 'was exploited through' },
  { phrase: 'child prostitute', suggestion: 'child who is being sexually exploited' },
  { phrase: 'promiscuous', suggestion: 'at risk of sexual exploitation' },
  { phrase: 'gang member', suggestion: 'young person at risk of criminal exploitation' },
  { phrase: 'ringleader', suggestion: 'most connected in the group' },
  { phrase: 'recruiter', suggestion: 'young person who is connected to others at risk' },
  { phrase: 'offender', suggestion: 'young person (say what happened, not what they are)' },
  { phrase: 'perpetrator', suggestion: 'the person causing harm' },
];

/** The starting list of blaming phrases. */
export const BLAMING_PHRASES: readonly string[] = LANGUAGE_GUIDE.map((entry) => entry.phrase);

/** The blaming phrases a text contains, ignoring case. */
export function blamingPhrasesIn(text: string, phrases: readonly string[] = BLAMING_PHRASES): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((phrase) => lower.includes(phrase.toLowerCase()));
}

/** A blaming phrase found in what someone wrote, where, and better words. */
export const LanguageNote = z.object({
  /** Where the words are, e.g. `summary` or `actions.2.description`. */
  field: z.string(),
  phrase: z.string(),
  suggestion: z.string(),
});
export type LanguageNote = z.infer<typeof LanguageNote>;

/**
 * Each blaming phrase found in each field, with better words: the starting guide and the
 * partnership's additions. Notes, not refusals: the person writing decides.
 */
export function languageNotes(
  fields: Readonly<Record<string, string>>,
  additions: readonly { phrase: string; suggestion: string }[] = [],
): LanguageNote[] {
  const guide = [...LANGUAGE_GUIDE, ...additions];
  return Object.entries(fields).flatMap(([field, text]) => {
    const lower = text.toLowerCase();
    return guide
      .filter((entry) => lower.includes(entry.phrase.toLowerCase()))
      .map((entry) => ({ field, phrase: entry.phrase, suggestion: entry.suggestion }));
  });
}
