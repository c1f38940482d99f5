/**
 * Words that blame children for their own abuse or label them, from the partnership's
 * guidance (see docs). Nothing peermap writes may contain them; later, text that users type
 * into plans is checked against the partnership's own list, which starts from this one.
 */
export const BLAMING_PHRASES: readonly string[] = [
  'putting themselves at risk',
  'putting himself at risk',
  'putting herself at risk',
  'choosing to',
  'chose to',
  'consenting to',
  'consented to',
  'child prostitute',
  'promiscuous',
  'gang member',
  'ringleader',
  'recruiter',
  'offender',
  'perpetrator',
];

/** The blaming phrases a text contains, ignoring case. */
export function blamingPhrasesIn(text: string, phrases: readonly string[] = BLAMING_PHRASES): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((phrase) => lower.includes(phrase));
}
