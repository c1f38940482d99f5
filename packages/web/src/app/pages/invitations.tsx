import { useState } from 'preact/hooks';
import type { Api } from '../api';
import type { ClusterReport } from '../api-types';
import type { Me } from '../session';
import { DownloadButton, humanise, Loading, ProblemView, useLoad } from '../ui';

interface Listed {
  carerRef: string;
  name: string;
  relationship: string;
  youngPersonRefs: string[];
  preferredLanguage?: string;
  interpreterNeeded: boolean;
  transportNeeded: boolean;
  accessNeeds?: string;
}

interface InvitationList {
  id: string;
  version: number;
  session: { date: string; time: string; venue: string; facilitators: string[] };
  invite: (Listed & { contactRoute: string; phone?: string; email?: string })[];
  askConsentFirst: (Listed & { askedBy?: string })[];
  notInvited: (Listed & { reason: string })[];
  sizeWarning?: {
    limit: number;
    inviteCount: number;
    proposedSessions: { youngPersonRefs: string[]; carerRefs: string[] }[];
  };
  attendance: Record<string, string>;
}

const needsOf = (c: Listed) =>
  [
    c.preferredLanguage ? `speaks ${c.preferredLanguage}` : '',
    c.interpreterNeeded ? 'interpreter' : '',
    c.transportNeeded ? 'transport' : '',
    c.accessNeeds ?? '',
  ]
    .filter(Boolean)
    .join('; ');

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
    async () =>
      (await api.get<{ items: InvitationList[] }>(`/v1/clusters/${cluster.clusterId}/invitation-lists`)).body.items,
    cluster.clusterId,
  );
  const [made, setMade] = useState<InvitationList | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const canWrite = me.permissions.includes('invitations:write');
  const list = made ?? lists.data?.[0];

  const build = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setError(undefined);
    try {
      const answer = await api.send<InvitationList>(
        'POST',
        `/v1/clusters/${cluster.clusterId}/invitation-lists?week=${cluster.week}`,
        {
          json: {
            session: {
              date: String(form.get('date')),
              time: String(form.get('time')),
              venue: String(form.get('venue')).trim(),
              facilitators: String(form.get('facilitators'))
                .split(',')
                .map((name) => name.trim())
                .filter(Boolean),
            },
          },
        },
      );
      setMade(answer.body);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="invitations">
      <h2 id="invitations">Parent Empowerment Session</h2>
      {lists.error !== undefined && <ProblemView error={lists.error} />}
      {!lists.data && !lists.error && <Loading what="the invitation lists" />}
      {canWrite && (
        <form onSubmit={build} class="session">
          <h3>Build an invitation list</h3>
          <label for="session-date">Date</label>
          <input id="session-date" name="date" type="date" required />
          <label for="session-time">Time</label>
          <input id="session-time" name="time" type="time" required />
          <label for="session-venue">Venue</label>
          <input id="session-venue" name="venue" type="text" required maxLength={200} />
          <label for="session-facilitators">Facilitators (separate with commas)</label>
          <input id="session-facilitators" name="facilitators" type="text" />
          <button type="submit" class="primary">
            Build the invitation list
          </button>
        </form>
      )}
      {error !== undefined && <ProblemView error={error} />}
      {list && <ListView api={api} me={me} list={list} nameOf={nameOf} onChanged={setMade} />}
      {lists.data && !list && <p>No invitation list has been made for this group yet.</p>}
    </section>
  );
}

function ListView({
  api,
  me,
  list,
  nameOf,
  onChanged,
}: {
  api: Api;
  me: Me;
  list: InvitationList;
  nameOf: (ref: string) => string;
  onChanged: (list: InvitationList) => void;
}) {
  const [error, setError] = useState<unknown>(undefined);
  const canWrite = me.permissions.includes('invitations:write');
  const forWhom = (c: Listed) => c.youngPersonRefs.map(nameOf).join(', ');
  const record = async (carerRef: string, outcome: string) => {
    setError(undefined);
    try {
      const answer = await api.send<InvitationList>('PATCH', `/v1/invitation-lists/${list.id}`, {
        json: { attendance: { [carerRef]: outcome } },
        ifMatch: `"${list.version}"`,
      });
      onChanged(answer.body);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div class="invitation-list">
      <p>
        Session on {list.session.date} at {list.session.time}, {list.session.venue}
        {list.session.facilitators.length > 0 ? `, with ${list.session.facilitators.join(', ')}` : ''}.
      </p>
      {me.permissions.includes('exports:create') && (
        <div class="actions no-print">
          <DownloadButton api={api} path={`/v1/invitation-lists/${list.id}/export?format=docx`}>
            Download the list (Word)
          </DownloadButton>
          <DownloadButton api={api} path={`/v1/invitation-lists/${list.id}/export?format=csv`}>
            Download the list (CSV)
          </DownloadButton>
        </div>
      )}
      {list.sizeWarning && (
        <p class="note">
          {list.sizeWarning.inviteCount} carers would be invited, more than {list.sizeWarning.limit} for one session.
          Smaller sessions, along the group's sub-groups:{' '}
          {list.sizeWarning.proposedSessions
            .map(
              (s, i) =>
                `session ${i + 1} for ${s.youngPersonRefs.map(nameOf).join(', ')} (${s.carerRefs.length} carers)`,
            )
            .join('; ')}
          .
        </p>
      )}
      <table>
        <caption>Invite ({list.invite.length})</caption>
        <thead>
          <tr>
            <th scope="col">Carer</th>
            <th scope="col">For</th>
            <th scope="col">How to reach them</th>
            <th scope="col">Needs</th>
            <th scope="col">Attendance</th>
          </tr>
        </thead>
        <tbody>
          {list.invite.map((c) => (
            <tr key={c.carerRef}>
              <th scope="row">
                {c.name} ({humanise(c.relationship)})
              </th>
              <td>{forWhom(c)}</td>
              <td>{[humanise(c.contactRoute), c.phone ?? c.email ?? ''].filter(Boolean).join(': ')}</td>
              <td>{needsOf(c)}</td>
              <td>
                {canWrite ? (
                  <select
                    aria-label={`Attendance of ${c.name}`}
                    value={list.attendance[c.carerRef] ?? 'invited'}
                    onChange={(e) => record(c.carerRef, e.currentTarget.value)}
                  >
                    {['invited', 'attended', 'apologies', 'no_response'].map((o) => (
                      <option key={o} value={o}>
                        {humanise(o)}
                      </option>
                    ))}
                  </select>
                ) : (
                  humanise(list.attendance[c.carerRef] ?? 'invited')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Ask for consent first ({list.askConsentFirst.length})</caption>
        <thead>
          <tr>
            <th scope="col">Carer</th>
            <th scope="col">For</th>
            <th scope="col">Who asks</th>
            <th scope="col">Needs</th>
          </tr>
        </thead>
        <tbody>
          {list.askConsentFirst.map((c) => (
            <tr key={c.carerRef}>
              <th scope="row">
                {c.name} ({humanise(c.relationship)})
              </th>
              <td>{forWhom(c)}</td>
              <td>{c.askedBy ?? 'the key worker'}</td>
              <td>{needsOf(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Not invited ({list.notInvited.length})</caption>
        <thead>
          <tr>
            <th scope="col">Carer</th>
            <th scope="col">For</th>
            <th scope="col">Why not</th>
          </tr>
        </thead>
        <tbody>
          {list.notInvited.map((c) => (
            <tr key={c.carerRef}>
              <th scope="row">
                {c.name} ({humanise(c.relationship)})
              </th>
              <td>{forWhom(c)}</td>
              <td>{humanise(c.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error !== undefined && <ProblemView error={error} />}
    </div>
  );
}
