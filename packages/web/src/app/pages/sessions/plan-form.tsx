import type { SessionView } from '@peermap/contract';
import { useState } from 'preact/hooks';
import type { PageContext } from '../../app';
import { ProblemIfAny, useAttempt } from '../../ui';
import { BudgetTable } from './plan-budget';
import { changeOf, type DraftProblem, draftOf, type PlanDraft } from './plan-draft';
import { DetailsFields, FacilitatorRows, TopicChoices } from './plan-fields';

/** The blaming or labelling words found in the notes, with better ones. */
function NotesWords({ view }: { view: SessionView }) {
  const notes = view.languageNotes ?? [];
  if (notes.length === 0) return null;
  return (
    <div class="language-notes" role="note">
      <p>Some words in the notes may blame or label a child or family:</p>
      <ul>
        {notes.map((note) => (
          <li key={note.phrase}>
            “{note.phrase}”: try “{note.suggestion}”
          </li>
        ))}
      </ul>
    </div>
  );
}

function DraftProblems({ problems }: { problems: readonly DraftProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="problem" role="alert">
      <p>
        <strong>Some costs are not amounts of money.</strong>
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.path}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The plan as typed, and saving it against the version read; what was refused, and whether it saved. */
function usePlanSaving(api: PageContext['api'], view: SessionView, onSaved: (view: SessionView) => void) {
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(view));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const { error, attempt } = useAttempt();
  const closed = view.status === 'held' || view.status === 'cancelled';
  const change = (patch: Partial<PlanDraft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const checked = changeOf(draft, closed);
    setProblems('problems' in checked ? checked.problems : []);
    if ('problems' in checked) return;
    attempt(async () => {
      const answer = await api.send('PATCH', '/v1/sessions/{id}', {
        params: { id: view.id },
        json: checked.change,
        ifMatch: `"${view.version}"`,
      });
      setSaved(true);
      onSaved(answer.body);
    });
  };
  return { draft, change, submit, problems, saved, error, closed };
}

/** The costs and the organiser's notes: for those who plan and approve sessions (the API leaves them out for others). */
function Workings({
  view,
  draft,
  change,
  canPlan,
  closed,
}: {
  view: SessionView;
  draft: PlanDraft;
  change: (patch: Partial<PlanDraft>) => void;
  canPlan: boolean;
  closed: boolean;
}) {
  if (!view.budget) return null;
  return (
    <>
      <fieldset disabled={!canPlan}>
        <legend>Costs</legend>
        <BudgetTable draft={draft} onChange={change} onlyActual={closed} />
      </fieldset>
      <label for="plan-notes">Notes</label>
      <textarea
        id="plan-notes"
        rows={4}
        maxLength={5000}
        value={draft.notes}
        disabled={!canPlan}
        onInput={(e) => change({ notes: e.currentTarget.value })}
      />
      <NotesWords view={view} />
    </>
  );
}

/**
 * The session's plan, to change and save in one go: when and where, who runs it, what it
 * covers, what it costs and the organiser's notes. A session held or cancelled keeps its plan;
 * its actual costs and notes can still be recorded. Read only for a role that does not plan.
 */
export function PlanForm({
  api,
  words,
  view,
  canPlan,
  onSaved,
}: Pick<PageContext, 'api' | 'words'> & { view: SessionView; canPlan: boolean; onSaved: (view: SessionView) => void }) {
  const { draft, change, submit, problems, saved, error, closed } = usePlanSaving(api, view, onSaved);
  const fixed = !canPlan || closed;
  return (
    <form class="session-plan" onSubmit={submit} aria-labelledby="plan-heading">
      <h2 id="plan-heading">The plan</h2>
      <fieldset disabled={fixed}>
        <legend>When and where</legend>
        <DetailsFields draft={draft} onChange={change} />
      </fieldset>
      <fieldset disabled={fixed}>
        <legend>Who runs it</legend>
        <FacilitatorRows draft={draft} words={words} onChange={change} />
      </fieldset>
      <fieldset disabled={fixed}>
        <legend>Topics</legend>
        <TopicChoices draft={draft} words={words} onChange={change} />
      </fieldset>
      <Workings view={view} draft={draft} change={change} canPlan={canPlan} closed={closed} />
      <DraftProblems problems={problems} />
      <ProblemIfAny error={error} />
      {canPlan && (
        <button type="submit" class="primary">
          {closed ? 'Save the costs and notes' : 'Save the plan'}
        </button>
      )}
      {saved && <p role="status">Saved.</p>}
    </form>
  );
}
