import { basisInWords, dateInWords, forInWords } from '@peermap/domain/paper-words';
import type { Action } from '../../api-types';
import { Choice, WordSelect } from '../../forms';
import { humanise } from '../../ui';
import { useMayWritePlan, usePlanSetting } from './context';
import type { PlacedNote } from './flagged-words';
import { Notes } from './language-notes';

/** One action of the plan: what, who, by when, how far it has got, and which young people it is for and why. */
export function ActionFields({
  index,
  action,
  saved,
  notes,
  onChange,
  onRemove,
}: {
  index: number;
  action: Action;
  /** The action as saved: its basis is said to go when the action is changed to cover others. */
  saved?: Action | undefined;
  notes: readonly PlacedNote[];
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
      <CoveredPeople id={id} number={index + 1} action={action} saved={saved} onChange={onChange} />
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

/** A value in the vocabulary's words, humanised where the vocabulary has none. */
const wordFor = (labels: Readonly<Partial<Record<string, string>>>, value: string) =>
  (Object.hasOwn(labels, value) ? labels[value] : undefined) ?? humanise(value);

/** An owner and a concern in the vocabulary's words ("Youth justice service", "missing from home or care"). */
export function usePlanWords() {
  const { words } = usePlanSetting();
  return {
    ownerLabel: (owner: string) => wordFor(words.actionOwnerLabels, owner),
    concernLabel: (category: string) => wordFor(words.concernCategories, category),
  };
}

/**
 * Which of the group's young people an action is for, and why the draft chose them (the open
 * concern or the place that made the rule apply): said in one line, changed by ticking names.
 */
function CoveredPeople({
  id,
  number,
  action,
  saved,
  onChange,
}: ActionPartProps & { number: number; saved?: Action | undefined }) {
  const { youngPersonRefs, nameOf } = usePlanSetting();
  const { concernLabel } = usePlanWords();
  const canWrite = useMayWritePlan();
  const { who: named, why } = forInWords(action, youngPersonRefs, nameOf, concernLabel);
  // A parent group's plan names no young person: its actions are for the group's families.
  const who = youngPersonRefs.length === 0 && !named ? 'the families of the group' : named;
  const line = (
    <p class="covered" id={`${id}-for`}>
      <strong>For:</strong> {who}
      {why && <span class="subtle"> — {why}</span>}
    </p>
  );
  if (!canWrite || youngPersonRefs.length === 0) return line;
  // The draft's reason was for the young people it chose: changed, the plan no longer gives it.
  const reasonLeft = saved?.basis && !action.basis ? basisInWords(saved.basis, concernLabel) : undefined;
  return (
    <>
      {line}
      {reasonLeft && (
        <p class="subtle" id={`${id}-reason-left`}>
          The draft chose these young people for a reason ({reasonLeft}). Changed, the plan no longer gives it: tick the
          same young people again to keep it.
        </p>
      )}
      <details>
        <summary>
          Change whom action {number} is for ({action.coversRefs.length} of {youngPersonRefs.length})
        </summary>
        <fieldset class="covers">
          <legend>For</legend>
          {youngPersonRefs.map((ref) => (
            <Choice
              key={ref}
              type="checkbox"
              id={`${id}-covers-${ref}`}
              checked={action.coversRefs.includes(ref)}
              onChange={(on) =>
                onChange({
                  coversRefs: on ? [...action.coversRefs, ref] : action.coversRefs.filter((r) => r !== ref),
                })
              }
            >
              {nameOf(ref)}
            </Choice>
          ))}
        </fieldset>
      </details>
    </>
  );
}

/** Who does an action, by when (a day in words beside the date), and how far it has got. */
function ActionTerms({ id, action, onChange }: ActionPartProps) {
  const { words } = usePlanSetting();
  const { ownerLabel } = usePlanWords();
  const canWrite = useMayWritePlan();
  if (!canWrite) {
    // Read, not edited: the terms as a sentence, without empty form controls.
    return (
      <p class="row">
        <span>
          <strong>Who:</strong> {ownerLabel(action.ownerAgency)}
          {action.ownerName ? ` (${action.ownerName})` : ''}
        </span>
        <span>
          <strong>By:</strong> {dateInWords(action.dueOn)}
        </span>
        <span>
          <strong>Progress:</strong> {humanise(action.status)}
        </span>
      </p>
    );
  }
  return (
    <div class="row">
      <WordSelect
        id={`${id}-owner`}
        label="Who"
        value={action.ownerAgency}
        values={words.actionOwners}
        labelOf={ownerLabel}
        onChange={(ownerAgency) => onChange({ ownerAgency })}
      />
      <label for={`${id}-due`}>By</label>
      <input
        id={`${id}-due`}
        type="date"
        value={action.dueOn}
        aria-describedby={`${id}-due-words`}
        onInput={(e) => onChange({ dueOn: e.currentTarget.value })}
      />
      <span id={`${id}-due-words`} class="day-in-words">
        {dateInWords(action.dueOn)}
      </span>
      <WordSelect
        id={`${id}-status`}
        label="Progress"
        value={action.status}
        values={words.actionStatuses}
        onChange={(status) => onChange({ status })}
      />
    </div>
  );
}
