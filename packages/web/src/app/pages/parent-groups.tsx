import type { ParentGroupSummary, SessionSummary } from '@peermap/contract';
import type { PageContext } from '../app';
import { allPages } from '../data';
import { ColumnHeads } from '../forms';
import { Loading, PageHeading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';
import { topicsFrom } from './parent-groups/words';
import { dayInWords } from './sessions/words';

/**
 * Parent groups that go on meeting after a session, like Sandwell's monthly kitchen table
 * talks or the Leeds Safe Project's groups: each with its members and sessions counted, and
 * (for the early help lead) a group started, empty or from a session already held.
 */
export function ParentGroupsPage({ api, me, fromSessionId }: PageContext & { fromSessionId?: string }) {
  const groups = useLoad(() => allPages((query) => api.get('/v1/parent-groups', { query })), 'parent-groups');
  return (
    <section>
      <PageHeading>Parent groups</PageHeading>
      <p>
        Parents who go on meeting after a session: new parents join, the group chooses its topics, and its own plan, the
        joint safeguarding strategy, is made with early help. Open a group to see its members, its sessions and its
        plan.
      </p>
      <section aria-labelledby="groups">
        <h2 id="groups">Groups</h2>
        {groups.error !== undefined && <ProblemView error={groups.error} />}
        {!groups.data && groups.error === undefined && <Loading what="the parent groups" />}
        {groups.data?.length === 0 && <p>No parent group has been started yet.</p>}
        {groups.data && groups.data.length > 0 && <GroupsTable groups={groups.data} />}
      </section>
      {me.permissions.includes('parent-groups:write') && <StartGroup api={api} fromSessionId={fromSessionId} />}
    </section>
  );
}

function GroupsTable({ groups }: { groups: readonly ParentGroupSummary[] }) {
  return (
    <table class="parent-groups">
      <caption>Every parent group of the partnership</caption>
      <ColumnHeads names={['Group', 'Meets', 'Topics asked', 'Members', 'Sessions', 'Still meeting']} />
      <tbody>
        {groups.map((group) => (
          <tr key={group.id}>
            <th scope="row">
              <a href={`#/parent-groups/${group.id}`}>{group.name}</a>
            </th>
            <td>{group.meets ?? 'not yet agreed'}</td>
            <td>{group.topicsAsked.join(', ') || 'none yet'}</td>
            <td>{group.members}</td>
            <td>{group.sessions}</td>
            <td>{group.status === 'active' ? 'Yes' : 'Ended'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A held session as the lead picks it: its day, where, its group and how many came. */
const heldInWords = (session: SessionSummary) =>
  `${dayInWords(session.session.date)}, ${session.session.venue}${session.groupLabel ? ` (${session.groupLabel})` : ''}: ${session.counts.attended} came`;

/** Starts a group, empty or from a held session: its first members are the parents who came. */
function StartGroup({ api, fromSessionId }: Pick<PageContext, 'api'> & { fromSessionId?: string | undefined }) {
  const held = useLoad(async () => (await api.get('/v1/invitation-lists', { query: { when: 'past' } })).body, 'held');
  const { error, attempt } = useAttempt();
  const start = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const from = String(form.get('from') ?? '');
    const meets = String(form.get('meets')).trim();
    return attempt(async () => {
      const made = await api.send('POST', '/v1/parent-groups', {
        json: {
          name: String(form.get('name')).trim(),
          ...(from ? { startedFromSessionId: from } : {}),
          ...(meets ? { meets } : {}),
          topicsAsked: topicsFrom(String(form.get('topics'))),
        },
      });
      window.location.hash = `#/parent-groups/${made.body.group.id}`;
    });
  };
  const sessions = (held.data?.items ?? []).filter((session) => session.counts.attended > 0);
  return (
    <section aria-labelledby="start-group">
      <h2 id="start-group">Start a group</h2>
      <form onSubmit={start} class="session">
        <label for="group-name">The group’s name</label>
        <input id="group-name" name="name" type="text" required maxLength={120} />
        <label for="group-from">Grown from a session held</label>
        <select id="group-from" name="from" aria-describedby="group-from-help">
          <option value="">None: start with no members</option>
          {sessions.map((session) => (
            // The session the lead came from is chosen once its option is there; a later choice of theirs stands.
            <option key={session.id} value={session.id} selected={session.id === fromSessionId}>
              {heldInWords(session)}
            </option>
          ))}
        </select>
        <p id="group-from-help" class="subtle">
          The parents recorded as coming to the session become its first members, unless they have since withdrawn
          consent or are not to be contacted.
        </p>
        {held.error !== undefined && <ProblemView error={held.error} />}
        <label for="group-meets">How often it meets</label>
        <input id="group-meets" name="meets" type="text" maxLength={120} placeholder="Monthly, first Tuesday" />
        <label for="group-topics">Topics the parents asked for (separate with commas)</label>
        <input id="group-topics" name="topics" type="text" />
        <button type="submit" class="primary">
          Start the group
        </button>
        <ProblemIfAny error={error} />
      </form>
    </section>
  );
}
