import type { ParentGroupView } from '@peermap/contract';
import { useState } from 'preact/hooks';
import type { PageContext } from '../../app';
import { Loading, PageHeading, ProblemView, useLoad } from '../../ui';
import { MembersPart } from './members';
import { GroupPlanPart } from './plan';
import { GroupSessionsPart } from './sessions';

/** A parent group: how it meets and what its parents asked for, its members, its sessions and its own plan. */
export function ParentGroupPage({ api, me, words, groupId }: PageContext & { groupId: string }) {
  const loaded = useLoad(
    async () => (await api.get('/v1/parent-groups/{id}', { params: { id: groupId } })).body,
    groupId,
  );
  const [changed, setChanged] = useState<ParentGroupView | undefined>(undefined);
  const view = changed ?? loaded.data;
  const reload = () => {
    setChanged(undefined);
    loaded.reload();
  };
  return (
    <section>
      <p>
        <a href="#/parent-groups">Back to every parent group</a>
      </p>
      <PageHeading>{view ? view.group.name : 'Parent group'}</PageHeading>
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!view && loaded.error === undefined && <Loading what="the parent group" />}
      {view && (
        <>
          <GroupDetails view={view} />
          <MembersPart
            api={api}
            view={view}
            mayWrite={me.permissions.includes('parent-groups:write')}
            onChanged={setChanged}
          />
          <GroupSessionsPart
            api={api}
            view={view}
            mayPlan={me.permissions.includes('sessions:plan')}
            onPlanned={reload}
          />
          <GroupPlanPart api={api} me={me} words={words} view={view} />
        </>
      )}
    </section>
  );
}

function GroupDetails({ view }: { view: ParentGroupView }) {
  const { group } = view;
  return (
    <dl class="group-details">
      <dt>Meets</dt>
      <dd>{group.meets ?? 'Not yet agreed'}</dd>
      <dt>Topics the parents asked for</dt>
      <dd>{group.topicsAsked.length > 0 ? group.topicsAsked.join(', ') : 'None yet'}</dd>
      <dt>Still meeting</dt>
      <dd>{group.status === 'active' ? 'Yes' : 'No, the group has ended'}</dd>
      {group.startedFromSessionId && (
        <>
          <dt>Grown from</dt>
          <dd>
            <a href={`#/sessions/${group.startedFromSessionId}`}>the session its first members came to</a>
          </dd>
        </>
      )}
    </dl>
  );
}
