import { ACTION_OWNER_LABELS, type ActionOwner, isoWeekDays } from '@peermap/domain';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A day as a person writes it on a paper: `2026-12-03` (or a timestamp on that day) is "3 December 2026". */
export function dateInWords(day: string): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  const monthName = MONTHS[(month ?? 0) - 1];
  if (!year || !monthName || !date) return day;
  return `${date} ${monthName} ${year}`;
}

/** An ISO week as the days it runs: `2026-W48` is "23 to 29 November 2026". */
export function weekInWords(week: string): string {
  const { firstDay, lastDay } = isoWeekDays(week);
  const [first, last] = [dateInWords(firstDay).split(' '), dateInWords(lastDay).split(' ')];
  if (first[2] !== last[2]) return `${dateInWords(firstDay)} to ${dateInWords(lastDay)}`;
  if (first[1] !== last[1]) return `${first[0]} ${first[1]} to ${dateInWords(lastDay)}`;
  return `${first[0]} to ${dateInWords(lastDay)}`;
}

/** Who owns an action in words: "Youth justice service", never the code `yjs`. */
export const ownerInWords = (owner: ActionOwner): string => ACTION_OWNER_LABELS[owner];

/** A list read aloud: "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A count with its noun: "1 young person", "16 young people". */
export const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
