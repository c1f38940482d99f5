import type { Plan } from '../../api-types';
import { DownloadButton } from '../../ui';
import { useMayWritePlan, usePlanSetting } from './context';

/** Save, agree, mark reviewed and download, each for the roles that may. */
export function PlanButtons({
  plan,
  unsaved,
  onMove,
}: {
  plan: Plan;
  unsaved: boolean;
  onMove: (status: Plan['status']) => void;
}) {
  const { api, me } = usePlanSetting();
  const canWrite = useMayWritePlan();
  const canAgree = me.permissions.includes('plans:agree');
  return (
    <div class="actions">
      {canWrite && (
        <button type="submit" class="primary">
          Save the plan
        </button>
      )}
      {canAgree && plan.status === 'draft' && (
        <button type="button" onClick={() => onMove('agreed')} disabled={unsaved} aria-describedby="agree-note">
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
  );
}
