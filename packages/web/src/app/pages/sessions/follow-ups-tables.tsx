import type { SessionFollowUps as FollowUpsView } from '@peermap/contract';
import type { ActionOwner } from '@peermap/domain';
import { todayOf } from '@peermap/domain/uk-day';
import { useState } from 'preact/hooks';
import { ColumnHeads, HumanisedOptions, oneOf, replaceAt } from '../../forms';
import { dayInWords } from './words';

/** The agencies that may own a follow-up, in the vocabulary's words. */
export interface OwnerWords {
  owners: readonly ActionOwner[];
  labelOf: (owner: string) => string;
}

type Suggestion = NonNullable<FollowUpsView['suggestions']>[number];
type FollowUp = NonNullable<FollowUpsView['followUps']>[number];
type NameOf = (carerRef: string) => string;
type OwnerOrDue = { ownerAgency?: ActionOwner; dueOn?: string };

const KIND_WORDS: Readonly<Record<string, string>> = {
  share_messages: "Share the session's messages",
  invite_next: 'Invite to the next session',
  other: 'Something else',
};
const kindInWords = (kind: string) => KIND_WORDS[kind] ?? kind;

/** An owner and a due day, the two things the lead may change on a follow-up before it is done. */
function OwnerAndDue({
  label,
  ownerAgency,
  dueOn,
  words,
  disabled,
  onChange,
}: {
  label: string;
  ownerAgency: string;
  dueOn: string;
  words: OwnerWords;
  disabled: boolean;
  onChange: (change: OwnerOrDue) => void;
}) {
  return (
    <>
      <td>
        <select
          aria-label={`Who follows up: ${label}`}
          value={ownerAgency}
          disabled={disabled}
          onChange={(e) => {
            const ownerAgency = oneOf(words.owners, e.currentTarget.value);
            if (ownerAgency) onChange({ ownerAgency });
          }}
        >
          <HumanisedOptions values={words.owners} labelOf={words.labelOf} />
        </select>
      </td>
      <td>
        <input
          type="date"
          aria-label={`Due by: ${label}`}
          value={dueOn}
          disabled={disabled}
          onChange={(e) => e.currentTarget.value && onChange({ dueOn: e.currentTarget.value })}
        />
      </td>
    </>
  );
}

/** The follow-ups the rules suggest after a held session: each ticked to accept, with its owner and due day. */
export function SuggestionsForm({
  view,
  words,
  nameOf,
  canPlan,
  onAccept,
}: {
  view: FollowUpsView;
  words: OwnerWords;
  nameOf: NameOf;
  canPlan: boolean;
  onAccept: (chosen: Suggestion[]) => void;
}) {
  const [rows, setRows] = useState(() => (view.suggestions ?? []).map((suggestion) => ({ suggestion, on: true })));
  const chosen = rows.filter((row) => row.on).map((row) => row.suggestion);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onAccept(chosen);
      }}
    >
      <table>
        <caption>Suggested follow-ups ({rows.length})</caption>
        <ColumnHeads names={['Carer', 'What is owed', 'Who follows up', 'Due by', 'Accept']} />
        <tbody>
          {rows.map(({ suggestion, on }, index) => (
            <SuggestionRow
              key={`${suggestion.carerRef}-${suggestion.kind}`}
              suggestion={suggestion}
              on={on}
              words={words}
              nameOf={nameOf}
              canPlan={canPlan}
              onChange={(row) => setRows(replaceAt(rows, index, row))}
            />
          ))}
        </tbody>
      </table>
      {canPlan && (
        <button type="submit" disabled={chosen.length === 0}>
          Accept {chosen.length} follow-up{chosen.length === 1 ? '' : 's'}
        </button>
      )}
    </form>
  );
}

/** One suggestion: its carer and what is owed, its owner and due day to change, and whether to accept it. */
function SuggestionRow({
  suggestion,
  on,
  words,
  nameOf,
  canPlan,
  onChange,
}: {
  suggestion: Suggestion;
  on: boolean;
  words: OwnerWords;
  nameOf: NameOf;
  canPlan: boolean;
  onChange: (row: { suggestion: Suggestion; on: boolean }) => void;
}) {
  const label = `${nameOf(suggestion.carerRef)}, ${kindInWords(suggestion.kind).toLowerCase()}`;
  return (
    <tr>
      <th scope="row">{nameOf(suggestion.carerRef)}</th>
      <td>{kindInWords(suggestion.kind)}</td>
      <OwnerAndDue
        label={label}
        ownerAgency={suggestion.ownerAgency}
        dueOn={suggestion.dueOn}
        words={words}
        disabled={!canPlan}
        onChange={(change) => onChange({ on, suggestion: { ...suggestion, ...change } })}
      />
      <td>
        <input
          type="checkbox"
          aria-label={`Accept: ${label}`}
          checked={on}
          disabled={!canPlan}
          onChange={(e) => onChange({ suggestion, on: e.currentTarget.checked })}
        />
      </td>
    </tr>
  );
}

export type FollowUpChange = OwnerOrDue & { doneOn?: string | null };

/** The follow-ups recorded: open ones with their owner and due day to change and a day to mark them done. */
export function FollowUpsTable({
  view,
  words,
  nameOf,
  canPlan,
  onChange,
}: {
  view: FollowUpsView;
  words: OwnerWords;
  nameOf: NameOf;
  canPlan: boolean;
  onChange: (followUpId: string, change: FollowUpChange, message: string) => void;
}) {
  const followUps = view.followUps ?? [];
  return (
    <table>
      <caption>Follow-ups recorded ({followUps.length})</caption>
      <ColumnHeads names={['Carer', 'What is owed', 'Who follows up', 'Due by', 'Done']} />
      <tbody>
        {followUps.map((followUp) => {
          const label = `${nameOf(followUp.carerRef)}, ${kindInWords(followUp.kind).toLowerCase()}`;
          return (
            <tr key={followUp.id}>
              <th scope="row">{nameOf(followUp.carerRef)}</th>
              <td>
                {kindInWords(followUp.kind)}
                {followUp.note ? `: ${followUp.note}` : ''}
              </td>
              <OwnerAndDue
                label={label}
                ownerAgency={followUp.ownerAgency}
                dueOn={followUp.dueOn}
                words={words}
                disabled={!canPlan || followUp.doneOn !== undefined}
                onChange={(change) => onChange(followUp.id, change, `Follow-up changed: ${label}.`)}
              />
              <td>
                <DoneCell followUp={followUp} label={label} canPlan={canPlan} onChange={onChange} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Done on a day, or a day to mark it done (today unless changed). */
function DoneCell({
  followUp,
  label,
  canPlan,
  onChange,
}: {
  followUp: FollowUp;
  label: string;
  canPlan: boolean;
  onChange: (followUpId: string, change: FollowUpChange, message: string) => void;
}) {
  const [day, setDay] = useState(() => todayOf(new Date()));
  if (followUp.doneOn) {
    return (
      <>
        Done on {dayInWords(followUp.doneOn)}{' '}
        {canPlan && (
          <button type="button" onClick={() => onChange(followUp.id, { doneOn: null }, `Open again: ${label}.`)}>
            Not done after all
          </button>
        )}
      </>
    );
  }
  if (!canPlan) return <>Open</>;
  return (
    <span class="mark-done">
      <input
        type="date"
        aria-label={`Done on: ${label}`}
        value={day}
        max={todayOf(new Date())}
        onChange={(e) => setDay(e.currentTarget.value)}
      />
      <button
        type="button"
        aria-label={`Mark done: ${label}`}
        onClick={() => onChange(followUp.id, { doneOn: day }, `Marked done on ${dayInWords(day)}: ${label}.`)}
      >
        Mark done
      </button>
    </span>
  );
}
