import { describe, expect, it } from 'vitest';
import { type LabelCandidate, liftApart, MOST_NAMES_TRIED, overlaps, pickLabels } from './labels';

const candidate = (id: string, x: number, y: number, priority = 0): LabelCandidate => ({
  id,
  x,
  y,
  r: 5,
  width: 60,
  height: 16,
  priority,
});

describe('the names written on the map', () => {
  it('never overlap one another, a dot, or a group’s name', () => {
    const crowd = Array.from({ length: 200 }, (_, i) =>
      candidate(`p${i}`, 20 + ((i * 37) % 560), 20 + ((i * 53) % 360)),
    );
    const reserved = [{ left: 100, top: 100, width: 120, height: 20 }];
    const placed = pickLabels(crowd, { width: 600, height: 400, reserved });
    expect(placed.length).toBeGreaterThan(10);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      for (const r of reserved) expect(overlaps(a, r)).toBe(false);
      for (const dot of crowd) {
        if (dot.id === a.id) continue;
        expect(overlaps(a, { left: dot.x - dot.r, top: dot.y - dot.r, width: 2 * dot.r, height: 2 * dot.r })).toBe(
          false,
        );
      }
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.left + a.width).toBeLessThanOrEqual(600);
    }
  });

  it('in a crowd of 10,000 still writes only names that fit, the chosen one first', () => {
    const crowd = Array.from({ length: 10_000 }, (_, i) =>
      candidate(`p${i}`, 10 + ((i * 37.3) % 2980), 10 + ((i * 53.7) % 1980), i % 7),
    );
    crowd.push(candidate('chosen', 1500, 1000, 10_000));
    const placed = pickLabels(crowd, { width: 3000, height: 2000 });
    expect(placed[0]?.id).toBe('chosen');
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThanOrEqual(MOST_NAMES_TRIED);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      const covered = crowd.filter(
        (dot) =>
          dot.id !== a.id &&
          overlaps(a, { left: dot.x - dot.r, top: dot.y - dot.r, width: 2 * dot.r, height: 2 * dot.r }),
      );
      expect(covered).toEqual([]);
    }
  });

  it('writes the most important first: the chosen young person wins a crowded spot', () => {
    const placed = pickLabels([candidate('a', 100, 100, 1), candidate('chosen', 104, 100, 10_000)], {
      width: 400,
      height: 400,
    });
    expect(placed[0]?.id).toBe('chosen');
  });

  it('tries the left when the right is taken, and leaves a name out when nowhere is free', () => {
    const [right] = pickLabels([candidate('edge', 380, 200)], { width: 400, height: 400 });
    expect(right && right.left + right.width).toBeLessThanOrEqual(375);
    expect(pickLabels([candidate('x', 50, 8)], { width: 60, height: 16 })).toEqual([]);
  });

  it('writes nothing for a dot off the screen', () => {
    expect(pickLabels([candidate('far', -50, 100)], { width: 400, height: 400 })).toEqual([]);
  });
});

describe('group names', () => {
  it('are lifted apart when two would overlap, and left where they are otherwise', () => {
    const boxes = [
      { left: 0, top: 100, width: 100, height: 18 },
      { left: 60, top: 105, width: 100, height: 18 },
      { left: 400, top: 100, width: 100, height: 18 },
    ];
    const lifted = liftApart(boxes);
    expect(lifted[0]).toEqual(boxes[0]);
    expect(lifted[2]).toEqual(boxes[2]);
    expect(lifted[1] && lifted[0] && overlaps(lifted[0], lifted[1])).toBe(false);
    expect(lifted[1]?.top).toBe(82);
  });
});
