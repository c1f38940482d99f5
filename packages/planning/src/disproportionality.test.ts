import { describe, expect, it } from 'vitest';
import { weekFigures } from './disproportionality';

const person = (ref: string, ethnicity: string | undefined, gender: string, dateOfBirth: string) => ({
  ref,
  dateOfBirth,
  gender,
  ...(ethnicity ? { ethnicity } : {}),
});

const people = new Map(
  [
    person('A', 'Black British', 'Male', '2012-01-01'),
    person('B', 'black british ', 'Male', '2011-06-01'),
    person('C', 'White British', 'Female', '2010-03-01'),
    person('D', undefined, 'Female', '2009-12-31'),
  ].map((p) => [p.ref, p]),
);

describe('who is on the map and in clusters, against the cohort', () => {
  const figures = weekFigures({
    week: '2026-W48',
    weekEnds: '2026-11-29',
    onMapRefs: ['A', 'B', 'C', 'D'],
    inClusterRefs: ['A', 'B', 'C'],
    people,
    cohort: {
      source: 'Census 2021, children 10-17',
      ethnicity: { 'Black British': 100, 'White British': 800, Other: 100 },
      sex: { Male: 500, Female: 500 },
      ageBand: { '10-12': 300, '13-15': 400, '16-17': 300 },
    },
  });

  it('counts the same words as one group, and says when nothing was recorded', () => {
    const black = figures.dimensions.ethnicity.find((g) => g.group === 'black british');
    expect(black).toMatchObject({ onMap: 2, inClusters: 2, shareOnMap: 0.5, shareOfCohort: 0.1 });
    expect(figures.dimensions.ethnicity.map((g) => g.group)).toContain('not recorded');
  });

  it('shows the ratio of shares: a group on the map five times its share of the cohort', () => {
    const black = figures.dimensions.ethnicity.find((g) => g.group === 'black british');
    expect(black?.ratioOnMap).toBe(5);
    expect(black?.ratioInClusters).toBeCloseTo(6.67, 2);
    expect(black?.small).toBe(true);
  });

  it('lists cohort groups with nobody on the map, and bands ages at the end of the week', () => {
    expect(figures.dimensions.ethnicity.find((g) => g.group === 'other')).toMatchObject({ onMap: 0, ratioOnMap: 0 });
    expect(figures.dimensions.ageBand.map((g) => [g.group, g.onMap])).toEqual([
      ['10-12', 0],
      ['13-15', 2],
      ['16-17', 2],
    ]);
  });

  it('gives counts and shares without ratios when no cohort is set', () => {
    const plain = weekFigures({ week: 'W', weekEnds: '2026-11-29', onMapRefs: ['A'], inClusterRefs: [], people });
    expect(plain.dimensions.sex).toEqual([
      expect.objectContaining({ group: 'male', onMap: 1, shareOfCohort: null, ratioOnMap: null }),
    ]);
  });
});
