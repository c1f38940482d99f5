import type { CarerView } from '@peermap/domain';
import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { allPages } from '../data';
import { ColumnHeads } from '../forms';
import { Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { CONSENT_WORDS, recordedWords } from './carers/consent-words';

const PER_PAGE = 20;

/** Every carer with the names of the young people they care for, to find a carer by either. */
async function carersWithNames(api: PageContext['api']) {
  const [carers, people] = await Promise.all([
    allPages((query) => api.get('/v1/carers', { query })),
    allPages((query) => api.get('/v1/young-people', { query })),
  ]);
  const names = new Map(people.map((person) => [person.ref, person.displayName]));
  return carers
    .map((carer) => ({ carer, caresFor: carer.youngPersonRefs.map((ref) => names.get(ref) ?? ref) }))
    .sort((a, b) => a.carer.name.localeCompare(b.carer.name));
}

type Row = Awaited<ReturnType<typeof carersWithNames>>[number];

const matches = (row: Row, search: string) =>
  [row.carer.name, row.carer.ref, ...row.carer.youngPersonRefs, ...row.caresFor].some((text) =>
    text.toLowerCase().includes(search),
  );

/** Carers and consent: find a carer, see where their consent stands, and open them to record a decision. */
export function CarersPage({ api }: PageContext) {
  const loaded = useLoad(() => carersWithNames(api), 'carers');
  const [search, setSearch] = useState('');
  const [start, setStart] = useState(0);
  const found = (loaded.data ?? []).filter((row) => matches(row, search.trim().toLowerCase()));
  const shown = found.slice(start, start + PER_PAGE);
  return (
    <section>
      <PageHeading>Carers and consent</PageHeading>
      <p>
        A carer is contacted about a group only with their consent. Open a carer to record that they gave, declined or
        withdrew it; every earlier decision stays on their record.
      </p>
      <label for="carer-search">Find a carer by their name, or by a young person’s name or reference</label>
      <input
        id="carer-search"
        type="search"
        size={40}
        value={search}
        onInput={(e) => {
          setSearch(e.currentTarget.value);
          setStart(0);
        }}
      />
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!loaded.data && loaded.error === undefined && <Loading what="the carers" />}
      {loaded.data && (
        <p role="status">
          {found.length === 0
            ? 'No carer matches.'
            : `Showing ${start + 1} to ${start + shown.length} of ${found.length} carers.`}
        </p>
      )}
      {shown.length > 0 && <CarersTable rows={shown} />}
      <div class="pager">
        {start > 0 && (
          <button type="button" onClick={() => setStart(Math.max(0, start - PER_PAGE))}>
            Previous {PER_PAGE}
          </button>
        )}
        {start + PER_PAGE < found.length && (
          <button type="button" onClick={() => setStart(start + PER_PAGE)}>
            Next {PER_PAGE}
          </button>
        )}
      </div>
    </section>
  );
}

function CarersTable({ rows }: { rows: readonly Row[] }) {
  return (
    <table class="carers">
      <caption>Carers by name</caption>
      <ColumnHeads names={['Carer', 'Cares for', 'Consent now', 'Recorded', 'Record or change']} />
      <tbody>
        {rows.map(({ carer, caresFor }) => (
          <tr key={carer.ref}>
            <th scope="row">
              {carer.name} ({carer.ref})
            </th>
            <td>{caresFor.join(', ')}</td>
            <td>{consentNow(carer)}</td>
            <td>{carer.consent ? recordedWords(carer.consent) : ''}</td>
            <td>
              <a href={`#/carers/${carer.ref}`} aria-label={`Open consent for ${carer.name}`}>
                Open
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const consentNow = (carer: CarerView) =>
  carer.consent
    ? `${CONSENT_WORDS[carer.consent.status]}${carer.consent.scope ? ` (${carer.consent.scope})` : ''}`
    : '';
