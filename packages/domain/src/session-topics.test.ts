import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_TOPICS,
  MAX_SESSION_TOPICS,
  SessionTopics,
  sessionTopicLanguageNotes,
  sessionTopicsOf,
} from './session-topics';

describe("a partnership's session topics", () => {
  it('start from the seeds, in words that blame no one, each name once', () => {
    const names = DEFAULT_SESSION_TOPICS.map((topic) => topic.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Substance misuse',
        'Grooming, online and offline',
        'Forms of exploitation',
        'Recognising risk',
        'Positive factors and what helps',
      ]),
    );
    expect(SessionTopics.safeParse(DEFAULT_SESSION_TOPICS).success).toBe(true);
    expect(sessionTopicLanguageNotes(DEFAULT_SESSION_TOPICS)).toEqual([]);
  });

  it("are the partnership's own once it sets them, even an empty list", () => {
    expect(sessionTopicsOf(undefined)).toBe(DEFAULT_SESSION_TOPICS);
    expect(sessionTopicsOf([])).toEqual([]);
    expect(sessionTopicsOf([{ name: 'Knife crime and staying safe' }])).toEqual([
      { name: 'Knife crime and staying safe' },
    ]);
  });

  it('refuse a name twice, whatever its case or spaces, and say which', () => {
    const parsed = SessionTopics.safeParse([
      { name: 'Recognising risk' },
      { name: 'Online safety' },
      { name: '  recognising RISK ' },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[2, 'name'], 'topic 3, "recognising RISK", repeats topic 1: each name once'],
    ]);
  });

  it('refuse more than the most, an empty name and a second line', () => {
    const many = Array.from({ length: MAX_SESSION_TOPICS + 1 }, (_, index) => ({ name: `Topic ${index}` }));
    expect(SessionTopics.safeParse(many).success).toBe(false);
    expect(SessionTopics.safeParse([{ name: '   ' }]).success).toBe(false);
    expect(SessionTopics.safeParse([{ name: 'Two\nlines' }]).success).toBe(false);
    expect(SessionTopics.safeParse([{ name: 'Ok', extra: 1 }]).success).toBe(false);
  });

  it("note a topic or its description that blames or labels, by the guide and the partnership's phrases", () => {
    const notes = sessionTopicLanguageNotes(
      [
        { name: 'Why children choose to join a gang' },
        { name: 'What helps', description: 'Keeping troublemakers busy' },
      ],
      [{ phrase: 'troublemaker', suggestion: 'young person who needs support' }],
    );
    expect(notes.map((note) => [note.field, note.phrase])).toEqual([
      ['sessionTopics.0.name', 'gang'],
      ['sessionTopics.1.description', 'troublemaker'],
    ]);
  });
});
