import type { SessionView } from '@peermap/contract';
import { isPastSessionDate } from '@peermap/domain/uk-day';
import { useState } from 'preact/hooks';
import type { PageContext } from '../../app';
import { holds } from '../../session';
import { Loading, PageHeading, ProblemView, useLoad } from '../../ui';
import { CancelForm } from './plan-cancel';
import { PlanForm } from './plan-form';
import { StageLine } from './plan-steps';
import { dayInWords } from './words';

/** Whom the session is for, in words: "Group 3", "Harbour Road shops", or the young people chosen. */
export function forInWords(view: Pick<SessionView, 'for'>): string {
  const { kind, name } = view.for;
  if (name) return name;
  if (kind === 'chosen_young_people') return 'Chosen young people';
  return kind === 'place' ? 'A place no longer on the map' : 'A group no longer found';
}

/** A session whose day has gone by with parents recorded as coming: they can go on meeting as a group. */
const parentsCame = (view: SessionView) => isPastSessionDate(view.session.date, new Date()) && view.counts.attended > 0;

function Links({ view, me }: Pick<PageContext, 'me'> & { view: SessionView | undefined }) {
  return (
    <p>
      <a href="#/sessions">Back to every session</a>
      {view && holds(me, 'invitations:read') && (
        <>
          {' · '}
          <a href={`#/sessions/${view.id}/list`}>Open the invitation list</a>
        </>
      )}
      {view?.for.kind === 'peer_group' && (
        <>
          {' · '}
          <a href={`#/clusters/${view.for.id}`}>Open the group’s page</a>
        </>
      )}
      {view && view.for.kind !== 'parent_group' && holds(me, 'parent-groups:write') && parentsCame(view) && (
        <>
          {' · '}
          <a href={`#/parent-groups/from/${view.id}`}>Start a parent group from this session</a>
        </>
      )}
      {view?.for.kind === 'parent_group' && holds(me, 'parent-groups:read') && (
        <>
          {' · '}
          <a href={`#/parent-groups/${view.for.id}`}>Open the parent group</a>
        </>
      )}
    </p>
  );
}

/**
 * One Parent Empowerment Session, its life as it stands: where it is in its steps, its plan (to
 * change, for those who plan sessions), and calling it off. The people's side of its life (the
 * list, the risk assessment, attendance, follow-ups, feedback) is on its list page.
 */
export function SessionPage(context: PageContext & { sessionId: string }) {
  const { api, me, sessionId } = context;
  const loaded = useLoad(
    async () => (await api.get('/v1/sessions/{id}', { params: { id: sessionId } })).body,
    sessionId,
  );
  const [changed, setChanged] = useState<SessionView | undefined>(undefined);
  const view = changed?.id === sessionId ? changed : loaded.data;
  const canPlan = holds(me, 'sessions:plan');
  return (
    <section>
      <Links view={view} me={me} />
      <PageHeading>
        {view ? `Parent Empowerment Session, ${dayInWords(view.session.date)}` : 'Parent Empowerment Session'}
      </PageHeading>
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!view && loaded.error === undefined && <Loading what="the session" />}
      {view && (
        <>
          <p class="session-for">
            For <strong>{forInWords(view)}</strong>: {view.youngPeople} young people; {view.counts.invited} carers
            invited, {view.counts.askConsentFirst} to ask first, {view.counts.notInvited} not invited.
          </p>
          <StageLine view={view} />
          <PlanForm key={view.id} api={api} words={context.words} view={view} canPlan={canPlan} onSaved={setChanged} />
          {holds(me, 'invitations:read') && (
            <p class="next-steps">
              Who is invited, the risk assessment and its approval, who came and what is owed to those who could not,
              and the parents’ feedback are on <a href={`#/sessions/${view.id}/list`}>the session’s invitation list</a>.
            </p>
          )}
          {canPlan && view.status !== 'held' && view.status !== 'cancelled' && (
            <CancelForm api={api} view={view} onCancelled={setChanged} />
          )}
        </>
      )}
    </section>
  );
}
