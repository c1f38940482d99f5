import { describe, expect, it } from 'vitest';
import { createPublicThrottle } from './public-throttle';

describe('the local throttle of the public routes', () => {
  it('lets an address make so many requests a minute, then refuses it until the minute is over', () => {
    const throttle = createPublicThrottle(3);
    const at = 1_000_000;
    expect([1, 2, 3, 4].map((i) => throttle.allows('10.0.0.1', at + i))).toEqual([true, true, true, false]);
    expect(throttle.allows('10.0.0.2', at + 5)).toBe(true);
    expect(throttle.allows('10.0.0.1', at + 60_001)).toBe(true);
  });
});
