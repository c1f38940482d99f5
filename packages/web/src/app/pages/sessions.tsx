import type { SessionSummary } from '@peermap/contract';
import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { Loading, PageHeading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';
import { type MorePages, nextCursor, noMorePagesYet, withPage } from './sessions/more-pages';
import { SessionsTable } from './sessions/sessions-table';

type When = 'upcoming' | 'past';

const HEADINGS: Record<When, { id: string; title: string; caption: string; none: string }> = {
  upcoming: {
    id: 'sessions-upcoming',
    title: 'Still to come',
    caption: 'Sessions from today, the nearest first',
    none: 'No session is planned yet. A list is built from a peer group’s page, for the group’s parents and carers.',
  },
  past: {
    id: 'sessions-past',
    title: 'Held',
    caption: 'Sessions held, the latest first',
    none: 'No session has been held yet.',
  },
};

/**
 * The early help lead's Parent Empowerment Sessions across the partnership: those still to
 * come and those held, each with its group, day, who is invited and who came, and its list.
 */
export function SessionsPage({ api }: PageContext) {
  return (
    <section>
      <PageHeading>Parent Empowerment Sessions</PageHeading>
      <p>
        Every session the partnership has planned for parents and carers. A session still to come counts the carers it
        invites as their consent stands today; a session held counts who was invited and who came, as recorded then.
        Open a session to plan it and see where it stands, or its list to see who is invited, whom to ask first, and to
        record who came.
      </p>
      <SessionsPart api={api} when="upcoming" />
      <SessionsPart api={api} when="past" />
    </section>
  );
}

/** One part of the page, a page of sessions at a time, with more on request. */
function SessionsPart({ api, when }: Pick<PageContext, 'api'> & { when: When }) {
  const heading = HEADINGS[when];
  const first = useLoad(async () => (await api.get('/v1/invitation-lists', { query: { when } })).body, when);
  const [more, setMore] = useState<MorePages<SessionSummary>>(noMorePagesYet());
  const { error, attempt } = useAttempt();
  const cursor = nextCursor(first.data?.cursor, more);
  const sessions = [...(first.data?.items ?? []), ...more.items];
  const showMore = () =>
    attempt(async () => {
      const page = (await api.get('/v1/invitation-lists', { query: { when, cursor } })).body;
      setMore(withPage(more, page));
    });
  return (
    <section aria-labelledby={heading.id}>
      <h2 id={heading.id}>{heading.title}</h2>
      {first.error !== undefined && <ProblemView error={first.error} />}
      {!first.data && first.error === undefined && <Loading what={`the sessions ${heading.title.toLowerCase()}`} />}
      {first.data && sessions.length === 0 && <p>{heading.none}</p>}
      {sessions.length > 0 && <SessionsTable caption={heading.caption} sessions={sessions} />}
      {cursor && (
        <button type="button" onClick={showMore}>
          Show more sessions {heading.title.toLowerCase()}
        </button>
      )}
      <ProblemIfAny error={error} />
    </section>
  );
}
