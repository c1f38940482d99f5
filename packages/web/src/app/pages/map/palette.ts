/**
 * The colours of the map. Groups take Paul Tol's "muted" qualitative scheme, designed to stay
 * distinct for people with any common colour-vision deficiency; every node has a dark ring, so a
 * pale colour still stands out from the white page (WCAG 1.4.11).
 */
export const GROUP_COLOURS = [
  '#332288',
  '#117733',
  '#cc6677',
  '#88ccee',
  '#999933',
  '#882255',
  '#44aa99',
  '#ddcc77',
  '#aa4499',
] as const;

/** Past the palette's size, a group's patch is told apart by its outline as well as its name. */
export const OUTLINES = ['solid', 'dashed', 'dotted'] as const;
export type Outline = (typeof OUTLINES)[number];

export interface GroupStyle {
  colour: string;
  outline: Outline;
}

/** Young people not in any group this week: a neutral grey, never one of the groups' colours. */
export const NOT_IN_GROUP_COLOUR = '#8a8a8a';
/** Places: dark squares, a shape and colour no young person has. */
export const PLACE_COLOUR = '#3d2b1f';
/** Ring around every young person. */
export const RING_COLOUR = '#1f1f1f';

/**
 * A group's style from its tracked identity, never from where it falls in this week's list:
 * tracking carries a group's label ("Group 7") from week to week, so the same group keeps its
 * colour and outline. The first 27 numbers each have their own pair; beyond, the name drawn at
 * the group tells them apart.
 */
export function groupStyle(cluster: { clusterId: string; label: string }): GroupStyle {
  const number = /(\d+)\s*$/.exec(cluster.label)?.[1];
  const index = number === undefined ? hashOf(cluster.clusterId) : Number(number) - 1;
  const palette = GROUP_COLOURS.length;
  return {
    colour: GROUP_COLOURS[index % palette] ?? GROUP_COLOURS[0],
    outline: OUTLINES[Math.floor(index / palette) % OUTLINES.length] ?? 'solid',
  };
}

/** A small stable number for an id without a numbered label (FNV-1a). */
function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash % 1000;
}

/** A colour with an opacity, for patches and links that sit behind the young people. */
export function withAlpha(hex: string, alpha: number): string {
  const channel = Math.round(Math.min(Math.max(alpha, 0), 1) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${channel}`;
}
