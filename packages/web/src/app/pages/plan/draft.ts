import { useState } from 'preact/hooks';
import type { Action, PlanView } from '../../api-types';
import { removeAt, updateAt } from '../../forms';

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

export function usePlanDraft(view: PlanView) {
  const [summary, setSummary] = useState(view.plan.summary);
  const [actions, setActions] = useState<Action[]>(view.plan.actions);
  // The meeting agrees what is saved: while the page holds unsaved changes, save them first.
  const unsaved = summary !== view.plan.summary || JSON.stringify(actions) !== JSON.stringify(view.plan.actions);
  return {
    summary,
    actions,
    unsaved,
    setSummary,
    change: (index: number, patch: Partial<Action>) => setActions((all) => updateAt(all, index, patch)),
    remove: (index: number) => setActions((all) => removeAt(all, index)),
    add: () => setActions((all) => [...all, newAction()]),
  };
}
