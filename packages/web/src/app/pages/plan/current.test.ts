import { describe, expect, it } from 'vitest';
import { currentPlan, plansNewestFirst } from './current';

const plan = (id: string, status: 'draft' | 'agreed' | 'reviewed', version: number, updatedAt: string) => ({
  id,
  status,
  version,
  updatedAt: `2026-12-0${updatedAt}T10:00:00.000Z`,
});

describe("the group's current plan", () => {
  it('is the agreed plan, even when the API lists an older draft first and a newer draft after it', () => {
    const plans = [plan('first', 'draft', 1, '1'), plan('agreed', 'agreed', 3, '2'), plan('later', 'draft', 2, '3')];
    expect(currentPlan(plans)?.id).toBe('agreed');
  });

  it('is the newest agreed plan when there are several', () => {
    expect(currentPlan([plan('old', 'agreed', 2, '1'), plan('new', 'agreed', 2, '4')])?.id).toBe('new');
  });

  it('is the latest draft when nothing is agreed', () => {
    expect(currentPlan([plan('a', 'draft', 1, '1'), plan('b', 'draft', 4, '5'), plan('c', 'draft', 1, '2')])?.id).toBe(
      'b',
    );
  });

  it('is a draft before a reviewed plan, and the latest reviewed plan when that is all there is', () => {
    expect(currentPlan([plan('done', 'reviewed', 3, '6'), plan('next', 'draft', 1, '2')])?.id).toBe('next');
    expect(currentPlan([plan('r1', 'reviewed', 3, '1'), plan('r2', 'reviewed', 3, '3')])?.id).toBe('r2');
  });

  it('is none when the group has no plan', () => {
    expect(currentPlan([])).toBeUndefined();
  });

  it('lists every plan newest first, the higher version first on the same moment', () => {
    const same = [plan('v1', 'draft', 1, '2'), plan('v2', 'draft', 2, '2'), plan('old', 'agreed', 3, '1')];
    expect(plansNewestFirst(same).map((p) => p.id)).toEqual(['v2', 'v1', 'old']);
  });
});
