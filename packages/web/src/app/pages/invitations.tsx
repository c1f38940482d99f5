import { useState } from 'preact/hooks';
import type { Api } from '../api';
import type { ClusterReport, InvitationList } from '../api-types';
import type { Me } from '../session';
import { Loading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';
import { ListView } from './invitations/list-view';
import { SessionForm, sessionOf } from './invitations/session-form';

/** The Parent Empowerment Session's invitation list: invite, ask consent first, not invited (and why). */
export function InvitationPanel({
  api,
  me,
  cluster,
  nameOf,
}: {
  api: Api;
  me: Me;
  cluster: ClusterReport;
  nameOf: (ref: string) => string;
}) {
  const lists = useLoad(
    async () => (await api.get('/v1/clusters/{id}/invitation-lists', { params: { id: cluster.clusterId } })).body.items,
    cluster.clusterId,
  );
  const [made, setMade] = useState<InvitationList | undefined>(undefined);
  const { error, attempt } = useAttempt();
  const list = made ?? lists.data?.[0];

  const build = (event: Event) => {
    event.preventDefault();
    const session = sessionOf(new FormData(event.currentTarget as HTMLFormElement));
    return attempt(async () => {
      const where = { params: { id: cluster.clusterId }, query: { week: cluster.week } };
      setMade((await api.send('POST', '/v1/clusters/{id}/invitation-lists', { ...where, json: { session } })).body);
    });
  };

  return (
    <section aria-labelledby="invitations">
      <h2 id="invitations">Parent Empowerment Session</h2>
      {lists.error !== undefined && <ProblemView error={lists.error} />}
      {!lists.data && !lists.error && <Loading what="the invitation lists" />}
      {me.permissions.includes('invitations:write') && <SessionForm onSubmit={build} />}
      <ProblemIfAny error={error} />
      {list && <ListView api={api} me={me} list={list} nameOf={nameOf} onChanged={setMade} />}
      {lists.data && !list && <p>No invitation list has been made for this group yet.</p>}
    </section>
  );
}
