import type { ParentSessionOutcomes } from '@peermap/contract';
import { todayOf } from '@peermap/domain/uk-day';
import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { ColumnHeads } from '../forms';
import { holds } from '../session';
import { DownloadButton, Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { BarChart, MeasuresChart } from './outcomes/charts';

/** A UK day moved by whole days: the period's defaults. */
function shiftDays(day: string, days: number): string {
  const moved = new Date(`${day}T12:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const BASIS_WORDS: Readonly<Record<ParentSessionOutcomes['costs']['basis'], string>> = {
  actual: 'as spent',
  planned: 'as planned: no spend is recorded yet',
  actual_and_planned: 'as spent where recorded, as planned where not',
  none: 'no budget recorded',
};

/** The trend rows' names where a chart's label has little room; the table beside says them in full. */
const TREND_SHORT: Readonly<Record<ParentSessionOutcomes['trends']['rows'][number]['concern'], string>> = {
  missing_episode: 'Missing',
  not_in_education: 'Not in education',
  any: 'Any concern',
};

interface Period {
  from: string;
  to: string;
}

const DAY_FIELDS = [
  ['from', 'First day'],
  ['to', 'Last day'],
] as const;

/** What Parent Empowerment Sessions achieved over a period: for the chair, the early help lead and the funder. */
export function OutcomesPage({ api, me }: PageContext) {
  const today = todayOf(new Date());
  const [period, setPeriod] = useState<Period>({ from: shiftDays(today, -365), to: shiftDays(today, 90) });
  const [draft, setDraft] = useState<Period>(period);
  const report = useLoad(
    async () => (await api.get('/v1/reports/parent-sessions', { query: { from: period.from, to: period.to } })).body,
    `${period.from}/${period.to}`,
  );
  const query = `from=${period.from}&to=${period.to}`;
  return (
    <section>
      <PageHeading>What the parent sessions achieved</PageHeading>
      <p>
        Sessions held with parents and carers, who was reached, what parents said and what it cost. Every count is of
        families or records, never names: counts from 1 to 4 read “fewer than 5”.
      </p>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          setPeriod(draft);
        }}
      >
        {DAY_FIELDS.map(([field, label]) => (
          <label key={field}>
            {label}
            <input
              type="date"
              value={draft[field]}
              required
              onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit">Show this period</button>
      </form>
      {holds(me, 'exports:create') && (
        <p class="row">
          <DownloadButton api={api} path={`/v1/reports/parent-sessions?${query}&format=docx`}>
            Download for the funder (Word)
          </DownloadButton>
          <DownloadButton api={api} path={`/v1/reports/parent-sessions?${query}&format=csv`}>
            Download the figures (CSV)
          </DownloadButton>
        </p>
      )}
      {report.error !== undefined && <ProblemView error={report.error} />}
      {report.error === undefined && !report.data && <Loading what="the outcomes" />}
      {report.data && <Outcomes outcomes={report.data} />}
    </section>
  );
}

function Outcomes({ outcomes }: { outcomes: ParentSessionOutcomes }) {
  const { sessions, families, followUps, feedback, costs, trends } = outcomes;
  return (
    <>
      <dl class="headlines">
        <div>
          <dt>Sessions held</dt>
          <dd>{sessions.held}</dd>
        </div>
        <div>
          <dt>Families who came</dt>
          <dd>{families.attended}</dd>
        </div>
        <div>
          <dt>Follow-ups done</dt>
          <dd>
            {followUps.done} of {followUps.owed}
          </dd>
        </div>
        <div>
          <dt>Parents’ feedback</dt>
          <dd>{feedback.total}</dd>
        </div>
      </dl>
      <p>
        Also in the period: {sessions.planned} planned and not yet held, {sessions.cancelled} cancelled. Feedback given
        anonymously: {feedback.anonymous}.
      </p>
      <h2>Families invited, reached and who came</h2>
      <BarChart
        id="reach"
        title="Families invited, reached and who came"
        columns={['Families', 'How many']}
        bars={[
          { label: 'Invited', value: families.invited },
          { label: 'Reached', value: families.reached },
          { label: 'Came', value: families.attended },
        ]}
      />
      <NotInvited notInvited={outcomes.notInvited} />
      <h2>What parents said at the start and at the end</h2>
      <MeasuresChart measures={outcomes.measures} />
      <Costs costs={costs} />
      <Trends trends={trends} />
      <h2>What the figures mean</h2>
      <ul>
        {outcomes.definitions.map((definition) => (
          <li key={definition}>{definition}</li>
        ))}
      </ul>
    </>
  );
}

function Costs({ costs }: { costs: ParentSessionOutcomes['costs'] }) {
  return (
    <>
      <h2>Costs</h2>
      <BarChart
        id="costs"
        title={`What the sessions held cost (spent ${BASIS_WORDS[costs.basis]})`}
        columns={['Cost', 'Amount']}
        format={pounds}
        bars={[
          { label: 'Planned', value: costs.plannedPence },
          { label: 'Spent', value: costs.spentPence },
        ]}
      />
      <p>
        Per family reached:{' '}
        <strong>
          {typeof costs.perFamilyReachedPence === 'number'
            ? pounds(costs.perFamilyReachedPence)
            : (costs.perFamilyReachedPence ?? 'no family reached or no budget recorded')}
        </strong>
      </p>
    </>
  );
}

function NotInvited({ notInvited }: { notInvited: ParentSessionOutcomes['notInvited'] }) {
  return (
    <>
      <h2>Families not invited, and why</h2>
      <p>Some families are kept safe by not being invited, or have not agreed to be contacted: counted, never named.</p>
      <table>
        <caption>Families not invited: {notInvited.total}</caption>
        <ColumnHeads names={['Reason', 'Families']} />
        <tbody>
          {notInvited.reasons.map(({ reason, count }) => (
            <tr key={reason}>
              <th scope="row">{reason}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Trends({ trends }: { trends: ParentSessionOutcomes['trends'] }) {
  return (
    <>
      <h2>Children’s records before and after their parents took part</h2>
      <p>
        For each young person whose parent or carer came, what was recorded in the {trends.weeks} weeks before their
        parent’s first session and the {trends.weeks} weeks from it. Young people counted: {trends.youngPeople}; too
        soon to count (their {trends.weeks} weeks after have not passed yet): {trends.tooSoon}; not counted because the
        map’s records do not reach {trends.weeks} weeks before their parent’s session: {trends.notEnoughHistory}.
      </p>
      <p class="note">
        <strong>{trends.caveat}</strong>
      </p>
      {trends.youngPeople === 0 ? (
        <p>
          No young person can be counted for this period yet: the figures appear once the weeks before and after are
          held.
        </p>
      ) : (
        <BarChart
          id="trends"
          title={`Recorded in the ${trends.weeks} weeks before and after`}
          columns={['Recorded', 'How many']}
          bars={trends.rows.flatMap((row) => [
            { label: `${TREND_SHORT[row.concern]}, before`, value: row.before, kind: 'before' as const },
            { label: `${TREND_SHORT[row.concern]}, after`, value: row.after, kind: 'after' as const },
          ])}
        />
      )}
    </>
  );
}
