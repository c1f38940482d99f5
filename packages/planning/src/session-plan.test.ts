import { DEFAULT_SESSION_TOPICS, ValidationError } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { budgetTotals, refuseEndBeforeStart, refuseUnofferedTopics, topicsAsListed } from './session-plan';

const problemsOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  return [];
};

describe("a session's budget", () => {
  it('adds planned and recorded costs in whole pence, counting the lines recorded', () => {
    expect(
      budgetTotals([
        { kind: 'venue', plannedPence: 4500, actualPence: 4000 },
        { kind: 'refreshments', plannedPence: 1999 },
        { kind: 'interpreter', plannedPence: 6000, actualPence: 6250 },
      ]),
    ).toEqual({ plannedPence: 12_499, actualPence: 10_250, linesWithActual: 2 });
  });

  it('is nothing planned and nothing recorded when it has no lines', () => {
    expect(budgetTotals([])).toEqual({ plannedPence: 0, actualPence: 0, linesWithActual: 0 });
  });
});

describe("a session's times", () => {
  it('ends after it starts', () => {
    expect(problemsOf(() => refuseEndBeforeStart({ time: '18:30', endTime: '20:00' }))).toEqual([]);
    expect(problemsOf(() => refuseEndBeforeStart({ time: '18:30' }))).toEqual([]);
    expect(problemsOf(() => refuseEndBeforeStart({ time: '18:30', endTime: '18:30' }))).toEqual([
      { path: 'session.endTime', message: '18:30 is not after the start, 18:30' },
    ]);
    expect(problemsOf(() => refuseEndBeforeStart({ time: '18:30', endTime: '09:15' }))).toHaveLength(1);
  });
});

describe("a session's topics", () => {
  it("takes the partnership's topics in any case, and any topic the parents asked for", () => {
    const topics = [
      { name: 'recognising risk', askedByParents: false },
      { name: 'Sleepovers and knowing where they are', askedByParents: true },
    ];
    expect(problemsOf(() => refuseUnofferedTopics(topics, DEFAULT_SESSION_TOPICS))).toEqual([]);
    expect(topicsAsListed(topics, DEFAULT_SESSION_TOPICS)).toEqual([
      { name: 'Recognising risk', askedByParents: false },
      { name: 'Sleepovers and knowing where they are', askedByParents: true },
    ]);
  });

  it('refuses a topic off the list that the parents did not ask for, and a topic chosen twice, naming each', () => {
    const problems = problemsOf(() =>
      refuseUnofferedTopics(
        [
          { name: 'Recognising risk', askedByParents: false },
          { name: 'Knife crime', askedByParents: false },
          { name: 'RECOGNISING RISK', askedByParents: true },
        ],
        DEFAULT_SESSION_TOPICS,
      ),
    );
    expect(problems.map((problem) => problem.path)).toEqual(['topics.1.askedByParents', 'topics.2.name']);
    expect(problems[0]?.message).toMatch(/Knife crime.*not on the partnership’s list/);
  });
});
