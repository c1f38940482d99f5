import type { RiskAssessmentChange, RiskAssessmentView } from '@peermap/contract';
import { useState } from 'preact/hooks';
import { removeAt, updateAt } from '../../forms';
import { type CarerNames, PART_WORDS } from './safety-words';

type Pair = RiskAssessmentChange['keepApart'][number];
type Part = keyof typeof PART_WORDS;

const PART_HINTS: Readonly<Record<Part, string>> = {
  groupDynamics: 'How these families get on: friendships, tensions, anything the facilitators should know.',
  confidentiality:
    'How what is said stays in the room, and what workers must still share to keep a child safe. Printed in the pack.',
  groupAgreement: 'The agreement proposed at the start, for the parents to change and own. Printed in the pack.',
};

/** The assessment as its form starts: what is saved, or nothing written yet. */
export const formOf = (view: RiskAssessmentView): RiskAssessmentChange => ({
  groupDynamics: view.riskAssessment?.groupDynamics ?? '',
  confidentiality: view.riskAssessment?.confidentiality ?? '',
  groupAgreement: view.riskAssessment?.groupAgreement ?? '',
  keepApart: (view.riskAssessment?.keepApart ?? []).map(({ carerRefs, reason }) => ({ carerRefs, reason })),
});

/**
 * The written assessment: the three parts and the carers kept apart, each pair two carers of
 * the list with the reason (seen by the organiser and the approver only).
 */
export function AssessmentForm({
  view,
  names,
  onSave,
}: {
  view: RiskAssessmentView;
  names: CarerNames;
  onSave: (change: RiskAssessmentChange) => Promise<void>;
}) {
  const [form, setForm] = useState(() => formOf(view));
  const set = (part: Part, value: string) => setForm({ ...form, [part]: value });
  return (
    <form
      class="risk-assessment"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(form);
      }}
    >
      {(Object.keys(PART_WORDS) as Part[]).map((part) => (
        <div key={part} class="field">
          <label for={`risk-${part}`}>{PART_WORDS[part]}</label>
          <span id={`risk-${part}-hint`} class="hint">
            {PART_HINTS[part]}
          </span>
          <textarea
            id={`risk-${part}`}
            aria-describedby={`risk-${part}-hint`}
            rows={3}
            maxLength={3000}
            value={form[part]}
            onInput={(event) => set(part, event.currentTarget.value)}
          />
        </div>
      ))}
      <KeepApartFields pairs={form.keepApart} names={names} onChange={(keepApart) => setForm({ ...form, keepApart })} />
      {view.riskAssessment?.completedBy && (
        <p class="hint">A change to the assessment sends it back to be completed and approved again.</p>
      )}
      <button type="submit">Save the risk assessment</button>
    </form>
  );
}

function KeepApartFields({
  pairs,
  names,
  onChange,
}: {
  pairs: readonly Pair[];
  names: CarerNames;
  onChange: (pairs: Pair[]) => void;
}) {
  const [first = '', second = ''] = [...names.keys()];
  const choose = (index: number, which: 0 | 1, ref: string) => {
    const pair = pairs[index];
    if (!pair) return;
    const carerRefs: [string, string] = which === 0 ? [ref, pair.carerRefs[1]] : [pair.carerRefs[0], ref];
    onChange(updateAt(pairs, index, { carerRefs }));
  };
  return (
    <fieldset class="keep-apart">
      <legend>Carers who must not be in the same room</legend>
      <p class="hint">
        The reason is for the organiser and the approver only: never shown to other parents, never in the pack.
      </p>
      {pairs.map((pair, index) => (
        <div key={index} class="pair">
          {([0, 1] as const).map((which) => (
            <CarerChoice
              key={which}
              id={`keep-apart-${index}-${which}`}
              label={which === 0 ? 'Carer' : 'and carer'}
              value={pair.carerRefs[which]}
              names={names}
              onChoose={(ref) => choose(index, which, ref)}
            />
          ))}
          <label for={`keep-apart-${index}-reason`}>Reason</label>{' '}
          <input
            id={`keep-apart-${index}-reason`}
            type="text"
            maxLength={500}
            value={pair.reason}
            onInput={(e) => onChange(updateAt(pairs, index, { reason: e.currentTarget.value }))}
          />
          <button type="button" onClick={() => onChange(removeAt(pairs, index))}>
            Remove this pair
          </button>
        </div>
      ))}
      {names.size > 1 && (
        <button type="button" onClick={() => onChange([...pairs, { carerRefs: [first, second], reason: '' }])}>
          Keep two carers apart
        </button>
      )}
    </fieldset>
  );
}

/** One carer of a pair, chosen from the list by name. */
function CarerChoice({
  id,
  label,
  value,
  names,
  onChoose,
}: {
  id: string;
  label: string;
  value: string;
  names: CarerNames;
  onChoose: (ref: string) => void;
}) {
  return (
    <span>
      <label for={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChoose(e.currentTarget.value)}>
        {[...names.entries()].map(([ref, name]) => (
          <option key={ref} value={ref}>
            {name}
          </option>
        ))}
      </select>
    </span>
  );
}
