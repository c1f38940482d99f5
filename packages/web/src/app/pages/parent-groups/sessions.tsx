import type { ParentGroupView } from '@peermap/contract';
import type { Api } from '../../api';
import { ColumnHeads } from '../../forms';
import { humanise, ProblemIfAny, useAttempt } from '../../ui';
import { SessionForm } from '../invitations/session-form';
import { dayInWords } from '../sessions/words';

interface SessionsProps {
  api: Api;
  view: ParentGroupView;
  mayPlan: boolean;
  onPlanned: () => void;
}

/** The group's sessions, latest first, each linked to its page (and from there its list); and the next one planned for its members. */
export function GroupSessionsPart({ api, view, mayPlan, onPlanned }: SessionsProps) {
  const { error, attempt } = useAttempt();
  const plan = (session: ParentGroupView['sessions'][number]['session']) =>
    attempt(async () => {
      await api.send('POST', '/v1/parent-groups/{id}/sessions', { params: { id: view.group.id }, json: { session } });
      onPlanned();
    });
  return (
    <section aria-labelledby="group-sessions">
      <h2 id="group-sessions">Sessions</h2>
      {view.sessions.length === 0 && <p>The group has no session of its own yet.</p>}
      {view.sessions.length > 0 && (
        <table class="sessions">
          <caption>The group’s sessions, the latest first</caption>
          <ColumnHeads names={['Day', 'Time and venue', 'Where it stands', 'Invited', 'Came', 'Session']} />
          <tbody>
            {view.sessions.map((each) => (
              <tr key={each.id}>
                <th scope="row">{dayInWords(each.session.date)}</th>
                <td>
                  {each.session.time}, {each.session.venue}
                </td>
                <td>{humanise(each.status)}</td>
                <td>{each.invited}</td>
                <td>{each.status === 'held' ? each.attended : 'not yet held'}</td>
                <td>
                  <a href={`#/sessions/${each.id}`} aria-label={`Open the session on ${dayInWords(each.session.date)}`}>
                    Open the session
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayPlan && view.group.status === 'active' && (
        <>
          <p class="subtle" id="next-session-help">
            To plan the group’s next session, build its invitation list here: the members are invited as any list sorts
            them (consent, do-not-contact, safety notes), on the topics the parents asked for
            {view.group.topicsAsked.length > 0 ? `: ${view.group.topicsAsked.join(', ')}` : ''}.
          </p>
          <SessionForm onSession={plan} />
        </>
      )}
      <ProblemIfAny error={error} />
    </section>
  );
}
