import type { SessionSummary } from '@peermap/contract';
import { ColumnHeads } from '../../forms';
import { dayInWords } from './words';

/** What the group column says: the group's number, or that the list was made for chosen young people. */
const groupOf = (session: SessionSummary) =>
  session.groupLabel ?? (session.clusterId ? 'A group no longer found' : 'Chosen young people');

/** How many came, once the day has gone by; before it, nothing yet. */
const cameOf = (session: SessionSummary) =>
  session.status === 'held'
    ? `${session.counts.attended} of ${session.counts.invited}${session.counts.apologies > 0 ? ` (${session.counts.apologies} sent apologies)` : ''}`
    : 'not yet held';

/** Sessions with their group, day, venue, who is invited and who came, each linked to its list. */
export function SessionsTable({ caption, sessions }: { caption: string; sessions: readonly SessionSummary[] }) {
  return (
    <table class="sessions">
      <caption>{caption}</caption>
      <ColumnHeads
        names={[
          'Day',
          'Group',
          'Time and venue',
          'Young people',
          'Invited',
          'Ask consent first',
          'Not invited',
          'Came',
          'List',
        ]}
      />
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id}>
            <th scope="row">{dayInWords(session.session.date)}</th>
            <td>
              {session.clusterId ? (
                <a href={`#/clusters/${session.clusterId}`}>{groupOf(session)}</a>
              ) : (
                groupOf(session)
              )}
            </td>
            <td>
              {session.session.time}, {session.session.venue}
            </td>
            <td>{session.youngPeople}</td>
            <td>{session.counts.invited}</td>
            <td>{session.counts.askConsentFirst}</td>
            <td>{session.counts.notInvited}</td>
            <td>{cameOf(session)}</td>
            <td>
              <a
                href={`#/sessions/${session.id}`}
                aria-label={`Open the list for ${groupOf(session)} on ${dayInWords(session.session.date)}`}
              >
                Open the list
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
