import * as z from 'zod';
import { type LanguageNote, languageNotes } from './language';
import { ShortText } from './primitives';

/** A topic a Parent Empowerment Session may cover, as the partnership words it for parents. */
export const SessionTopic = z.strictObject({
  name: ShortText(80),
  /** One line saying what the topic holds, for whoever plans the session. */
  description: ShortText(200).optional(),
});
export type SessionTopic = z.infer<typeof SessionTopic>;

/** At most this many: a list to choose from, not a curriculum. */
export const MAX_SESSION_TOPICS = 40;

const sameName = (name: string) => name.trim().toLocaleLowerCase('en-GB');

/** The partnership's list of topics: two that differ only in case would be offered twice. */
export const SessionTopics = z
  .array(SessionTopic)
  .max(MAX_SESSION_TOPICS)
  .superRefine((topics, context) => {
    // Said by position as the settings page numbers them ("topic 9 repeats topic 1"), counted from one.
    const firstAt = new Map<string, number>();
    for (const [index, topic] of topics.entries()) {
      const key = sameName(topic.name);
      const first = firstAt.get(key);
      if (first === undefined) {
        firstAt.set(key, index);
        continue;
      }
      context.addIssue({
        code: 'custom',
        path: [index, 'name'],
        message: `topic ${index + 1}, "${topic.name}", repeats topic ${first + 1}: each name once`,
      });
    }
  });
export type SessionTopics = z.infer<typeof SessionTopics>;

/**
 * What a partnership offers until it writes its own list: the topics South Kent's Parent
 * Empowerment Session covered (substance misuse, grooming online and offline, forms of
 * exploitation, recognising risk, positive factors), and what Sandwell's kitchen table talks and
 * South Kent's parent group show parents go on to need: who to turn to, and each other.
 */
export const DEFAULT_SESSION_TOPICS: readonly SessionTopic[] = [
  {
    name: 'Recognising risk',
    description: 'The signs that a child may be at risk of exploitation, and what parents can do when they see them',
  },
  {
    name: 'Substance misuse',
    description: 'How drugs and alcohol are used to draw children in, and where families can get help',
  },
  {
    name: 'Grooming, online and offline',
    description: 'How people who exploit children win their trust, in person and through phones and games',
  },
  {
    name: 'Forms of exploitation',
    description: 'Criminal and sexual exploitation, county lines, and how children are drawn into them',
  },
  {
    name: 'Positive factors and what helps',
    description: 'What keeps children safe: trusted adults, school, activities they enjoy, and parents together',
  },
  {
    name: 'Who to contact and how',
    description: 'Early help, the police, the school and the parent group: who does what, and how to reach them',
  },
  {
    name: 'Keeping in touch with each other as parents',
    description: 'A parent group or a group chat to share worries and know where the children are',
  },
];

/** The topics as they apply to a partnership: its own list, or the starting one. */
export const sessionTopicsOf = (own: readonly SessionTopic[] | undefined): readonly SessionTopic[] =>
  own ?? DEFAULT_SESSION_TOPICS;

/**
 * Topics are read out to parents and printed on session packs as the partnership's own words, so
 * each is held to the words guide (and the partnership's added phrases) like the rules are.
 */
export function sessionTopicLanguageNotes(
  topics: readonly SessionTopic[],
  additions: readonly { phrase: string; suggestion: string }[] = [],
): LanguageNote[] {
  const fields = Object.fromEntries(
    topics.flatMap((topic, index) => [
      [`sessionTopics.${index}.name`, topic.name],
      ...(topic.description ? [[`sessionTopics.${index}.description`, topic.description]] : []),
    ]),
  );
  return languageNotes(fields, additions);
}
