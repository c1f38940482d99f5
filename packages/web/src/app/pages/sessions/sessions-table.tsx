import type { SessionSummary } from '@peermap/contract';
import { ColumnHeads } from '../../forms';
import { forInWords } from './plan-page';
import { stageInWords } from './plan-steps';
import { dayInWords } from './words';

/** What the "for" column says: the group's number, the place's name, or that the list was made for chosen young people. */
const groupOf = (session: SessionSummary) => forInWords(session);

/** Where the group or place has a page of its own, its address. */
const pageOf = (session: SessionSummary) =>
  session.for.kind === 'peer_group' ? `#/clusters/${session.for.id}` : undefined;

/** How many came, once the day has gone by; before it, nothing yet. */
const cameOf = (session: SessionSummary) =>
  session.status === 'held'
    ? `${session.counts.attended} of ${session.counts.invited}${session.counts.apologies > 0 ? ` (${session.counts.apologies} sent apologies)` : ''}`
    : 'not yet held';

function GroupCell({ session }: { session: SessionSummary }) {
  const href = pageOf(session);
  return href ? <a href={href}>{groupOf(session)}</a> : groupOf(session);
}

/** Sessions with their group, day, venue, who is invited and who came, each linked to its list. */
export function SessionsTable({ caption, sessions }: { caption: string; sessions: readonly SessionSummary[] }) {
  return (
    <table class="sessions">
      <caption>{caption}</caption>
      <ColumnHeads
        names={[
          'Day',
          'For',
          'Time and venue',
          'Young people',
          'Invited',
          'Ask consent first',
          'Not invited',
          'Came',
          'Stage',
          'Session',
        ]}
      />
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id}>
            <th scope="row">{dayInWords(session.session.date)}</th>
            <td>
              <GroupCell session={session} />
            </td>
            <td>
              {session.session.time}, {session.session.venue}
            </td>
            <td>{session.youngPeople}</td>
            <td>{session.counts.invited}</td>
            <td>{session.counts.askConsentFirst}</td>
            <td>{session.counts.notInvited}</td>
            <td>{cameOf(session)}</td>
            <td>{stageInWords(session.stage)}</td>
            <td>
              <a
                href={`#/sessions/${session.id}`}
                aria-label={`Open the session for ${groupOf(session)} on ${dayInWords(session.session.date)}`}
              >
                Open the session
              </a>
              <br />
              <a
                href={`#/sessions/${session.id}/list`}
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
