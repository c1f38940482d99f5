import { ageOn, type Cohort, type YoungPerson } from '@peermap/domain';

export type Dimension = 'ethnicity' | 'sex' | 'ageBand';

/** The age bands the report counts in (ages at the end of the week). */
export const AGE_BANDS = ['under 10', '10-12', '13-15', '16-17', '18 and over'] as const;

export const NOT_RECORDED = 'not recorded';

/** Counts below this are marked: a share or a ratio of so few children says little. */
export const SMALL_COUNT = 5;

export interface GroupFigures {
  group: string;
  onMap: number;
  shareOnMap: number;
  inClusters: number;
  shareInClusters: number;
  /** The group's share of the partnership's cohort, when a cohort is set. */
  shareOfCohort: number | null;
  /** Share on the map over share of the cohort: above 1, the group is on the map more than its share. */
  ratioOnMap: number | null;
  ratioInClusters: number | null;
  small: boolean;
}

export interface WeekFigures {
  week: string;
  onMap: number;
  inClusters: number;
  dimensions: Record<Dimension, GroupFigures[]>;
}

type Person = Pick<YoungPerson, 'ref' | 'ethnicity' | 'gender' | 'dateOfBirth'>;

function bandOf(age: number): string {
  if (age < 10) return 'under 10';
  if (age <= 12) return '10-12';
  if (age <= 15) return '13-15';
  if (age <= 17) return '16-17';
  return '18 and over';
}

/** The words a record gives, tidied so "White British" and "white british " count together. */
const tidy = (value: string | undefined) => {
  const words = value?.trim().replace(/\s+/g, ' ');
  return words ? words.toLowerCase() : NOT_RECORDED;
};

const groupOf = (person: Person, dimension: Dimension, weekEnds: string) =>
  dimension === 'ethnicity'
    ? tidy(person.ethnicity)
    : dimension === 'sex'
      ? tidy(person.gender)
      : bandOf(ageOn(person.dateOfBirth, weekEnds));

const ratio = (share: number, cohortShare: number | null) =>
  cohortShare === null || cohortShare === 0 ? null : Math.round((share / cohortShare) * 100) / 100;

const share = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 1000) / 1000);

/**
 * Who was on the map and in clusters in one week, by ethnicity, sex and age band, against the
 * partnership's cohort: counts, shares and the ratio of the shares, group by group. Counts
 * only: no child is named, and no child is ranked.
 */
export function weekFigures(input: {
  week: string;
  weekEnds: string;
  onMapRefs: readonly string[];
  inClusterRefs: readonly string[];
  people: ReadonlyMap<string, Person>;
  cohort?: Cohort | undefined;
}): WeekFigures {
  const onMap = input.onMapRefs.flatMap((ref) => input.people.get(ref) ?? []);
  const inClusters = new Set(input.inClusterRefs);
  const dimensions = {} as Record<Dimension, GroupFigures[]>;
  for (const dimension of ['ethnicity', 'sex', 'ageBand'] as const) {
    const counts = new Map<string, { onMap: number; inClusters: number }>();
    for (const person of onMap) {
      const group = groupOf(person, dimension, input.weekEnds);
      const count = counts.get(group) ?? { onMap: 0, inClusters: 0 };
      count.onMap += 1;
      if (inClusters.has(person.ref)) count.inClusters += 1;
      counts.set(group, count);
    }
    const cohort = cohortShares(input.cohort?.[dimension]);
    for (const group of cohort.keys()) if (!counts.has(group)) counts.set(group, { onMap: 0, inClusters: 0 });
    const clustered = onMap.filter((p) => inClusters.has(p.ref)).length;
    dimensions[dimension] = [...counts.entries()]
      .map(([group, count]) => {
        const shareOfCohort = input.cohort ? (cohort.get(group) ?? 0) : null;
        const shareOnMap = share(count.onMap, onMap.length);
        const shareInClusters = share(count.inClusters, clustered);
        return {
          group,
          onMap: count.onMap,
          shareOnMap,
          inClusters: count.inClusters,
          shareInClusters,
          shareOfCohort,
          ratioOnMap: ratio(shareOnMap, shareOfCohort),
          ratioInClusters: ratio(shareInClusters, shareOfCohort),
          small: count.onMap < SMALL_COUNT,
        };
      })
      .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }
  return {
    week: input.week,
    onMap: onMap.length,
    inClusters: onMap.filter((p) => inClusters.has(p.ref)).length,
    dimensions,
  };
}

function cohortShares(counts: Readonly<Record<string, number>> | undefined): Map<string, number> {
  const entries = Object.entries(counts ?? {}).map(([group, count]) => [tidy(group), count] as const);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return new Map(entries.map(([group, count]) => [group, share(count, total)]));
}
