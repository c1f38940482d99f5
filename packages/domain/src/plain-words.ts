/**
 * The analysis's figures said as a chair would say them at the meeting. One place holds the
 * thresholds, so the group page, the map and the Word papers use the same words for the same
 * figure. Pure and free of zod: the web app bundles this module.
 */

export type LinkStrength = 'strong' | 'regular' | 'occasional';

/**
 * A link's weight is its strength (1-3) times how much its kind counts (1 for friends) times how
 * recent it is, plus the times two young people were seen together. So a recent strength-3
 * friendship weighs about 3, a recent strength-2 one about 2, and an old or passing link under 1.
 */
export const LINK_STRENGTH_THRESHOLDS = { strong: 2, regular: 1 } as const;

export function linkStrengthOf(weight: number): LinkStrength {
  if (weight >= LINK_STRENGTH_THRESHOLDS.strong) return 'strong';
  if (weight >= LINK_STRENGTH_THRESHOLDS.regular) return 'regular';
  return 'occasional';
}

/** "friends, strong link", "seen together at places, occasional link": the kind in the vocabulary's words first. */
export function linkInWords(weight: number, kindLabel: string): string {
  const strength = `${linkStrengthOf(weight)} link`;
  const kind = kindLabel.trim();
  return kind ? `${kind}, ${strength}` : strength;
}

/**
 * A link as the worker recorded it (strength 1 weak to 3 strong, the upload's scale), in the
 * same three words: "friends, strong link". The analysis's weight also counts kind and recency,
 * so the two can differ; this one says what the partner who knows the young people said.
 */
export function recordedLinkInWords(strength: 1 | 2 | 3, kindLabel: string): string {
  const words: Record<1 | 2 | 3, LinkStrength> = { 1: 'occasional', 2: 'regular', 3: 'strong' };
  const kind = kindLabel.trim();
  return kind ? `${kind}, ${words[strength]} link` : `${words[strength]} link`;
}

/** Shares of a young person's links that stay inside their group, from most to least. */
export const SHARE_INSIDE_THRESHOLDS = { almostAll: 0.9, most: 0.5, some: 0.25 } as const;

/** How much of a young person's circle is in the group, from the share of their link weight inside it. */
export function shareInsideInWords(share: number): string {
  if (share >= SHARE_INSIDE_THRESHOLDS.almostAll) return 'almost all of their friends are in this group';
  if (share > SHARE_INSIDE_THRESHOLDS.most) return 'most of their friends are in this group';
  if (share >= SHARE_INSIDE_THRESHOLDS.some) return 'some of their friends are in this group, others outside it';
  return 'most of their friends are outside this group';
}

/** How often the repeated runs of the analysis put the same young people together, from most to least. */
export const STABILITY_THRESHOLDS = { everyTime: 0.995, almostEveryTime: 0.9, mostTimes: 0.6 } as const;

/** How sure the analysis is of a grouping, from the share of repeated runs that agree. */
export function stabilityInWords(stability: number): string {
  if (stability >= STABILITY_THRESHOLDS.everyTime) return 'the same group came out every time';
  if (stability >= STABILITY_THRESHOLDS.almostEveryTime) return 'the same group came out almost every time';
  if (stability >= STABILITY_THRESHOLDS.mostTimes) return 'the same group came out most times';
  return 'the group came out differently from run to run';
}

/** The same, short enough for a table's column "Same group each run". */
export function stabilityInShortWords(stability: number): string {
  if (stability >= STABILITY_THRESHOLDS.everyTime) return 'every time';
  if (stability >= STABILITY_THRESHOLDS.almostEveryTime) return 'almost every time';
  if (stability >= STABILITY_THRESHOLDS.mostTimes) return 'most times';
  return 'not often: check';
}

/** A figure as a whole percentage, for the analysts' "Figures". */
export const percentOf = (share: number) => `${Math.round(share * 100)}%`;

/** Who is most connected in the group, in words: how many they are linked to there and how strongly. */
export function connectionsInWords(linksInside: number, linkWeightInside: number): string {
  const people = `${linksInside} ${linksInside === 1 ? 'young person' : 'young people'}`;
  const average = linksInside === 0 ? 0 : linkWeightInside / linksInside;
  const strength = linkStrengthOf(average);
  return `linked to ${people} in the group, ${strength === 'occasional' ? 'mostly occasional' : `mostly ${strength}`} links`;
}

/** How many of a group's strengths its summary names; the group page lists them all. */
const STRENGTHS_IN_SUMMARY = 3;

/**
 * The strengths themselves, not a count of them: the meeting starts from what is going well.
 * An erasure writes this sentence again without the person's strengths, so it is made in one place.
 */
export function strengthsInWords(strengths: readonly { readonly strengths: readonly string[] }[]): string {
  const distinct = [...new Set(strengths.flatMap((s) => s.strengths.map((text) => text.trim())).filter(Boolean))];
  if (distinct.length === 0)
    return 'No strengths are recorded for this group yet; ask the key workers what is going well.';
  const shown = distinct.slice(0, STRENGTHS_IN_SUMMARY);
  const more = distinct.length - shown.length;
  return `What is going well: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`;
}
