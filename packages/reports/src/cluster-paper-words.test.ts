import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { clusterPaper } from './papers';

const names = new Map([
  ['YP1', 'Ava B'],
  ['YP2', 'Ben C'],
]);

describe('the group report in plain words', () => {
  const report = clusterPaper(examples.cluster, names, 'OFFICIAL-SENSITIVE');
  const section = (heading: string) => report.sections.find((s) => s.heading === heading);

  it('says why each young person is in the group as a chair would, with no figures', () => {
    const why = section('Why each young person is in the group');
    expect(why?.table?.header).toEqual([
      'Young person',
      'Closest links in the group',
      'Their friends',
      'Same group each run',
    ]);
    expect(why?.table?.rows[0]).toEqual([
      'Ava B (YP1)',
      'Ben C (YP2) (friends, strong link)',
      'almost all of their friends are in this group',
      'every time',
    ]);
    expect(JSON.stringify(why)).not.toMatch(/weight|betweenness|%/i);
    expect(JSON.stringify(section('Most connected in the group'))).not.toMatch(/weight|betweenness/i);
  });

  it('keeps the figures for analysts at the end', () => {
    const figures = report.sections.at(-1);
    expect(figures?.heading).toBe('Figures for analysts');
    expect(figures?.table?.rows[0]).toEqual(['Ava B (YP1)', 'Ben C (YP2) (friends, 3)', '100%', '100%']);
  });
});
