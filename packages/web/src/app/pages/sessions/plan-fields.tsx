import type { FacilitatorFrom } from '@peermap/domain';
import type { PartialInputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import type { Words } from '../../app';
import { Choice, ColumnHeads, keysOf, oneOf, removeAt, updateAt } from '../../forms';
import type { FacilitatorRow, PlanDraft } from './plan-draft';

type Change = (patch: Partial<PlanDraft>) => void;

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'type' | 'role'>;

/** An input of one of the kinds the plan uses (the types of an input's attributes differ by kind). */
function TypedInput({ type, ...props }: InputProps & { type: 'text' | 'date' | 'time' | 'url' }) {
  if (type === 'date') return <input type="date" {...props} />;
  if (type === 'time') return <input type="time" {...props} />;
  if (type === 'url') return <input type="url" {...props} />;
  return <input type="text" {...props} />;
}

/** One labelled line of text of the session's details. */
function TextField({
  id,
  label,
  value,
  onInput,
  type = 'text',
  required = false,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'time' | 'url';
  required?: boolean;
  hint?: string;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <TypedInput
        type={type}
        id={id}
        value={value}
        required={required}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </>
  );
}

/** The day and the times. */
function WhenFields({ draft, onChange }: { draft: PlanDraft; onChange: Change }) {
  const fields = [
    { id: 'plan-date', label: 'Date', type: 'date', required: true, value: draft.date, key: 'date' },
    { id: 'plan-time', label: 'Starts', type: 'time', required: true, value: draft.time, key: 'time' },
    { id: 'plan-end', label: 'Ends', type: 'time', required: false, value: draft.endTime, key: 'endTime' },
  ] as const;
  return (
    <div class="plan-when">
      {fields.map((field) => (
        <div key={field.id}>
          <TextField
            id={field.id}
            label={field.label}
            type={field.type}
            required={field.required}
            value={field.value}
            onInput={(value) => onChange({ [field.key]: value })}
          />
        </div>
      ))}
    </div>
  );
}

/** When and where: the day, the times, the venue or the online link, and what makes the place easy to come to. */
export function DetailsFields({ draft, onChange }: { draft: PlanDraft; onChange: Change }) {
  return (
    <>
      <WhenFields draft={draft} onChange={onChange} />
      <TextField
        id="plan-venue"
        label="Venue"
        required
        value={draft.venue}
        onInput={(venue) => onChange({ venue })}
        hint="Its name, or how an online session is held (“Online, by video call”)"
      />
      <TextField id="plan-address" label="Address" value={draft.address} onInput={(address) => onChange({ address })} />
      <TextField
        id="plan-link"
        label="Online link"
        type="url"
        value={draft.onlineLink}
        onInput={(onlineLink) => onChange({ onlineLink })}
        hint="A secure link (https://…), given to families once the session is approved"
      />
      <TextField
        id="plan-access"
        label="Accessibility"
        value={draft.accessibility}
        onInput={(accessibility) => onChange({ accessibility })}
        hint="Step-free access, a hearing loop, a quiet room, childcare"
      />
    </>
  );
}

const NO_ONE: FacilitatorRow = { name: '', from: '', organisation: '' };

/** Who runs the session: a row each, with where they come from (an agency, a parent-led group, lived experience). */
export function FacilitatorRows({ draft, words, onChange }: { draft: PlanDraft; words: Words; onChange: Change }) {
  const rows = draft.facilitators;
  const froms = keysOf(words.facilitatorFromLabels);
  const set = (index: number, patch: Partial<FacilitatorRow>) =>
    onChange({ facilitators: updateAt(rows, index, patch) });
  return (
    <>
      <table class="plan-rows">
        <caption>Facilitators</caption>
        <ColumnHeads names={['Name', 'From', 'Team or organisation', '']} />
        <tbody>
          {rows.map((row, index) => (
            <tr key={`facilitator-${index}`}>
              <td>
                <input
                  aria-label={`Facilitator ${index + 1}: name`}
                  value={row.name}
                  onInput={(e) => set(index, { name: e.currentTarget.value })}
                />
              </td>
              <td>
                <select
                  aria-label={`Facilitator ${index + 1}: from`}
                  value={row.from}
                  onChange={(e) => set(index, { from: oneOf<FacilitatorFrom>(froms, e.currentTarget.value) ?? '' })}
                >
                  <option value="">Not said</option>
                  {froms.map((from) => (
                    <option key={from} value={from}>
                      {words.facilitatorFromLabels[from]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`Facilitator ${index + 1}: team or organisation`}
                  value={row.organisation}
                  onInput={(e) => set(index, { organisation: e.currentTarget.value })}
                />
              </td>
              <td>
                <button type="button" onClick={() => onChange({ facilitators: removeAt(rows, index) })}>
                  Remove facilitator {index + 1}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange({ facilitators: [...rows, NO_ONE] })}>
        Add a facilitator
      </button>
    </>
  );
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/** The partnership's topics to tick, the topics parents asked for, and a way to add one they asked for. */
export function TopicChoices({ draft, words, onChange }: { draft: PlanDraft; words: Words; onChange: Change }) {
  const [asked, setAsked] = useState('');
  const chosen = draft.topics;
  const isChosen = (name: string) => chosen.some((topic) => sameName(topic.name, name));
  const toggle = (name: string, on: boolean) =>
    onChange({
      topics: on ? [...chosen, { name, askedByParents: false }] : chosen.filter((topic) => !sameName(topic.name, name)),
    });
  const parents = chosen.filter((topic) => topic.askedByParents);
  const addAsked = () => {
    const name = asked.trim();
    if (!name || isChosen(name)) return;
    onChange({ topics: [...chosen, { name, askedByParents: true }] });
    setAsked('');
  };
  return (
    <>
      {words.sessionTopics.map((topic, index) => (
        <Choice
          key={topic.name}
          type="checkbox"
          id={`plan-topic-${index}`}
          checked={isChosen(topic.name)}
          onChange={(on) => toggle(topic.name, on)}
        >
          {topic.name}
          {topic.description && <span class="hint"> — {topic.description}</span>}
        </Choice>
      ))}
      {parents.map((topic, index) => (
        <Choice
          key={topic.name}
          type="checkbox"
          id={`plan-asked-${index}`}
          checked
          onChange={() => toggle(topic.name, false)}
        >
          {topic.name} <span class="hint">(asked for by parents)</span>
        </Choice>
      ))}
      <label for="plan-asked">A topic the parents asked for</label>
      <div class="row">
        <input id="plan-asked" value={asked} maxLength={80} onInput={(e) => setAsked(e.currentTarget.value)} />
        <button type="button" onClick={addAsked}>
          Add the topic
        </button>
      </div>
    </>
  );
}
