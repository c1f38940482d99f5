import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { examples } from './examples';
import { actionsAfter, keptWordsAfter, type PlanAction, planWordNotes, refuseUnexplainedWords } from './planning';

const action = examples.actionPlan.actions[0];
if (!action) throw new Error('the example plan has an action');
const plan = {
  summary: 'A group some call a gang; they play football.',
  actions: [
    { ...action, id: 'A1', description: 'Parent Empowerment Session' },
    { ...action, id: 'A2', description: 'Running club: she calls herself "the runner" and is proud of it' },
  ],
};
const by = { by: 'chair-1', at: '2026-12-03T10:00:00.000Z' };

function refusal(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('blaming or labelling words in a plan', () => {
  it('are found where they are: the summary, or an action by its id', () => {
    expect(planWordNotes(plan).map((n) => [n.phrase, n.actionId ?? 'summary'])).toEqual([
      ['gang', 'summary'],
      ['runner', 'A2'],
    ]);
  });

  it('stop the plan being agreed, each named with where it is and better words', () => {
    const error = refusal(() => refuseUnexplainedWords(plan));
    expect(error.problems).toEqual([
      { path: 'summary', message: expect.stringContaining('“gang” in the summary: try “peer group') },
      { path: 'actions.A2.description', message: expect.stringContaining('“runner” in action A2') },
    ]);
  });

  it('also when the partnership added the phrase', () => {
    const error = refusal(() =>
      refuseUnexplainedWords({ ...plan, summary: 'They are olders.' }, [{ phrase: 'olders', suggestion: 'adults' }]),
    );
    expect(error.problems.map((p) => p.path)).toEqual(['summary', 'actions.A2.description']);
  });

  it('are allowed once kept with a reason, and the reason says who kept them and when', () => {
    const keptWords = keptWordsAfter(
      plan,
      [
        { phrase: 'runner', actionId: 'A2', reason: 'Her own words, quoted: she asked for them to be kept.' },
        { phrase: 'gang', reason: 'The words of the school’s referral, quoted.' },
      ],
      [],
      by,
    );
    expect(keptWords?.[0]).toEqual({
      phrase: 'runner',
      actionId: 'A2',
      reason: 'Her own words, quoted: she asked for them to be kept.',
      keptBy: 'chair-1',
      keptAt: '2026-12-03T10:00:00.000Z',
    });
    expect(() => refuseUnexplainedWords({ ...plan, keptWords })).not.toThrow();
    expect(planWordNotes({ ...plan, keptWords }).every((note) => note.kept)).toBe(true);
  });

  it('kept in one place are not kept in another: the same word in the summary still stops the plan', () => {
    const keptWords = keptWordsAfter(
      plan,
      [{ phrase: 'runner', actionId: 'A2', reason: 'Her own words, quoted.' }],
      [],
      by,
    );
    const error = refusal(() => refuseUnexplainedWords({ ...plan, keptWords }));
    expect(error.problems.map((p) => p.path)).toEqual(['summary']);
  });

  it('keep who kept them and when through later changes, and go once the words are changed', () => {
    const first = keptWordsAfter(plan, [{ phrase: 'gang', reason: 'The referral’s words, quoted.' }], [], by);
    const later = { by: 'lead-2', at: '2026-12-04T09:00:00.000Z' };
    expect(keptWordsAfter({ ...plan, keptWords: first }, undefined, [], later)).toEqual(first);
    const changed = { ...plan, summary: 'A peer group; they play football.', keptWords: first };
    expect(keptWordsAfter(changed, undefined, [], later)).toEqual([]);
  });

  it('cannot be kept where they are not written', () => {
    const error = refusal(() =>
      keptWordsAfter(plan, [{ phrase: 'gang', actionId: 'A1', reason: 'Quoted from the referral.' }], [], by),
    );
    expect(error.problems).toEqual([{ path: 'keptWords', message: '“gang” is not flagged in action A1' }]);
  });
});

describe('kept words that would say a thing twice, or blame in their reason', () => {
  it('refuse the same phrase kept twice in the same place', () => {
    const twice = [
      { phrase: 'gang', reason: 'The words of the school’s referral, quoted.' },
      { phrase: 'Gang', reason: 'Quoted from the referral, as written.' },
    ];
    const error = refusal(() => keptWordsAfter(plan, twice, [], by));
    expect(error.problems).toEqual([{ path: 'keptWords.1', message: '“Gang” in the summary is kept twice' }]);
  });

  it('refuse a reason that itself blames or labels a child, but not words it quotes', () => {
    const blaming = [{ phrase: 'gang', reason: 'He chose to join them; he is a gang member.' }];
    const error = refusal(() => keptWordsAfter(plan, blaming, [], by));
    expect(error.problems).toEqual([
      { path: 'keptWords.0.reason', message: expect.stringContaining('keeping “gang” says “chose to”: try') },
      { path: 'keptWords.0.reason', message: expect.stringContaining('keeping “gang” says “gang member”: try') },
    ]);
    const added = [{ phrase: 'gang', reason: 'They are olders, the referral says.' }];
    const ownWords = refusal(() => keptWordsAfter(plan, added, [{ phrase: 'olders', suggestion: 'adults' }], by));
    expect(ownWords.problems.map((p) => p.path)).toEqual(['keptWords.0.reason']);
    const quoted = [
      { phrase: 'runner', actionId: 'A2', reason: 'She said “I am the runner”, and asked for it to stay.' },
    ];
    expect(keptWordsAfter(plan, quoted, [], by)).toHaveLength(1);
  });
});

describe('why an action covers whom it does', () => {
  const drafted: PlanAction = {
    id: 'A1',
    description: 'Return-home interview',
    ownerAgency: 'social_care',
    dueOn: '2026-12-10',
    status: 'not_started',
    coversRefs: ['YP1', 'YP2'],
    basis: { kind: 'concern', categories: ['missing_episode'] },
  };

  it('is the plan’s own: a basis sent with a change is not taken', () => {
    const claimed: PlanAction = { ...drafted, basis: { kind: 'concern', categories: ['sexual_exploitation'] } };
    expect(actionsAfter([drafted], [claimed])).toEqual([drafted]);
    const added: PlanAction = { ...drafted, id: 'A9', basis: { kind: 'place', locationRef: 'L1', name: 'typed in' } };
    expect(actionsAfter([drafted], [added])[0]).not.toHaveProperty('basis');
  });

  it('stays while the action covers the same young people, in any order, and goes when they change', () => {
    const { basis: _, ...sentWithout } = drafted;
    expect(actionsAfter([drafted], [{ ...sentWithout, coversRefs: ['YP2', 'YP1'] }])[0]?.basis).toEqual(drafted.basis);
    expect(actionsAfter([drafted], [{ ...drafted, coversRefs: ['YP1', 'YP2', 'YP3'] }])[0]).not.toHaveProperty('basis');
    expect(actionsAfter([drafted], [{ ...drafted, coversRefs: ['YP1'] }])[0]).not.toHaveProperty('basis');
  });

  it('needs each action to have its own id, as words are kept by action id', () => {
    const error = refusal(() => actionsAfter([drafted], [drafted, { ...drafted, description: 'Another' }]));
    expect(error.problems).toEqual([{ path: 'actions', message: 'two actions share the id A1' }]);
  });
});
