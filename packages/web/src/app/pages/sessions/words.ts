/** A calendar day (`2026-12-03`) as people say it: "3 December 2026", the same words as the papers. */
export { dateInWords as dayInWords } from '@peermap/domain/paper-words';
