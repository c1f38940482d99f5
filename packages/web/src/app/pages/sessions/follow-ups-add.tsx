import type { NewFollowUp } from '@peermap/contract';
import type { ActionOwner } from '@peermap/domain';
import { useState } from 'preact/hooks';
import { HumanisedOptions, oneOf } from '../../forms';
import type { OwnerWords } from './follow-ups-tables';

const KINDS = ['other', 'share_messages', 'invite_next'] as const;
const KIND_LABELS: Readonly<Record<string, string>> = {
  other: 'Something else (say what)',
  share_messages: "Share the session's messages",
  invite_next: 'Invite to the next session',
};

interface Draft {
  carerRef: string;
  kind: (typeof KINDS)[number];
  note: string;
  ownerAgency: ActionOwner;
  /** Empty: as the rules give, two weeks after the session (or from today once that has gone by). */
  dueOn: string;
}
type Carers = readonly { carerRef: string; name: string }[];

/**
 * A follow-up the rules did not suggest (a call to talk the session through, a home visit with
 * the key worker), for any carer the session invited: said in a note, owned and due like the others.
 */
export function AddFollowUpForm({
  carers,
  words,
  onAdd,
}: {
  carers: Carers;
  words: OwnerWords;
  onAdd: (followUp: NewFollowUp) => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    carerRef: carers[0]?.carerRef ?? '',
    kind: 'other',
    note: '',
    ownerAgency: 'early_help',
    dueOn: '',
  });
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  if (carers.length === 0) return null;
  const note = draft.note.trim();
  return (
    <form
      class="add-follow-up"
      onSubmit={(e) => {
        e.preventDefault();
        const { carerRef, kind, ownerAgency, dueOn } = draft;
        onAdd({ carerRef, kind, ownerAgency, ...(dueOn ? { dueOn } : {}), ...(note ? { note } : {}) });
      }}
    >
      <fieldset>
        <legend>Add a follow-up</legend>
        <WhoAndWhat draft={draft} carers={carers} set={set} />
        <div class="row">
          <OwnerAndDay draft={draft} words={words} set={set} />
          <button type="submit" disabled={draft.kind === 'other' && !note}>
            Add the follow-up
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function WhoAndWhat({ draft, carers, set }: { draft: Draft; carers: Carers; set: (patch: Partial<Draft>) => void }) {
  return (
    <div class="row">
      <label for="follow-up-carer">Carer</label>
      <select id="follow-up-carer" value={draft.carerRef} onChange={(e) => set({ carerRef: e.currentTarget.value })}>
        {carers.map((carer) => (
          <option key={carer.carerRef} value={carer.carerRef}>
            {carer.name}
          </option>
        ))}
      </select>
      <label for="follow-up-kind">What is owed</label>
      <select
        id="follow-up-kind"
        value={draft.kind}
        onChange={(e) => set({ kind: oneOf(KINDS, e.currentTarget.value) ?? draft.kind })}
      >
        <HumanisedOptions values={KINDS} labelOf={(value) => KIND_LABELS[value] ?? value} />
      </select>
      <label for="follow-up-note">Note</label>
      <input
        id="follow-up-note"
        maxLength={300}
        size={40}
        value={draft.note}
        onInput={(e) => set({ note: e.currentTarget.value })}
      />
    </div>
  );
}

function OwnerAndDay({ draft, words, set }: { draft: Draft; words: OwnerWords; set: (patch: Partial<Draft>) => void }) {
  return (
    <>
      <label for="follow-up-owner">Who follows up</label>
      <select
        id="follow-up-owner"
        value={draft.ownerAgency}
        onChange={(e) => set({ ownerAgency: oneOf(words.owners, e.currentTarget.value) ?? draft.ownerAgency })}
      >
        <HumanisedOptions values={words.owners} labelOf={words.labelOf} />
      </select>
      <label for="follow-up-due">Due by</label>
      <input
        id="follow-up-due"
        type="date"
        value={draft.dueOn}
        aria-describedby="follow-up-due-hint"
        onChange={(e) => set({ dueOn: e.currentTarget.value })}
      />
      <span id="follow-up-due-hint" class="day-in-words">
        (left empty: two weeks after the session, or from today once that has gone by)
      </span>
    </>
  );
}
