import type { Action, Plan, PlanView } from '../../api-types';
import { DownloadButton } from '../../ui';
import { useMayWritePlan, usePlanSetting } from './context';
import { type PlacedNote, placeNotes, unexplained } from './flagged-words';

/** Save, agree, mark reviewed and download, each for the roles that may. */
export function PlanButtons({
  view,
  unsaved,
  onMove,
}: {
  view: PlanView;
  unsaved: boolean;
  onMove: (status: Plan['status']) => void;
}) {
  const { api, me } = usePlanSetting();
  const { plan } = view;
  const canWrite = useMayWritePlan();
  const canAgree = me.permissions.includes('plans:agree');
  const blocked =
    plan.status === 'draft' ? unexplained(placeNotes(view.languageNotes, plan.actions), plan.keptWords ?? []) : [];
  return (
    <>
      <WordsBlock notes={blocked} actions={plan.actions} />
      <div class="actions">
        {canWrite && (
          <button type="submit" class="primary">
            Save the plan
          </button>
        )}
        {canAgree && plan.status === 'draft' && (
          <button
            type="button"
            onClick={() => onMove('agreed')}
            disabled={unsaved || blocked.length > 0}
            aria-describedby="agree-note words-block"
          >
            Agree the plan
          </button>
        )}
        {canAgree && unsaved && (
          <span id="agree-note" class="subtle">
            Save the changes before the plan is agreed.
          </span>
        )}
        {canAgree && plan.status === 'agreed' && (
          <button type="button" onClick={() => onMove('reviewed')}>
            Mark the plan reviewed
          </button>
        )}
        {me.permissions.includes('exports:create') && (
          <>
            <DownloadButton api={api} path={`/v1/action-plans/${plan.id}/export?format=docx`}>
              Download the plan (Word)
            </DownloadButton>
            <DownloadButton api={api} path={`/v1/action-plans/${plan.id}/export?format=html`}>
              Download the plan to print
            </DownloadButton>
          </>
        )}
      </div>
    </>
  );
}

/** Why the plan cannot be agreed yet: the saved words that blame or label a child, each with where it is. */
function WordsBlock({ notes, actions }: { notes: readonly PlacedNote[]; actions: readonly Pick<Action, 'id'>[] }) {
  if (notes.length === 0) return null;
  const where = (note: PlacedNote) =>
    note.actionId === undefined ? 'the summary' : `action ${actions.findIndex((a) => a.id === note.actionId) + 1}`;
  return (
    <div id="words-block" class="note blocked" role="status">
      <p>
        <strong>The plan cannot be agreed yet.</strong> These words blame or label a child:{' '}
        {notes.map((note) => `“${note.phrase}” in ${where(note)}`).join('; ')}.
      </p>
      <p>Change each (the button beside it writes the better words), or keep it and say why; then save the plan.</p>
    </div>
  );
}
