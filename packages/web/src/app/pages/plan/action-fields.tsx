import type { Action, PlanView } from '../../api-types';
import { Choice, WordSelect } from '../../forms';
import { useMayWritePlan, usePlanSetting } from './context';
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
  const canWrite = useMayWritePlan();
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

/** A part of one action's fields. */
interface ActionPartProps {
  id: string;
  action: Action;
  onChange: (patch: Partial<Action>) => void;
}

/** Which of the group's young people an action is for. */
function CoveredPeople({ id, action, onChange }: ActionPartProps) {
  const { cluster, nameOf } = usePlanSetting();
  const canWrite = useMayWritePlan();
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
function ActionTerms({ id, action, onChange }: ActionPartProps) {
  const { words } = usePlanSetting();
  const canWrite = useMayWritePlan();
  return (
    <div class="row">
      <WordSelect
        id={`${id}-owner`}
        label="Who"
        value={action.ownerAgency}
        values={words.actionOwners}
        disabled={!canWrite}
        onChange={(ownerAgency) => onChange({ ownerAgency })}
      />
      <label for={`${id}-due`}>By</label>
      <input
        id={`${id}-due`}
        type="date"
        value={action.dueOn}
        disabled={!canWrite}
        onInput={(e) => onChange({ dueOn: e.currentTarget.value })}
      />
      <WordSelect
        id={`${id}-status`}
        label="Progress"
        value={action.status}
        values={words.actionStatuses}
        disabled={!canWrite}
        onChange={(status) => onChange({ status })}
      />
    </div>
  );
}
