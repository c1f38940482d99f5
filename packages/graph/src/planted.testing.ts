import { ConcernCategory } from '@peermap/domain';
import type { WeekMap } from './peer-graph';
import { seededRandom } from './random';

export interface PlantedMapOptions {
  readonly youngPeople: number;
  /** Mean number of links per young person. */
  readonly averageDegree: number;
  /** The share of each young person's links that go outside their group. */
  readonly mixing: number;
  readonly smallestGroup: number;
  readonly largestGroup: number;
  readonly seed: number;
  /** The last day of the week analysed; links were last seen in the four weeks before. */
  readonly asOf: string;
}

export interface PlantedMap {
  readonly map: WeekMap;
  /** The planted group of each young person, in ref order (refs sort as they are numbered). */
  readonly plantedGroups: Int32Array;
  readonly groupCount: number;
}

/**
 * A synthetic map with known peer groups (sizes drawn between the smallest and the largest),
 * for tests and the benchmark: each young person starts averageDegree/2 links, each to a
 * random member of their own group or, with probability `mixing`, to anyone. Every link has
 * the same weight (a strong friendship seen this week), as in the unweighted planted-partition
 * benchmarks that the resolution figures come from.
 */
export function plantedMap(options: PlantedMapOptions): PlantedMap {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const n = options.youngPeople;
  const plantedGroups = new Int32Array(n);
  const groups: { start: number; size: number }[] = [];
  for (let start = 0; start < n; ) {
    const span = options.largestGroup - options.smallestGroup + 1;
    const size = Math.min(n - start, options.smallestGroup + Math.floor(random() * span));
    plantedGroups.fill(groups.length, start, start + size);
    groups.push({ start, size });
    start += size;
  }
  const refOf = (i: number) => `YP${String(i).padStart(7, '0')}`;
  const days = Array.from({ length: 28 }, (_, back) =>
    new Date(Date.parse(options.asOf) - back * 86_400_000).toISOString().slice(0, 10),
  );
  const target = Math.round((n * options.averageDegree) / 2);
  const seen = new Set<number>();
  const relationships: WeekMap['relationships'][number][] = [];
  for (let attempt = 0; relationships.length < target && attempt < target * 20; attempt++) {
    const a = attempt % n;
    const group = groups[plantedGroups[a] ?? 0] ?? { start: 0, size: 1 };
    const b = random() < options.mixing ? Math.floor(random() * n) : group.start + Math.floor(random() * group.size);
    if (a === b) continue;
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = low * n + high;
    if (seen.has(key)) continue;
    seen.add(key);
    relationships.push({
      personA: refOf(low),
      personB: refOf(high),
      kind: 'friend',
      strength: 2,
      lastSeen: options.asOf,
      restricted: false,
    });
  }
  const youngPeople = Array.from({ length: n }, (_, i) => ({
    ref: refOf(i),
    dateOfBirth: `${2009 + (i % 7)}-0${1 + (i % 9)}-1${i % 10}`,
    educationStatus: 'attending' as const,
    agencies: ['early_help' as const],
    strengths: [],
    status: 'open' as const,
  }));
  const concerns = youngPeople.map((person) => ({
    personRef: person.ref,
    category: pick(ConcernCategory.options),
    occurredOn: pick(days),
    status: 'open' as const,
  }));
  return {
    map: { youngPeople, relationships, sightings: [], concerns, locations: [] },
    plantedGroups,
    groupCount: groups.length,
  };
}
