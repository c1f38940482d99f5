import type { LayoutInput } from './layout';

export interface SampleWeekOptions {
  people: number;
  /** Young people per group (the last group takes what is left). */
  groupSize?: number;
  /** The share of young people in a group; the rest are on their own. */
  inGroups?: number;
  /** Links inside a group per young person in it (at most groupSize - 1). */
  linksInside?: number;
  /** Of every this many groups, one is linked to the next by a bridge (two young people). */
  bridgeEvery?: number;
}

/**
 * A generated week for the map's tests and benchmark, like a large partnership's: groups of about
 * ten, each young person linked to most of their group, bridges between some neighbouring groups,
 * a few links out to young people on their own. Fixed by its options (no randomness), so every
 * run draws the same week.
 */
export function sampleWeek(options: SampleWeekOptions): LayoutInput {
  const size = Math.max(2, options.groupSize ?? 10);
  const grouped = Math.round(options.people * (options.inGroups ?? 0.95));
  const insideEach = Math.min(size - 1, options.linksInside ?? 7);
  const people = Array.from({ length: options.people }, (_, i) => `YP${String(i).padStart(6, '0')}`);
  const groups: LayoutInput['groups'][number][] = [];
  for (let start = 0; start < grouped; start += size) {
    groups.push({ id: `group-${groups.length}`, members: people.slice(start, Math.min(start + size, grouped)) });
  }
  const links: { a: string; b: string; weight: number }[] = [];
  for (const { members } of groups) links.push(...linksInside(members, insideEach));
  const bridgeEvery = options.bridgeEvery ?? 2;
  for (let g = 0; g + 1 < groups.length; g += bridgeEvery) {
    const [a, b] = [groups[g]?.members[1], groups[g + 1]?.members[2]];
    if (a && b) links.push({ a, b, weight: 1 });
  }
  // Each young person on their own knows one young person in a group.
  for (let i = grouped; i < options.people; i += 1) {
    const [a, b] = [people[i], people[(i * 7919) % Math.max(grouped, 1)]];
    if (a && b && grouped > 0) links.push({ a, b, weight: 1 });
  }
  return { people, groups, links };
}

/** Each member linked to the next `each / 2` members round the group (both ways: `each` links per member). */
function linksInside(members: readonly string[], each: number): { a: string; b: string; weight: number }[] {
  const links: { a: string; b: string; weight: number }[] = [];
  const reach = Math.min(Math.ceil(each / 2), Math.floor(members.length / 2));
  members.forEach((a, i) => {
    for (let step = 1; step <= reach; step += 1) {
      const j = (i + step) % members.length;
      const b = members[j];
      // An even group's opposite pair would be counted twice.
      if (b && !(2 * step === members.length && j < i)) links.push({ a, b, weight: 1 + ((i + step) % 3) });
    }
  });
  return links;
}
