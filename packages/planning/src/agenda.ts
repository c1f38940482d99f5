import type { ClusterSnapshot } from '@peermap/domain';

/** Change that brings a group to the meeting sooner: it is new, or more young people are in it. */
const CHANGES_TO_DISCUSS = new Set(['new', 'grown', 'merged', 'split']);

const CHANGE_WORDS: Readonly<Record<ClusterSnapshot['change']['status'], string>> = {
  new: 'new this week',
  grown: 'more young people than last week',
  merged: 'groups came together this week',
  split: 'part of a group that split this week',
  continuing: 'the same group as last week',
  shrunk: 'fewer young people than last week',
};

/** Places where a group gathering is itself a concern for its safety. */
const UNSAFE_PLACE_KINDS = new Set(['abandoned_building', 'park', 'transport', 'other']);

/** One reason a group is where it is on the agenda, in words and as the number behind them. */
export interface AgendaFactor {
  readonly factor: 'recent_concerns' | 'change' | 'unsafe_places' | 'size';
  readonly value: number;
  readonly text: string;
}

export interface AgendaItem {
  readonly clusterId: string;
  /** 1 for the first group to discuss. */
  readonly position: number;
  readonly factors: readonly AgendaFactor[];
}

/**
 * The order in which the meeting discusses the week's groups, and why: no score, but a fixed
 * order of plain factors, each shown. Most recent concerns (the last four weeks) first; then a
 * group that is new or has changed; then the number of places of concern it is seen at; then
 * size; then its id, so the order never changes between two readings.
 */
export function meetingAgenda(
  clusters: readonly Pick<ClusterSnapshot, 'clusterId' | 'memberRefs' | 'change' | 'concerns' | 'places'>[],
): AgendaItem[] {
  const rows = clusters.map((cluster) => {
    const recent = cluster.concerns.filter((c) => c.recent > 0);
    const recentCount = recent.reduce((sum, c) => sum + c.recent, 0);
    const changed = CHANGES_TO_DISCUSS.has(cluster.change.status) ? 1 : 0;
    const unsafe = cluster.places.filter((p) => UNSAFE_PLACE_KINDS.has(p.kind) && p.recentSightings > 0);
    const size = cluster.memberRefs.length;
    const factors: AgendaFactor[] = [
      {
        factor: 'recent_concerns',
        value: recentCount,
        text:
          recentCount === 0
            ? 'no concerns recorded in the last four weeks'
            : `${recentCount} recent concern${recentCount === 1 ? '' : 's'} (${recent
                .map((c) => `${c.recent} ${c.label.toLowerCase()}`)
                .join(', ')})`,
      },
      {
        factor: 'change',
        value: changed,
        text: CHANGE_WORDS[cluster.change.status],
      },
      {
        factor: 'unsafe_places',
        value: unsafe.length,
        text:
          unsafe.length === 0
            ? 'not seen recently at places of concern'
            : `seen recently at ${unsafe.map((p) => p.name).join(', ')}`,
      },
      { factor: 'size', value: size, text: `${size} young ${size === 1 ? 'person' : 'people'}` },
    ];
    return { clusterId: cluster.clusterId, factors };
  });
  const factorValue = (row: (typeof rows)[number], factor: AgendaFactor['factor']) =>
    row.factors.find((f) => f.factor === factor)?.value ?? 0;
  const order: AgendaFactor['factor'][] = ['recent_concerns', 'change', 'unsafe_places', 'size'];
  rows.sort((a, b) => {
    for (const factor of order) {
      const difference = factorValue(b, factor) - factorValue(a, factor);
      if (difference !== 0) return difference;
    }
    return a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : 0;
  });
  return rows.map((row, index) => ({ ...row, position: index + 1 }));
}
