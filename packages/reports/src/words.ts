import { ACTION_OWNER_LABELS, type ActionOwner, isoWeekDays } from '@peermap/domain';
import { dateInWords } from '@peermap/domain/paper-words';

// The day in words and a list read aloud are shared with the web pages (zod-free, in the domain).
export { dateInWords, listInWords } from '@peermap/domain/paper-words';

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

/** A count with its noun: "1 young person", "16 young people". */
export const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
