import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api';
import type { Words } from '../app';
import type { Me } from '../session';
import { DownloadButton, humanise, Loading, ProblemView, useLoad } from '../ui';
import type { ClusterReport } from './cluster';

interface Action {
  id: string;
  description: string;
  ownerAgency: string;
  ownerName?: string;
  dueOn: string;
  status: string;
  coversRefs: string[];
}

interface Plan {
  id: string;
  status: 'draft' | 'agreed' | 'reviewed';
  version: number;
  summary: string;
  actions: Action[];
  updatedAt: string;
}

interface PlanView {
  plan: Plan;
  languageNotes: { field: string; phrase: string; suggestion: string }[];
  uncovered: string[];
}

/** The group's action plan: drafted from the partnership's rules, edited with the words checked, agreed by the chair. */
export function PlanPanel({
  api,
  me,
  words,
  cluster,
  nameOf,
}: {
  api: Api;
  me: Me;
  words: Words;
  cluster: ClusterReport;
  nameOf: (ref: string) => string;
}) {
  const plans = useLoad(
    async () => (await api.get<{ items: Plan[] }>(`/v1/clusters/${cluster.clusterId}/action-plans`)).body.items,
    cluster.clusterId,
  );
  const [view, setView] = useState<PlanView | undefined>(undefined);
  const [etag, setEtag] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const canWrite = me.permissions.includes('plans:write');
  const latest = plans.data?.[0];

  const open = async (id: string) => {
    setError(undefined);
    try {
      const answer = await api.get<PlanView>(`/v1/action-plans/${id}`);
      setView(answer.body);
      setEtag(answer.etag);
    } catch (failure) {
      setError(failure);
    }
  };
  const draft = async () => {
    setError(undefined);
    try {
      const answer = await api.send<PlanView>(
        'POST',
        `/v1/clusters/${cluster.clusterId}/action-plans?week=${cluster.week}`,
        {
          json: {},
        },
      );
      setView(answer.body);
      setEtag(answer.etag);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="plan">
      <h2 id="plan">Action plan</h2>
      {plans.error !== undefined && <ProblemView error={plans.error} />}
      {!plans.data && !plans.error && <Loading what="the plans" />}
      {plans.data && !view && (
        <div class="actions">
          {latest ? (
            <button type="button" onClick={() => open(latest.id)}>
              Open the plan ({latest.status}, version {latest.version})
            </button>
          ) : (
            <p>There is no plan for this group yet.</p>
          )}
          {canWrite && (
            <button type="button" onClick={draft}>
              Draft a new plan from the partnership's rules
            </button>
          )}
        </div>
      )}
      {error !== undefined && <ProblemView error={error} />}
      {view && etag && (
        <PlanEditor
          api={api}
          words={words}
          me={me}
          cluster={cluster}
          nameOf={nameOf}
          view={view}
          etag={etag}
          onSaved={(next, nextEtag) => {
            setView(next);
            setEtag(nextEtag);
          }}
        />
      )}
    </section>
  );
}

function PlanEditor(props: {
  api: Api;
  words: Words;
  me: Me;
  cluster: ClusterReport;
  nameOf: (ref: string) => string;
  view: PlanView;
  etag: string;
  onSaved: (view: PlanView, etag: string) => void;
}) {
  const { api, me, words, cluster, nameOf, view, etag, onSaved } = props;
  const [summary, setSummary] = useState(view.plan.summary);
  const [actions, setActions] = useState<Action[]>(view.plan.actions);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const canWrite = me.permissions.includes('plans:write');
  const canAgree = me.permissions.includes('plans:agree');
  // The meeting agrees what is saved: while the page holds unsaved changes, save them first.
  const unsaved = summary !== view.plan.summary || JSON.stringify(actions) !== JSON.stringify(view.plan.actions);
  const notes = useLiveNotes(api, summary, actions, view.languageNotes);
  const notesFor = (field: string) => notes.filter((note) => note.field === field);
  const change = (index: number, patch: Partial<Action>) =>
    setActions((all) => all.map((action, i) => (i === index ? { ...action, ...patch } : action)));

  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const answer = await api.send<PlanView>('PATCH', `/v1/action-plans/${view.plan.id}`, {
        json: { summary, actions },
        ifMatch: etag,
      });
      setSaved('Saved. The words have been checked again.');
      onSaved(answer.body, answer.etag ?? etag);
    } catch (failure) {
      setError(failure);
    }
  };
  const move = async (status: 'agreed' | 'reviewed' | 'draft') => {
    setError(undefined);
    try {
      const answer = await api.send<PlanView>('POST', `/v1/action-plans/${view.plan.id}/status`, {
        json: { status },
        ifMatch: etag,
      });
      setSaved(`The plan is now ${status}.`);
      onSaved(answer.body, answer.etag ?? etag);
    } catch (failure) {
      setError(failure);
    }
  };
  const addAction = () =>
    setActions((all) => [
      ...all,
      {
        id: `action-${Date.now().toString(36)}`,
        description: '',
        ownerAgency: 'early_help',
        dueOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
        status: 'not_started',
        coversRefs: [],
      },
    ]);

  return (
    <form onSubmit={save} class="plan-editor">
      <p>
        Status: <strong>{view.plan.status}</strong> · version {view.plan.version} · last changed{' '}
        {view.plan.updatedAt.slice(0, 16).replace('T', ' ')}
      </p>
      {view.uncovered.length > 0 && (
        <p class="note" role="status">
          No action covers {view.uncovered.map(nameOf).join(', ')} yet: the plan can be agreed once everyone has one.
        </p>
      )}
      <label for="plan-summary">Summary</label>
      <textarea
        id="plan-summary"
        rows={4}
        value={summary}
        disabled={!canWrite}
        onInput={(e) => setSummary(e.currentTarget.value)}
        aria-describedby="plan-summary-notes"
      />
      <Notes id="plan-summary-notes" notes={notesFor('summary')} />
      <fieldset>
        <legend>Actions</legend>
        {actions.map((action, index) => (
          <div class="action" key={action.id}>
            <label for={`action-${index}-description`}>Action {index + 1}</label>
            <textarea
              id={`action-${index}-description`}
              rows={2}
              value={action.description}
              disabled={!canWrite}
              onInput={(e) => change(index, { description: e.currentTarget.value })}
              aria-describedby={`action-${index}-notes`}
            />
            <Notes id={`action-${index}-notes`} notes={notesFor(`actions.${index}.description`)} />
            <div class="row">
              <label for={`action-${index}-owner`}>Who</label>
              <select
                id={`action-${index}-owner`}
                value={action.ownerAgency}
                disabled={!canWrite}
                onChange={(e) => change(index, { ownerAgency: e.currentTarget.value })}
              >
                {words.actionOwners.map((owner) => (
                  <option key={owner} value={owner}>
                    {humanise(owner)}
                  </option>
                ))}
              </select>
              <label for={`action-${index}-due`}>By</label>
              <input
                id={`action-${index}-due`}
                type="date"
                value={action.dueOn}
                disabled={!canWrite}
                onInput={(e) => change(index, { dueOn: e.currentTarget.value })}
              />
              <label for={`action-${index}-status`}>Progress</label>
              <select
                id={`action-${index}-status`}
                value={action.status}
                disabled={!canWrite}
                onChange={(e) => change(index, { status: e.currentTarget.value })}
              >
                {words.actionStatuses.map((status) => (
                  <option key={status} value={status}>
                    {humanise(status)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset class="covers">
              <legend>For</legend>
              {cluster.memberRefs.map((ref) => (
                <div class="choice" key={ref}>
                  <input
                    type="checkbox"
                    id={`action-${index}-covers-${ref}`}
                    checked={action.coversRefs.includes(ref)}
                    disabled={!canWrite}
                    onChange={(e) =>
                      change(index, {
                        coversRefs: e.currentTarget.checked
                          ? [...action.coversRefs, ref]
                          : action.coversRefs.filter((r) => r !== ref),
                      })
                    }
                  />
                  <label for={`action-${index}-covers-${ref}`}>{nameOf(ref)}</label>
                </div>
              ))}
            </fieldset>
            {canWrite && (
              <button type="button" onClick={() => setActions((all) => all.filter((_, i) => i !== index))}>
                Remove action {index + 1}
              </button>
            )}
          </div>
        ))}
        {canWrite && (
          <button type="button" onClick={addAction}>
            Add an action
          </button>
        )}
      </fieldset>
      <div class="actions">
        {canWrite && (
          <button type="submit" class="primary">
            Save the plan
          </button>
        )}
        {canAgree && view.plan.status === 'draft' && (
          <button type="button" onClick={() => move('agreed')} disabled={unsaved} aria-describedby="agree-note">
            Agree the plan
          </button>
        )}
        {canAgree && unsaved && (
          <span id="agree-note" class="subtle">
            Save the changes before the plan is agreed.
          </span>
        )}
        {canAgree && view.plan.status === 'agreed' && (
          <button type="button" onClick={() => move('reviewed')}>
            Mark the plan reviewed
          </button>
        )}
        {me.permissions.includes('exports:create') && (
          <>
            <DownloadButton api={api} path={`/v1/action-plans/${view.plan.id}/export?format=docx`}>
              Download the plan (Word)
            </DownloadButton>
            <DownloadButton api={api} path={`/v1/action-plans/${view.plan.id}/export?format=html`}>
              Download the plan to print
            </DownloadButton>
          </>
        )}
      </div>
      {saved && <p role="status">{saved}</p>}
      {error !== undefined && <ProblemView error={error} />}
    </form>
  );
}

/**
 * The words check as people write: the text is checked a moment after typing stops (the
 * guide lives in the API, with the partnership's own phrases), so the notes stand next to the
 * words before anything is saved.
 */
function useLiveNotes(api: Api, summary: string, actions: Action[], saved: PlanView['languageNotes']) {
  const [notes, setNotes] = useState(saved);
  const fields = JSON.stringify({
    summary,
    ...Object.fromEntries(actions.map((a, index) => [`actions.${index}.description`, a.description])),
  });
  useEffect(() => {
    const timer = setTimeout(() => {
      api
        .send<{ notes: PlanView['languageNotes'] }>('POST', '/v1/language-check', {
          json: { fields: JSON.parse(fields) },
        })
        .then((answer) => setNotes(answer.body.notes))
        .catch(() => undefined);
    }, 500);
    return () => clearTimeout(timer);
  }, [api, fields]);
  return notes;
}

/** The words check, next to the words: notes, not refusals; the person writing decides. */
function Notes({ id, notes }: { id: string; notes: PlanView['languageNotes'] }) {
  return (
    <div id={id} class="language-notes" aria-live="polite">
      {notes.map((note) => (
        <p key={note.phrase}>
          Instead of “{note.phrase}”, try “{note.suggestion}”.
        </p>
      ))}
    </div>
  );
}
