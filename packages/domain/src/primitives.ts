import * as z from 'zod';

/**
 * A partnership (tenant) id. Lower-case letters, digits and dashes only, so it can never
 * carry the key delimiter `#` and `P#1#…` can never be read as `P#12#…`.
 */
export const PartnershipId = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'use 1-40 lower-case letters, digits or dashes');
export type PartnershipId = z.infer<typeof PartnershipId>;

/**
 * A reference from the source system (`YP00001`, `LOC0003`, `CR00012`). Letters, digits,
 * dot, dash and underscore: no `#`, which the store uses as its key delimiter.
 */
export const Ref = z
  .string()
  .trim()
  // First, and stopping there: "use letters and digits" would puzzle someone whose ref looks right.
  .check(plainText('one line', { stop: true }))
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'use 1-64 letters, digits, dots, dashes or underscores');
export type Ref = z.infer<typeof Ref>;

/** A service-made id (upload, analysis, plan, list, audit event). */
export const RecordId = z.uuid();
export type RecordId = z.infer<typeof RecordId>;

/** A peer group's id, stable across weeks: a continuing group keeps it. */
export const ClusterId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);

/** A calendar date, `YYYY-MM-DD`, checked to exist (no 31 February). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant in UTC, `2026-11-28T09:30:00.000Z`. */
export const Timestamp = z.iso.datetime();
export type Timestamp = z.infer<typeof Timestamp>;

/** An ISO 8601 week, `2026-W45`: the week a MADP's mapping belongs to. */
export const IsoWeek = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'use an ISO week such as 2026-W45')
  .refine(isRealIsoWeek, 'that year has no week 53');
export type IsoWeek = z.infer<typeof IsoWeek>;

/**
 * Short text a practitioner types on one line (a name, a phrase, a list item): trimmed, with
 * no line break, control character or invisible formatting character (Unicode Cf).
 */
export const ShortText = (max: number) => z.string().trim().min(1).max(max).check(plainText('one line'));

/**
 * Longer free text (notes): may hold line breaks and tabs, but no other control character and
 * no invisible formatting character, direction overrides included. A zero-width joiner is kept
 * only inside an emoji sequence (a family of three is three emoji joined), where it is part of
 * what the writer sees.
 */
export const LongText = (max: number) => z.string().trim().max(max).check(plainText('free text'));

/** A record's version for optimistic locking: 1 when created, +1 on each change. */
export const Version = z.number().int().positive();

function isRealIsoWeek(week: string): boolean {
  const [year, number] = week.split('-W').map(Number);
  if (year === undefined || number === undefined) return false;
  return number <= isoWeeksInYear(year);
}

/** An ISO year has 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): 52 | 53 {
  const firstDay = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return firstDay === 4 || (leap && firstDay === 3) ? 53 : 52;
}

/** The Monday and the Sunday of an ISO week (`YYYY-Www`), as `YYYY-MM-DD`. */
export function isoWeekDays(week: string): { firstDay: string; lastDay: string } {
  const [year = 0, number = 0] = week.split('-W').map(Number);
  const fourthOfJanuary = Date.UTC(year, 0, 4);
  const weekdayOfFourth = (new Date(fourthOfJanuary).getUTCDay() + 6) % 7;
  const monday = fourthOfJanuary + ((number - 1) * 7 - weekdayOfFourth) * DAY_MS;
  return { firstDay: isoDay(monday), lastDay: isoDay(monday + 6 * DAY_MS) };
}

/** The ISO week (`YYYY-Www`) a moment falls in. */
export function isoWeekOf(moment: Date): string {
  const day = Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const number = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(number).padStart(2, '0')}`;
}

/** Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** A `YYYY-MM-DD` day plus a number of days. */
export function addDays(day: string, days: number): string {
  return isoDay(Date.parse(day) + days * DAY_MS);
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A check that text holds only what its reader sees: no control character (C0, DEL, C1), half
 * of a surrogate pair or noncharacter (U+FFFE, U+FFFF), which would break the XML inside a Word
 * export; and no invisible formatting character (Unicode Cf: direction overrides and isolates,
 * zero-width characters, soft hyphens, tags), which can reorder what a chair reads or hide a
 * name from a search and from erasure. One-line text has no line break either. The issue
 * carries `params.plainText`, so a reader of uploads can say "This cell …" instead.
 */
function plainText(kind: 'one line' | 'free text', { stop = false } = {}): z.core.CheckFn<string> {
  return (context) => {
    const message = textProblem(context.value, kind);
    if (message === undefined) return;
    context.issues.push({
      code: 'custom',
      input: context.value,
      message,
      params: { plainText: true },
      continue: !stop,
    });
  };
}

/** What is wrong with a text, in words for the person who typed it; `undefined` when nothing is. */
function textProblem(value: string, kind: 'one line' | 'free text'): string | undefined {
  const chars = Array.from(value);
  for (const [index, char] of chars.entries()) {
    const problem = charProblem(char, kind);
    if (problem && !(problem.format && kind === 'free text' && joinsEmoji(chars, index))) return problem.message;
  }
  return undefined;
}

function charProblem(char: string, kind: 'one line' | 'free text'): { message: string; format?: true } | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (LINE_BREAK.test(char)) {
    return kind === 'one line' ? { message: 'holds a line break: write it on one line' } : undefined;
  }
  if (char === '\t' && kind === 'free text') return undefined;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    return { message: `holds a control character (${codePoint(code)}) that no document can show: type the text again` };
  }
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
    return { message: `holds a character (${codePoint(code)}) that no document can show: type the text again` };
  }
  if (!FORMAT.test(char)) return undefined;
  const name = FORMAT_NAMES[code];
  return {
    message: `holds an invisible formatting character (${codePoint(code)}${name ? ` ${name}` : ''}), which can hide or reorder what others read: type the text again without it`,
    format: true,
  };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const FORMAT = /\p{Cf}/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_END = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;

/** A zero-width joiner between two emoji (a family, a rainbow flag): the joiner makes one picture of them. */
function joinsEmoji(chars: readonly string[], index: number): boolean {
  return chars[index] === '\u200D' && EMOJI_END.test(chars[index - 1] ?? '') && EMOJI.test(chars[index + 1] ?? '');
}

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The names of the formatting characters met in pasted text, as Unicode names them. */
const FORMAT_NAMES: Readonly<Record<number, string>> = {
  173: 'SOFT HYPHEN',
  1564: 'ARABIC LETTER MARK',
  6158: 'MONGOLIAN VOWEL SEPARATOR',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8288: 'WORD JOINER',
  8289: 'FUNCTION APPLICATION',
  8290: 'INVISIBLE TIMES',
  8291: 'INVISIBLE SEPARATOR',
  8292: 'INVISIBLE PLUS',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
};

// In a module of its own (no zod), so the web app can use the same rule.
export { ageOn } from './age';

/** The ages a peer map holds: 10-17 mostly, with room for younger siblings and care leavers. */
export const MAP_AGE_RANGE = { youngest: 8, oldest: 25 } as const;

// In a module of its own (no zod), so the web app can use the same day.
export { todayOf } from './uk-day';
