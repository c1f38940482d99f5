import { describe, expect, it } from 'vitest';
import { GROUP_COLOURS, groupStyle, NOT_IN_GROUP_COLOUR, OUTLINES, PLACE_COLOUR, withAlpha } from './palette';

describe("a group's colour on the map", () => {
  it('comes from its tracked label, so the same group keeps it whatever its place in the week’s list', () => {
    const lastWeek = [
      { clusterId: 'c-a', label: 'Group 3' },
      { clusterId: 'c-b', label: 'Group 7' },
    ];
    // This week Group 7 comes first, Group 3 moved, and a new group took the first place.
    const thisWeek = [
      { clusterId: 'c-new', label: 'Group 17' },
      { clusterId: 'c-b', label: 'Group 7' },
      { clusterId: 'c-a', label: 'Group 3' },
    ];
    for (const group of lastWeek) {
      const again = thisWeek.find((g) => g.clusterId === group.clusterId);
      expect(again && groupStyle(again)).toEqual(groupStyle(group));
    }
  });

  it('gives the first 27 groups each their own colour and outline', () => {
    const styles = Array.from({ length: GROUP_COLOURS.length * OUTLINES.length }, (_, i) =>
      groupStyle({ clusterId: `c${i}`, label: `Group ${i + 1}` }),
    );
    expect(new Set(styles.map((s) => `${s.colour} ${s.outline}`)).size).toBe(27);
    expect(styles.slice(0, 9).every((s) => s.outline === 'solid')).toBe(true);
    expect(new Set(styles.slice(0, 9).map((s) => s.colour)).size).toBe(9);
    expect(groupStyle({ clusterId: 'x', label: 'Group 10' })).toEqual({ colour: GROUP_COLOURS[0], outline: 'dashed' });
  });

  it('never gives a group the colour of young people in no group or of places', () => {
    expect(GROUP_COLOURS).not.toContain(NOT_IN_GROUP_COLOUR);
    expect(GROUP_COLOURS).not.toContain(PLACE_COLOUR);
  });

  it('still has a stable colour for a group whose label has no number', () => {
    const a = groupStyle({ clusterId: 'cluster-xyz', label: 'Riverside' });
    expect(groupStyle({ clusterId: 'cluster-xyz', label: 'Riverside' })).toEqual(a);
    expect(GROUP_COLOURS).toContain(a.colour);
  });

  it('writes an opacity as the last two hex digits', () => {
    expect(withAlpha('#332288', 1)).toBe('#332288ff');
    expect(withAlpha('#332288', 0)).toBe('#33228800');
    expect(withAlpha('#332288', 0.5)).toBe('#33228880');
  });
});
