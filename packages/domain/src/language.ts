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
  { phrase: 'gang-involved', suggestion: 'at risk of criminal exploitation' },
  { phrase: 'gang involved', suggestion: 'at risk of criminal exploitation' },
  { phrase: 'gang', suggestion: 'peer group (say who is at risk of exploitation, not who belongs)' },
  { phrase: 'ringleader', suggestion: 'most connected in the group' },
  { phrase: 'group leader', suggestion: 'most connected in the group' },
  { phrase: 'the leader', suggestion: 'the most connected in the group' },
  { phrase: 'runner', suggestion: 'young person exploited to carry drugs or money' },
  { phrase: 'lookout', suggestion: 'young person exploited to keep watch' },
  { phrase: 'drug dealer', suggestion: 'young person criminally exploited to sell drugs' },
  { phrase: 'recruiter', suggestion: 'young person who is connected to others at risk' },
  { phrase: 'offender', suggestion: 'young person (say what happened, not what they are)' },
  { phrase: 'perpetrator', suggestion: 'the person causing harm' },
];

/** The starting list of blaming phrases. */
export const BLAMING_PHRASES: readonly string[] = LANGUAGE_GUIDE.map((entry) => entry.phrase);

/** The blaming phrases a text contains, ignoring case. */
export function blamingPhrasesIn(text: string, phrases: readonly string[] = BLAMING_PHRASES): string[] {
  return phrasesIn(text, phrases);
}

const escapeForPattern = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The phrases a text contains as whole words (a plural counts; "gangway" is not "gang"),
 * ignoring case. Where one phrase lies inside a longer one found at the same place ("gang" in
 * "gang member"), only the longer is named.
 */
function phrasesIn(text: string, phrases: readonly string[]): string[] {
  const found: { phrase: string; start: number; end: number }[] = [];
  for (const phrase of new Set(phrases)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeForPattern(phrase)}(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern)) {
      found.push({ phrase, start: match.index, end: match.index + match[0].length });
    }
  }
  const within = (inner: (typeof found)[number], outer: (typeof found)[number]) =>
    inner !== outer &&
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    outer.end - outer.start > inner.end - inner.start;
  const kept = found.filter((match) => !found.some((other) => within(match, other)));
  return phrases.filter((phrase) => kept.some((match) => match.phrase === phrase));
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
 * partnership's additions. Notes while people write; a plan is agreed only once each is changed
 * or kept with a reason (`refuseUnexplainedWords` in planning).
 */
export function languageNotes(
  fields: Readonly<Record<string, string>>,
  additions: readonly { phrase: string; suggestion: string }[] = [],
): LanguageNote[] {
  const guide = [...LANGUAGE_GUIDE, ...additions];
  const phrases = guide.map((entry) => entry.phrase);
  return Object.entries(fields).flatMap(([field, text]) => {
    const present = new Set(phrasesIn(text, phrases));
    return guide
      .filter((entry) => present.has(entry.phrase))
      .map((entry) => ({ field, phrase: entry.phrase, suggestion: entry.suggestion }));
  });
}
