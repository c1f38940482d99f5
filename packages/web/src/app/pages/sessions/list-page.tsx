import { isPastSessionDate } from '@peermap/domain/uk-day';
import { useState } from 'preact/hooks';
import type { InvitationList } from '../../api-types';
import type { PageContext } from '../../app';
import { Loading, PageHeading, ProblemView, useLoad } from '../../ui';
import { ListView } from '../invitations/list-view';
import { FeedbackSection } from './feedback';
import { youngPeopleNames } from './names';
import { SessionSafety } from './safety';
import { dayInWords } from './words';

/** A session whose day has gone by with someone recorded as coming: the parents who came can go on meeting. */
const wasHeld = (list: InvitationList) =>
  isPastSessionDate(list.session.date, new Date()) && Object.values(list.attendance).includes('attended');

/** A list with the names of the young people it is for. */
async function listWithNames(api: PageContext['api'], id: string) {
  const list = (await api.get('/v1/invitation-lists/{id}', { params: { id } })).body;
  return { list, names: await youngPeopleNames(api, list.youngPersonRefs) };
}

/**
 * One session's people, opened from the sessions page or the session's plan: the risk assessment
 * and its approval, the list in its three parts with who came and what is owed to those who
 * could not, and the parents' feedback.
 */
export function SessionListPage({ api, me, listId }: PageContext & { listId: string }) {
  const loaded = useLoad(() => listWithNames(api, listId), listId);
  const [changed, setChanged] = useState<InvitationList | undefined>(undefined);
  const list = changed ?? loaded.data?.list;
  const nameOf = (ref: string) => loaded.data?.names.get(ref) ?? ref;
  return (
    <section>
      <p>
        <a href="#/sessions">Back to every session</a>
        {' · '}
        <a href={`#/sessions/${listId}`}>Open the session’s plan</a>
        {list?.clusterId && (
          <>
            {' · '}
            <a href={`#/clusters/${list.clusterId}`}>Open the group’s page</a>
          </>
        )}
        {list && !list.parentGroupId && me.permissions.includes('parent-groups:write') && wasHeld(list) && (
          <>
            {' · '}
            <a href={`#/parent-groups/from/${list.id}`}>Start a parent group from this session</a>
          </>
        )}
        {list?.parentGroupId && (
          <>
            {' · '}
            <a href={`#/parent-groups/${list.parentGroupId}`}>Open the parent group</a>
          </>
        )}
      </p>
      <PageHeading>
        {list ? `Parent Empowerment Session, ${dayInWords(list.session.date)}` : 'Parent Empowerment Session'}
      </PageHeading>
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!list && loaded.error === undefined && <Loading what="the invitation list" />}
      {list && (
        <SessionSafety
          api={api}
          me={me}
          session={list}
          onChanged={() => {
            setChanged(undefined);
            loaded.reload();
          }}
        />
      )}
      {list && <ListView key={list.id} api={api} me={me} list={list} nameOf={nameOf} onChanged={setChanged} />}
      {list && <FeedbackSection api={api} me={me} session={list} />}
    </section>
  );
}
