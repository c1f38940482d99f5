import type { AuditEvent } from '@peermap/domain';
import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { ColumnHeads } from '../forms';
import { ROLE_NAMES } from '../session';
import { PageHeading, ProblemIfAny, useAttempt } from '../ui';

type LookUpBy = 'person' | 'carer' | 'user';

/** The events of one search, page by page, newest first. */
function useAuditSearch(api: PageContext['api']) {
  const [events, setEvents] = useState<AuditEvent[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  // The search the shown events answer: "older events" continues it, whatever the form now says.
  const [asked, setAsked] = useState<{ by: string; value: string } | undefined>(undefined);
  const { error, attempt } = useAttempt();

  const load = (search: { by: string; value: string }, more: boolean) =>
    attempt(async () => {
      setAsked(search);
      const query = { [search.by]: search.value, limit: 50, cursor: more ? cursor : undefined };
      const page = (await api.get('/v1/audit', { query })).body;
      setEvents((shown) => [...(more ? (shown ?? []) : []), ...page.items]);
      setCursor(page.cursor);
    });
  return {
    events,
    cursor,
    error,
    search: (by: LookUpBy, value: string) => load({ by, value: value.trim() }, false),
    older: () => (asked ? load(asked, true) : Promise.resolve()),
  };
}

/** Who read or changed whose records, and when: by young person, by carer, or by user. */
export function AuditPage({ api }: PageContext) {
  const { events, cursor, error, search, older } = useAuditSearch(api);
  return (
    <section>
      <PageHeading>Audit</PageHeading>
      <p>Every read and change of a child's or carer's record is recorded. Look one up by the person or by the user.</p>
      <AuditSearchForm onSearch={search} />
      <ProblemIfAny error={error} />
      {events && <AuditTable events={events} />}
      {cursor && (
        <button type="button" onClick={older}>
          Show older events
        </button>
      )}
    </section>
  );
}

function AuditSearchForm({ onSearch }: { onSearch: (by: LookUpBy, value: string) => void }) {
  const [by, setBy] = useState<LookUpBy>('person');
  const [value, setValue] = useState('');
  return (
    <form
      class="inline"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(by, value);
      }}
    >
      <label for="audit-by">Look up</label>
      <select id="audit-by" value={by} onChange={(e) => setBy(e.currentTarget.value as LookUpBy)}>
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
  );
}

/** Who acted, in words: a role, peermap's own scheduled work, or a parent through a one-time link. */
function actorInWords(role: AuditEvent['actor']['role']): string {
  if (role === 'system') return 'peermap, scheduled';
  if (role === 'anonymous') return 'not signed in: a one-time feedback link';
  return ROLE_NAMES[role];
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <table>
      <caption>{events.length} events, newest first</caption>
      <ColumnHeads names={['When', 'Who', 'What', 'Outcome', 'People named']} />
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
            <td>
              {e.actor.userId} ({actorInWords(e.actor.role)})
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
  );
}
