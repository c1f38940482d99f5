import type { Action, Plan, PlanView } from '../../api-types';

/** A flagged phrase kept with a reason, as the editor holds it; who and when come from the API once saved. */
export type KeptPhrase = NonNullable<Plan['keptWords']>[number] | { phrase: string; actionId?: string; reason: string };

/** A words-check note placed where it is: the summary (no action id) or an action by id. */
export interface PlacedNote {
  phrase: string;
  suggestion: string;
  actionId?: string | undefined;
}

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrase as whole words, a plural too, in any case: as the API's words check finds it. */
const phrasePattern = (phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeForPattern(phrase)}(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');

/** The words a suggestion offers to write in the phrase's place, without its advice in brackets. */
export const wordsOf = (suggestion: string) => suggestion.replace(/\s*\([^)]*\)\s*$/, '').trim();

/** The text with each use of the phrase changed to the suggestion's words. */
export const changePhrase = (text: string, phrase: string, suggestion: string) =>
  text.replace(phrasePattern(phrase), wordsOf(suggestion));

/** Whether the text still holds the phrase. */
export const holdsPhrase = (text: string, phrase: string) => phrasePattern(phrase).test(text);

/** The words check names an action's field by its place in the list; the plan keeps words by action id. */
export function placeNotes(notes: PlanView['languageNotes'], actions: readonly Pick<Action, 'id'>[]): PlacedNote[] {
  return notes.map(({ field, phrase, suggestion }) => {
    const index = /^actions\.(\d+)\./.exec(field)?.[1];
    const actionId = index === undefined ? undefined : actions[Number(index)]?.id;
    return actionId === undefined ? { phrase, suggestion } : { phrase, suggestion, actionId };
  });
}

const samePlace = (a: { phrase: string; actionId?: string | undefined }, b: PlacedNote) =>
  a.phrase.toLowerCase() === b.phrase.toLowerCase() && a.actionId === b.actionId;

/** The kept entry for a note, if the phrase there is kept. */
export const keptFor = (kept: readonly KeptPhrase[], note: PlacedNote) => kept.find((k) => samePlace(k, note));

/** The notes whose phrase is neither changed nor kept: each stops the plan being agreed. */
export const unexplained = (notes: readonly PlacedNote[], kept: readonly KeptPhrase[]) =>
  notes.filter((note) => !keptFor(kept, note));

/** The kept phrases still written where they were kept, as the API takes them (who and when are its own). */
export function keptToSend(kept: readonly KeptPhrase[], summary: string, actions: readonly Action[]) {
  return kept
    .filter((k) => {
      const text = k.actionId === undefined ? summary : actions.find((a) => a.id === k.actionId)?.description;
      return text !== undefined && holdsPhrase(text, k.phrase);
    })
    .map(({ phrase, actionId, reason }) =>
      actionId === undefined ? { phrase, reason } : { phrase, actionId, reason },
    );
}
