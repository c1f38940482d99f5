import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { type Me, ROLE_NAMES } from '../session';
import { PageHeading, ProblemView } from '../ui';

interface AuditEvent {
  id: string;
  at: string;
  actor: { userId: string; role: Me['role'] | 'system' };
  action: string;
  resource: string;
  subjects: { youngPeople: string[]; carers: string[] };
  outcome: string;
  restricted?: boolean;
  detail?: string;
}

/** Who read or changed whose records, and when: by young person, by carer, or by user. */
export function AuditPage({ api }: PageContext) {
  const [by, setBy] = useState<'person' | 'carer' | 'user'>('person');
  const [value, setValue] = useState('');
  const [events, setEvents] = useState<AuditEvent[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  // The search the shown events answer: "older events" continues it, whatever the form now says.
  const [asked, setAsked] = useState<{ by: string; value: string } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const load = async (more: boolean) => {
    setError(undefined);
    try {
      const search = more && asked ? asked : { by, value: value.trim() };
      setAsked(search);
      const query = new URLSearchParams({
        [search.by]: search.value,
        limit: '50',
        ...(more && cursor ? { cursor } : {}),
      });
      const page = (await api.get<{ items: AuditEvent[]; cursor?: string }>(`/v1/audit?${query}`)).body;
      setEvents((shown) => [...(more ? (shown ?? []) : []), ...page.items]);
      setCursor(page.cursor);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section>
      <PageHeading>Audit</PageHeading>
      <p>Every read and change of a child's or carer's record is recorded. Look one up by the person or by the user.</p>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void load(false);
        }}
      >
        <label for="audit-by">Look up</label>
        <select id="audit-by" value={by} onChange={(e) => setBy(e.currentTarget.value as typeof by)}>
          <option value="person">a young person (ref)</option>
          <option value="carer">a carer (ref)</option>
          <option value="user">a user (id)</option>
        </select>
        <label for="audit-value">Ref or id</label>
        <input id="audit-value" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit" class="primary">
          Show the record
        </button>
      </form>
      {error !== undefined && <ProblemView error={error} />}
      {events && (
        <table>
          <caption>{events.length} events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Outcome</th>
              <th scope="col">People named</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
                <td>
                  {e.actor.userId} ({e.actor.role === 'system' ? 'peermap, scheduled' : ROLE_NAMES[e.actor.role]})
                </td>
                <td>
                  {e.action} {e.resource}
                  {e.restricted ? ' (restricted intelligence)' : ''}
                </td>
                <td>
                  {e.outcome}
                  {e.detail ? `: ${e.detail}` : ''}
                </td>
                <td>
                  {e.subjects.youngPeople.length} young people, {e.subjects.carers.length} carers
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={() => load(true)}>
          Show older events
        </button>
      )}
    </section>
  );
}
