import { blamingPhrasesIn, DEFAULT_ACTION_RULES, examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { draftClusterPlan, draftPlacePlan, uncovered } from './plans';

const cluster = {
  ...examples.cluster,
  label: 'Group 4',
  memberRefs: ['YP1', 'YP2', 'YP3'],
  places: [
    {
      locationRef: 'LOC1',
      name: 'Old Mill Yard',
      kind: 'abandoned_building' as const,
      recentSightings: 3,
      youngPeopleSeen: 2,
      lastSeen: '2026-11-20',
    },
    {
      locationRef: 'LOC2',
      name: 'Rec Ground',
      kind: 'park' as const,
      recentSightings: 1,
      youngPeopleSeen: 1,
      lastSeen: '2026-11-19',
    },
  ],
};

const draft = () =>
  draftClusterPlan({
    cluster,
    concernsOf: new Map([
      ['YP1', [{ category: 'missing_episode' as const, status: 'open' as const }]],
      [
        'YP2',
        [
          { category: 'missing_episode' as const, status: 'closed' as const },
          { category: 'weapon' as const, status: 'open' as const },
        ],
      ],
    ]),
    seenAt: new Map([
      ['LOC1', ['YP1', 'YP3']],
      ['LOC2', ['YP2']],
    ]),
    rules: DEFAULT_ACTION_RULES,
    today: '2026-11-28',
  });

describe('a draft plan for a peer group', () => {
  it('suggests the actions of each rule that applies, covering the young people it is for', () => {
    const plan = draft();
    const covers = (start: string) => plan.actions.find((a) => a.description.startsWith(start))?.coversRefs;
    expect(covers('Return-home interview')).toEqual(['YP1']);
    expect(covers('Police disruption')).toEqual(['YP2']);
    expect(covers('Secure the place with its owner: Old Mill Yard')).toEqual(['YP1', 'YP3']);
    expect(covers('Parent Empowerment Session')).toEqual(['YP1', 'YP2', 'YP3']);
    expect(plan.actions.some((a) => a.description.includes('Rec Ground'))).toBe(false);
    expect(plan.actions.some((a) => a.description.startsWith('Education inclusion'))).toBe(false);
    expect(plan.actions.find((a) => a.description.startsWith('Return-home'))?.dueOn).toBe('2026-12-01');
    expect(new Set(plan.actions.map((a) => a.id)).size).toBe(plan.actions.length);
  });

  it('says why each action covers whom: the open concern, the place they were seen at, or the whole group', () => {
    const plan = draft();
    const basis = (start: string) => plan.actions.find((a) => a.description.startsWith(start))?.basis;
    expect(basis('Return-home interview')).toEqual({ kind: 'concern', categories: ['missing_episode'] });
    expect(basis('Police disruption')).toEqual({ kind: 'concern', categories: ['weapon'] });
    expect(basis('Secure the place')).toEqual({ kind: 'place', locationRef: 'LOC1', name: 'Old Mill Yard' });
    // Sessions for the parents, activities and the review are for the group as a whole.
    expect(basis('Parent Empowerment Session')).toEqual({ kind: 'whole_group' });
    expect(basis('Review at the next MADP')).toEqual({ kind: 'whole_group' });
  });

  it('writes its summary strengths first, in words that pass the language check', () => {
    const plan = draft();
    expect(plan.summary.indexOf('What is going well')).toBeLessThan(plan.summary.indexOf('Concerns'));
    expect(plan.summary).toMatch(/plays football/);
    expect(blamingPhrasesIn(plan.summary)).toEqual([]);
    for (const action of plan.actions) expect(blamingPhrasesIn(action.description)).toEqual([]);
  });

  it('follows the rules table it is given: a partnership changes data, not code', () => {
    const plan = draftClusterPlan({
      cluster,
      concernsOf: new Map(),
      seenAt: new Map(),
      rules: [
        {
          id: 'ours',
          trigger: { when: 'always' },
          actions: [{ description: 'Detached youth work', ownerAgency: 'voluntary_sector', dueInDays: 10 }],
        },
      ],
      today: '2026-11-28',
    });
    expect(plan.actions).toEqual([
      {
        id: 'A1',
        description: 'Detached youth work',
        ownerAgency: 'voluntary_sector',
        dueOn: '2026-12-08',
        status: 'not_started',
        coversRefs: ['YP1', 'YP2', 'YP3'],
        basis: { kind: 'whole_group' },
      },
    ]);
  });
});

describe('a place plan', () => {
  it('starts with the safety assessment and the actions for police and council', () => {
    const plan = draftPlacePlan({
      location: { ref: 'LOC1', name: 'Old Mill Yard', kind: 'abandoned_building' },
      seenRefs: ['YP1'],
      rules: DEFAULT_ACTION_RULES,
      today: '2026-11-28',
    });
    expect(plan.actions.map((a) => a.ownerAgency)).toEqual(['council', 'police', 'council']);
    expect(plan.actions.some((a) => a.description.startsWith('Safety assessment of the place'))).toBe(true);
  });
});

describe('agreeing a plan', () => {
  it('finds the young people no action covers; a cancelled action covers nobody', () => {
    const actions = draft().actions.map((a) => ({ ...a, status: 'cancelled' as const }));
    expect(uncovered(['YP1', 'YP2'], actions)).toEqual(['YP1', 'YP2']);
    expect(uncovered(['YP1', 'YP2'], draft().actions)).toEqual([]);
  });
});
