import { withBasisKept } from '@peermap/domain/paper-words';
import { useEffect, useState } from 'preact/hooks';
import type { Action, PlanView } from '../../api-types';
import { removeAt, updateAt } from '../../forms';
import { changePhrase, type KeptPhrase, keptToSend, type PlacedNote } from './flagged-words';
import type { WordChoices } from './language-notes';

const TWO_WEEKS_MS = 14 * 86_400_000;

/** A new action: early help by default, due in two weeks. */
const newAction = (): Action => ({
  id: `action-${Date.now().toString(36)}`,
  description: '',
  ownerAgency: 'early_help',
  dueOn: new Date(Date.now() + TWO_WEEKS_MS).toISOString().slice(0, 10),
  status: 'not_started',
  coversRefs: [],
});

/** The plan as edited on the page, before it is saved. */
export type PlanDraft = ReturnType<typeof usePlanDraft>;

const samePlace = (k: KeptPhrase, note: PlacedNote) =>
  k.phrase.toLowerCase() === note.phrase.toLowerCase() && k.actionId === note.actionId;

export function usePlanDraft(view: PlanView) {
  const [summary, setSummary] = useState(view.plan.summary);
  const [actions, setActions] = useState<Action[]>(view.plan.actions);
  const [kept, setKept] = useState<KeptPhrase[]>(view.plan.keptWords ?? []);
  // Once saved, the plan's own kept words say who kept each and when.
  useEffect(() => setKept(view.plan.keptWords ?? []), [view.plan.version]);
  const keptWords = keptToSend(kept, summary, actions);
  // The meeting agrees what is saved: while the page holds unsaved changes, save them first.
  const unsaved =
    summary !== view.plan.summary ||
    JSON.stringify(actions) !== JSON.stringify(view.plan.actions) ||
    JSON.stringify(keptWords) !== JSON.stringify(keptToSend(view.plan.keptWords ?? [], summary, actions));
  // An action shows the basis the API would keep for it: the saved one, while it covers the same young people.
  const change = (index: number, patch: Partial<Action>) =>
    setActions((all) =>
      updateAt(all, index, patch).map((action, i) => (i === index ? withBasisKept(view.plan.actions, action) : action)),
    );
  const words: WordChoices = {
    kept,
    change: (note) => {
      if (note.actionId === undefined) return setSummary((text) => changePhrase(text, note.phrase, note.suggestion));
      setActions((all) =>
        all.map((a) =>
          a.id === note.actionId ? { ...a, description: changePhrase(a.description, note.phrase, note.suggestion) } : a,
        ),
      );
    },
    keep: (note, reason) =>
      setKept((all) => [
        ...all.filter((k) => !samePlace(k, note)),
        note.actionId === undefined
          ? { phrase: note.phrase, reason }
          : { phrase: note.phrase, actionId: note.actionId, reason },
      ]),
    unkeep: (note) => setKept((all) => all.filter((k) => !samePlace(k, note))),
  };
  return {
    summary,
    actions,
    /** The actions as the API takes them: the basis is the plan's own, never sent. */
    actionsToSend: actions.map(({ basis: _, ...action }) => action),
    /** The action of the same id as saved, to say what a change to it leaves behind. */
    savedAction: (id: string) => view.plan.actions.find((action) => action.id === id),
    keptWords,
    words,
    unsaved,
    setSummary,
    change,
    remove: (index: number) => setActions((all) => removeAt(all, index)),
    add: () => setActions((all) => [...all, newAction()]),
  };
}
