import { useState } from 'preact/hooks';
import type { Answer } from '../../api';
import type { PlanView } from '../../api-types';
import { ProblemIfAny, useAttempt } from '../../ui';
import { ActionFields } from './action-fields';
import { mayWritePlans, PlanSettingProvider, useMayWritePlan, usePlanSetting } from './context';
import { type PlanDraft, usePlanDraft } from './draft';
import { type PlacedNote, placeNotes } from './flagged-words';
import { PlanHistory } from './history';
import { Notes, useLiveNotes, WordChoicesProvider } from './language-notes';
import { NextVersionNote } from './next-version';
import { PlanButtons } from './plan-buttons';
import { momentOf } from './plan-list';

type PlanStatus = PlanView['plan']['status'];

/** The plan open for editing: its summary and actions with the words checked, saved and moved on with its version. */
export function PlanEditor({
  view,
  etag,
  onSaved,
}: {
  view: PlanView;
  etag: string;
  onSaved: (view: PlanView, etag: string) => void;
}) {
  const setting = usePlanSetting();
  const { api, nameOf, me } = setting;
  const [nextStarted, setNextStarted] = useState(false);
  const readOnly = view.plan.status !== 'draft' && !nextStarted;
  const draft = usePlanDraft(view);
  const notes = placeNotes(useLiveNotes(api, draft.summary, draft.actions, view.languageNotes), draft.actions);
  const notesFor = (actionId: string | undefined) => notes.filter((note) => note.actionId === actionId);
  const { save, move, saved, error } = usePlanSending({ view, etag, draft }, (answer, sentEtag) => {
    setNextStarted(false);
    onSaved(answer, sentEtag);
  });

  return (
    <PlanSettingProvider value={{ ...setting, readOnly }}>
      <WordChoicesProvider value={draft.words}>
        <form onSubmit={save} class="plan-editor">
          <PlanState view={view} nameOf={nameOf} />
          <NextVersionNote
            plan={view.plan}
            started={nextStarted}
            mayStart={mayWritePlans(me)}
            onStart={() => setNextStarted(true)}
          />
          <PlanHistory plan={view.plan} />
          <SummaryField value={draft.summary} onChange={draft.setSummary} notes={notesFor(undefined)} />
          <ActionsFieldset draft={draft} notesFor={notesFor} />
          <PlanButtons view={view} unsaved={draft.unsaved} onMove={move} />
          {saved && <p role="status">{saved}</p>}
          <ProblemIfAny error={error} />
        </form>
      </WordChoicesProvider>
    </PlanSettingProvider>
  );
}

/** Saves the draft and moves the plan on, each naming the version read, and says what was done. */
function usePlanSending(
  { view, etag, draft }: { view: PlanView; etag: string; draft: PlanDraft },
  onSent: (view: PlanView, etag: string) => void,
) {
  const { api } = usePlanSetting();
  const { error, attempt } = useAttempt();
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const sendAndShow = (send: () => Promise<Answer<PlanView>>, done: string) =>
    attempt(async () => {
      const answer = await send();
      setSaved(done);
      onSent(answer.body, answer.etag ?? etag);
    });
  const save = (event: Event) => {
    event.preventDefault();
    const { summary, actionsToSend, keptWords } = draft;
    return sendAndShow(
      () =>
        api.send('PATCH', '/v1/action-plans/{id}', {
          params: { id: view.plan.id },
          json: { summary, actions: actionsToSend, keptWords },
          ifMatch: etag,
        }),
      'Saved. The words have been checked again.',
    );
  };
  const move = (status: PlanStatus) =>
    sendAndShow(
      () =>
        api.send('POST', '/v1/action-plans/{id}/status', {
          params: { id: view.plan.id },
          json: { status },
          ifMatch: etag,
        }),
      `The plan is now ${status}.`,
    );
  return { save, move, saved, error };
}

/** Where the plan stands, and who no action covers yet. */
function PlanState({ view, nameOf }: { view: PlanView; nameOf: (ref: string) => string }) {
  return (
    <>
      <p>
        Status: <strong>{view.plan.status}</strong> · version {view.plan.version} · last changed{' '}
        {momentOf(view.plan.updatedAt)}
      </p>
      {view.uncovered.length > 0 && (
        <p class="note" role="status">
          No action covers {view.uncovered.map(nameOf).join(', ')} yet: the plan can be agreed once everyone has one.
        </p>
      )}
    </>
  );
}

function SummaryField({
  value,
  onChange,
  notes,
}: {
  value: string;
  onChange: (summary: string) => void;
  notes: readonly PlacedNote[];
}) {
  const canWrite = useMayWritePlan();
  return (
    <>
      <label for="plan-summary">Summary</label>
      <textarea
        id="plan-summary"
        rows={4}
        value={value}
        disabled={!canWrite}
        onInput={(e) => onChange(e.currentTarget.value)}
        aria-describedby="plan-summary-notes"
      />
      <Notes id="plan-summary-notes" notes={notes} />
    </>
  );
}

function ActionsFieldset({
  draft,
  notesFor,
}: {
  draft: PlanDraft;
  notesFor: (actionId: string | undefined) => readonly PlacedNote[];
}) {
  const canWrite = useMayWritePlan();
  return (
    <fieldset>
      <legend>Actions</legend>
      {draft.actions.map((action, index) => (
        <ActionFields
          key={action.id}
          index={index}
          action={action}
          saved={draft.savedAction(action.id)}
          notes={notesFor(action.id)}
          onChange={(patch) => draft.change(index, patch)}
          onRemove={() => draft.remove(index)}
        />
      ))}
      {canWrite && (
        <button type="button" onClick={draft.add}>
          Add an action
        </button>
      )}
    </fieldset>
  );
}
