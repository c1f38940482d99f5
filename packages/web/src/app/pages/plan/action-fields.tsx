import type { Action, PlanView } from '../../api-types';
import { Choice, HumanisedOptions } from '../../forms';
import { usePlanSetting } from './context';
import { Notes } from './language-notes';

/** One action of the plan: what, who, by when, how far it has got, and which young people it is for. */
export function ActionFields({
  index,
  action,
  notes,
  onChange,
  onRemove,
}: {
  index: number;
  action: Action;
  notes: PlanView['languageNotes'];
  onChange: (patch: Partial<Action>) => void;
  onRemove: () => void;
}) {
  const { me } = usePlanSetting();
  const canWrite = me.permissions.includes('plans:write');
  const id = `action-${index}`;
  return (
    <div class="action">
      <label for={`${id}-description`}>Action {index + 1}</label>
      <textarea
        id={`${id}-description`}
        rows={2}
        value={action.description}
        disabled={!canWrite}
        onInput={(e) => onChange({ description: e.currentTarget.value })}
        aria-describedby={`${id}-notes`}
      />
      <Notes id={`${id}-notes`} notes={notes} />
      <ActionTerms id={id} action={action} onChange={onChange} />
      <CoveredPeople id={id} action={action} onChange={onChange} />
      {canWrite && (
        <button type="button" onClick={onRemove}>
          Remove action {index + 1}
        </button>
      )}
    </div>
  );
}

/** Which of the group's young people an action is for. */
function CoveredPeople({
  id,
  action,
  onChange,
}: {
  id: string;
  action: Action;
  onChange: (patch: Partial<Action>) => void;
}) {
  const { me, cluster, nameOf } = usePlanSetting();
  const canWrite = me.permissions.includes('plans:write');
  return (
    <fieldset class="covers">
      <legend>For</legend>
      {cluster.memberRefs.map((ref) => (
        <Choice
          key={ref}
          type="checkbox"
          id={`${id}-covers-${ref}`}
          checked={action.coversRefs.includes(ref)}
          disabled={!canWrite}
          onChange={(on) =>
            onChange({ coversRefs: on ? [...action.coversRefs, ref] : action.coversRefs.filter((r) => r !== ref) })
          }
        >
          {nameOf(ref)}
        </Choice>
      ))}
    </fieldset>
  );
}

/** Who does an action, by when, and how far it has got. */
function ActionTerms({
  id,
  action,
  onChange,
}: {
  id: string;
  action: Action;
  onChange: (patch: Partial<Action>) => void;
}) {
  const { me, words } = usePlanSetting();
  const canWrite = me.permissions.includes('plans:write');
  return (
    <div class="row">
      <label for={`${id}-owner`}>Who</label>
      <select
        id={`${id}-owner`}
        value={action.ownerAgency}
        disabled={!canWrite}
        onChange={(e) => onChange({ ownerAgency: e.currentTarget.value })}
      >
        <HumanisedOptions values={words.actionOwners} />
      </select>
      <label for={`${id}-due`}>By</label>
      <input
        id={`${id}-due`}
        type="date"
        value={action.dueOn}
        disabled={!canWrite}
        onInput={(e) => onChange({ dueOn: e.currentTarget.value })}
      />
      <label for={`${id}-status`}>Progress</label>
      <select
        id={`${id}-status`}
        value={action.status}
        disabled={!canWrite}
        onChange={(e) => onChange({ status: e.currentTarget.value })}
      >
        <HumanisedOptions values={words.actionStatuses} />
      </select>
    </div>
  );
}
