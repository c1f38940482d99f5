import { describe, expect, it } from 'vitest';
import { boxAround } from './camera';

describe('the box the camera fits', () => {
  it('holds every point and whole patches, with room round the edge for names', () => {
    const box = boxAround(
      [
        { x: 0, y: 0 },
        { x: 10, y: 4 },
      ],
      [{ x: 20, y: 0, radius: 3 }],
    );
    expect(box?.x[0]).toBeLessThan(0);
    expect(box?.x[1]).toBeGreaterThan(23);
    expect(box?.y[0]).toBeLessThan(-3);
    expect(box?.y[1]).toBeGreaterThan(4);
  });

  it('frames a single young person with room round them, and nothing when nothing is shown', () => {
    const box = boxAround([{ x: 5, y: 5 }]);
    expect(box && box.x[1] - box.x[0]).toBeGreaterThan(2);
    expect(boxAround([])).toBeUndefined();
  });
});
