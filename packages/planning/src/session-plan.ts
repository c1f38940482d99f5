import {
  type BudgetLine,
  type ChosenTopic,
  type SessionDetails,
  type SessionTopic,
  ValidationError,
} from '@peermap/domain';

/** What a session's budget adds up to, in whole pence: planned, and spent so far. */
export interface BudgetTotals {
  plannedPence: number;
  /** The sum of the lines whose cost is recorded. */
  actualPence: number;
  /** How many lines have their cost recorded: a total of 0 of 0 lines is "nothing recorded yet", not "free". */
  linesWithActual: number;
}

export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const recorded = lines.filter((line) => line.actualPence !== undefined);
  return {
    plannedPence: lines.reduce((sum, line) => sum + line.plannedPence, 0),
    actualPence: recorded.reduce((sum, line) => sum + (line.actualPence ?? 0), 0),
    linesWithActual: recorded.length,
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** A session ends after it starts, on the same evening: an end before the start is a slip, said at once. */
export function refuseEndBeforeStart(session: Pick<SessionDetails, 'time' | 'endTime'>): void {
  if (session.endTime === undefined || minutesOf(session.endTime) > minutesOf(session.time)) return;
  throw new ValidationError('A session ends after it starts.', [
    { path: 'session.endTime', message: `${session.endTime} is not after the start, ${session.time}` },
  ]);
}

const sameName = (name: string) => name.trim().toLocaleLowerCase('en-GB');

/**
 * A session's topics come from the partnership's list, or are ones the parents asked for (said
 * so, so the papers and the outcome report can show what parents wanted); each is named once.
 * Refused naming each topic that is neither, and each repeated.
 */
export function refuseUnofferedTopics(topics: readonly ChosenTopic[], offered: readonly SessionTopic[]): void {
  const listed = new Set(offered.map((topic) => sameName(topic.name)));
  const problems = topics.flatMap((topic, index) => {
    const repeated = topics.findIndex((other) => sameName(other.name) === sameName(topic.name)) < index;
    if (repeated) return [{ path: `topics.${index}.name`, message: `“${topic.name}” is chosen twice: once is enough` }];
    if (topic.askedByParents || listed.has(sameName(topic.name))) return [];
    return [
      {
        path: `topics.${index}.askedByParents`,
        message: `“${topic.name}” is not on the partnership’s list of topics: choose one from the list, or mark it as asked for by parents`,
      },
    ];
  });
  if (problems.length === 0) return;
  throw new ValidationError(
    'Choose topics from the partnership’s list, or mark those the parents asked for.',
    problems,
  );
}

/**
 * A topic on the partnership's list is written as the list words it (its case and spelling), so
 * the papers and the counts by topic agree; one the parents asked for is kept in their words.
 */
export function topicsAsListed(topics: readonly ChosenTopic[], offered: readonly SessionTopic[]): ChosenTopic[] {
  return topics.map((topic) => {
    const listed = offered.find((candidate) => sameName(candidate.name) === sameName(topic.name));
    return listed ? { ...topic, name: listed.name } : topic;
  });
}
