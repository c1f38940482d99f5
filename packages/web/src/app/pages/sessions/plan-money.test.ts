import { describe, expect, it } from 'vitest';
import { penceOf, poundsOf, typedPoundsOf } from './plan-money';

describe('money on the session page', () => {
  it('shows whole pence as pounds with two decimals, en-GB', () => {
    expect(poundsOf(0)).toBe('£0.00');
    expect(poundsOf(4550)).toBe('£45.50');
    expect(poundsOf(123_456)).toBe('£1,234.56');
  });

  it('reads pounds as typed into whole pence, and nothing that is not an amount', () => {
    expect(penceOf('45')).toBe(4500);
    expect(penceOf('45.5')).toBe(4550);
    expect(penceOf(' £1,200.05 ')).toBe(120_005);
    expect(penceOf('0.07')).toBe(7);
    for (const typed of ['', '12.345', '-3', 'ten', '1e3', '.5']) expect(penceOf(typed)).toBeUndefined();
  });

  it('gives a cost back as it is typed, so a saved line reads the same when changed', () => {
    expect(typedPoundsOf(4550)).toBe('45.50');
    expect(typedPoundsOf(7)).toBe('0.07');
    expect(typedPoundsOf(undefined)).toBe('');
    expect(penceOf(typedPoundsOf(123_456))).toBe(123_456);
  });
});
