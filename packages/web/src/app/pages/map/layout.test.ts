import { describe, expect, it } from 'vitest';
import { evenOut, type LayoutInput, layoutWeek, placePlaces, SPACING } from './layout';
import { packPatches } from './packing';
import { sampleWeek } from './sample-week.testing';

/** A week like the demo's: groups of 3 to 16, dense inside, a few bridges, some on their own. */
function week(groupSizes: readonly number[], alone: number): LayoutInput {
  const people: string[] = [];
  const groups: LayoutInput['groups'][number][] = [];
  const links: { a: string; b: string; weight: number }[] = [];
  groupSizes.forEach((size, g) => {
    const members = Array.from({ length: size }, (_, i) => `G${g}P${i}`);
    people.push(...members);
    groups.push({ id: `group-${g}`, members });
    members.forEach((a, i) => {
      for (const b of members.slice(i + 1)) if ((i + b.length) % 2 === 0) links.push({ a, b, weight: 2 });
    });
  });
  for (let k = 0; k + 1 < groupSizes.length; k += 1) links.push({ a: `G${k}P0`, b: `G${k + 1}P1`, weight: 1 });
  for (let i = 0; i < alone; i += 1) people.push(`ALONE${i}`);
  return { people, groups, links };
}

const DEMO_LIKE = [16, 12, 12, 12, 10, 8, 8, 8, 7, 7, 5, 4, 4, 3];

describe('the layout of a week', () => {
  it('is the same every time for the same week', () => {
    const first = layoutWeek(week(DEMO_LIKE, 4));
    const again = layoutWeek(week(DEMO_LIKE, 4));
    expect([...again.positions]).toEqual([...first.positions]);
    expect(again.patches).toEqual(first.patches);
  });

  it('keeps each group inside its own patch, and no two patches overlap', () => {
    const input = week(DEMO_LIKE, 4);
    const layout = layoutWeek(input);
    expect(layout.patches).toHaveLength(DEMO_LIKE.length);
    for (const [i, a] of layout.patches.entries()) {
      for (const b of layout.patches.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.radius + b.radius);
      }
    }
    for (const group of input.groups) {
      const patch = layout.patches.find((p) => p.id === group.id);
      for (const ref of group.members) {
        const at = layout.positions.get(ref);
        expect(patch && at && Math.hypot(at.x - patch.x, at.y - patch.y)).toBeLessThan(patch?.radius ?? 0);
      }
    }
  });

  it('leaves room between any two young people for their names', () => {
    const positions = [...layoutWeek(week(DEMO_LIKE, 6)).positions.values()];
    for (const [i, a] of positions.entries()) {
      for (const b of positions.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(0.95 * SPACING);
    }
  });

  it('puts young people in no group in their own band, below and apart from every patch', () => {
    const layout = layoutWeek(week(DEMO_LIKE, 6));
    const band = layout.band;
    expect(band).toBeDefined();
    const lowestPatch = Math.max(...layout.patches.map((p) => p.y + p.radius));
    expect(band?.y).toBeGreaterThan(lowestPatch + SPACING);
    for (let i = 0; i < 6; i += 1) {
      const at = layout.positions.get(`ALONE${i}`);
      expect(at && band && at.y >= band.y && at.y <= band.y + band.height).toBe(true);
    }
  });

  it('draws a week with no groups, a week of one young person, and an empty week', () => {
    const noGroups = layoutWeek(week([], 5));
    expect(noGroups.patches).toEqual([]);
    expect(noGroups.positions.size).toBe(5);
    const one = layoutWeek({ people: ['P'], groups: [], links: [] });
    expect(one.positions.get('P')).toBeDefined();
    const empty = layoutWeek({ people: [], groups: [], links: [] });
    expect(empty).toEqual({ positions: new Map(), patches: [], band: undefined });
    const pair = layoutWeek({ people: ['A', 'B'], groups: [{ id: 'g', members: ['A', 'B'] }], links: [] });
    expect(pair.band).toBeUndefined();
  });

  it('lays out a few hundred young people in well under a second', () => {
    const sizes = Array.from({ length: 30 }, (_, i) => 4 + ((i * 7) % 14));
    const started = performance.now();
    const layout = layoutWeek(week(sizes, 40));
    expect(layout.positions.size).toBe(sizes.reduce((a, b) => a + b, 0) + 40);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('packs a partnership of 2,000 young people with no two patches overlapping, the band below them', () => {
    const input = sampleWeek({ people: 2_000 });
    const layout = layoutWeek(input);
    expect(layout.patches).toHaveLength(input.groups.length);
    expect(layout.positions.size).toBe(2_000);
    for (const [i, a] of layout.patches.entries()) {
      for (const b of layout.patches.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.radius + b.radius);
      }
    }
    const lowestPatch = Math.max(...layout.patches.map((p) => p.y + p.radius));
    expect(layout.band?.y).toBeGreaterThan(lowestPatch + SPACING);
    // Packed towards the canvas's shape, not strung out in a line.
    const width =
      Math.max(...layout.patches.map((p) => p.x + p.radius)) - Math.min(...layout.patches.map((p) => p.x - p.radius));
    const height = lowestPatch - Math.min(...layout.patches.map((p) => p.y - p.radius));
    expect(width / height).toBeGreaterThan(1.2);
    expect(width / height).toBeLessThan(3.5);
  });

  it('ignores a group member who is not on the map (erased since the analysis)', () => {
    const layout = layoutWeek({ people: ['A'], groups: [{ id: 'g', members: ['A', 'GONE'] }], links: [] });
    expect([...layout.positions.keys()]).toEqual(['A']);
  });
});

describe('packing patches', () => {
  it('puts the largest first and keeps linked groups nearer than unlinked ones', () => {
    const shapes = [
      { id: 'small', radius: 1 },
      { id: 'big', radius: 5 },
      { id: 'linked', radius: 2 },
      { id: 'other', radius: 2 },
      { id: 'another', radius: 2 },
    ];
    const centres = packPatches(shapes, new Map([['big|linked', 10]]));
    expect(centres.get('big')).toEqual({ x: 0, y: 0 });
    const distance = (id: string) => Math.hypot(centres.get(id)?.x ?? 0, centres.get(id)?.y ?? 0);
    expect(distance('linked')).toBeLessThanOrEqual(distance('other'));
  });
});

describe('evening out a group', () => {
  it('pulls apart young people on the same spot', () => {
    const points = evenOut([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ]);
    for (const [i, a] of points.entries()) {
      for (const b of points.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(0.95 * SPACING);
    }
  });
});

describe('places', () => {
  it('sit near the young people seen there, on a spot of their own', () => {
    const people = new Map([
      ['A', { x: 0, y: 0 }],
      ['B', { x: 2, y: 0 }],
    ]);
    const spots = placePlaces(people, [
      { ref: 'L1', seen: ['A', 'B'] },
      { ref: 'L2', seen: ['A', 'B'] },
      { ref: 'L3', seen: ['NOT-ON-MAP'] },
    ]);
    expect(spots.get('L1')).toEqual({ x: 1, y: 0 });
    const l2 = spots.get('L2');
    expect(l2 && Math.hypot(l2.x - 1, l2.y)).toBeGreaterThanOrEqual(SPACING);
    expect(l2 && Math.hypot(l2.x - 1, l2.y)).toBeLessThan(3);
    expect(spots.has('L3')).toBe(false);
  });
});
