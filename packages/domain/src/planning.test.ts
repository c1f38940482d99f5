import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { examples } from './examples';
import { keptWordsAfter, planWordNotes, refuseUnexplainedWords } from './planning';

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
