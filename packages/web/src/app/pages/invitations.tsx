import { useState } from 'preact/hooks';
import type { Api } from '../api';
import type { ClusterReport, InvitationList } from '../api-types';
import type { Me } from '../session';
import { Loading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';
import { ListView } from './invitations/list-view';
import { ListsTable } from './invitations/lists-table';
import { SessionForm } from './invitations/session-form';
import { useKeptRecords } from './kept-records';

/** The Parent Empowerment Session's invitation lists: every list kept, each in its three parts with who came. */
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
  const listed = useLoad(
    async () => (await api.get('/v1/clusters/{id}/invitation-lists', { params: { id: cluster.clusterId } })).body.items,
    cluster.clusterId,
  );
  const { records: lists, remember } = useKeptRecords<InvitationList>(listed.data);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const { error, attempt } = useAttempt();
  const list = lists?.find((each) => each.id === openId) ?? lists?.[0];

  const build = (session: InvitationList['session']) =>
    attempt(async () => {
      const where = { params: { id: cluster.clusterId }, query: { week: cluster.week } };
      const made = (await api.send('POST', '/v1/clusters/{id}/invitation-lists', { ...where, json: { session } })).body;
      remember(made);
      setOpenId(made.id);
    });

  return (
    <section aria-labelledby="invitations">
      <h2 id="invitations">Parent Empowerment Session</h2>
      {listed.error !== undefined && <ProblemView error={listed.error} />}
      {!lists && !listed.error && <Loading what="the invitation lists" />}
      {me.permissions.includes('invitations:write') && <SessionForm onSession={build} />}
      <ProblemIfAny error={error} />
      {lists && lists.length > 0 && <ListsTable lists={lists} openId={list?.id} onOpen={setOpenId} />}
      {list && <ListView key={list.id} api={api} me={me} list={list} nameOf={nameOf} onChanged={remember} />}
      {lists && !list && <p>No invitation list has been made for this group yet.</p>}
    </section>
  );
}
