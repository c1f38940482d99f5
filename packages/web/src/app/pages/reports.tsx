import type { Disproportionality, GroupFigures } from '@peermap/contract';
import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { ColumnHeads } from '../forms';
import { Loading, PageHeading, ProblemView, useLoad } from '../ui';

const DIMENSIONS = [
  ['ethnicity', 'Ethnicity'],
  ['sex', 'Sex'],
  ['ageBand', 'Age band'],
] as const;

const percent = (share: number | null) => (share === null ? 'no cohort set' : `${Math.round(share * 1000) / 10}%`);
const times = (ratio: number | null) => (ratio === null ? '' : `${ratio.toFixed(2)}×`);

/** Whether one group of children is on the map, or in clusters, more than its share of the partnership's children. */
export function ReportsPage({ api }: PageContext) {
  const report = useLoad(
    async () => (await api.get('/v1/reports/disproportionality', { query: { weeks: 8 } })).body,
    'report',
  );
  const [chosen, setChosen] = useState(0);
  if (report.error) return <ProblemView error={report.error} />;
  if (!report.data) return <Loading what="the report" />;
  const { cohort, weeks } = report.data;
  const week = weeks[chosen];
  return (
    <section>
      <PageHeading>Who is on the map</PageHeading>
      <p>
        Counts of the children on the map and in peer groups, by ethnicity, sex and age band,
        {cohort
          ? ` against the partnership's own children (${cohort.source}). A ratio above 1 means a group is on the map more than its share of the partnership's children.`
          : ' without a comparison: an administrator can add the partnership’s own figures in Settings.'}{' '}
        No child is named here.
      </p>
      {weeks.length === 0 && <p>No week has been analysed yet.</p>}
      {weeks.length > 0 && (
        <>
          <label for="report-week">Week</label>
          <select id="report-week" value={String(chosen)} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
            {weeks.map((w, index) => (
              <option key={w.week} value={String(index)}>
                {w.week}
              </option>
            ))}
          </select>
        </>
      )}
      {week && <WeekReport week={week} />}
    </section>
  );
}

type ReportWeek = Disproportionality['weeks'][number];

function WeekReport({ week }: { week: ReportWeek }) {
  return (
    <>
      <p role="status">
        {week.week}: {week.onMap} young people on the map, {week.inClusters} of them in peer groups.
        {week.partial ? ' The analysis listed only part of those on their own; the counts are of those listed.' : ''}
      </p>
      {DIMENSIONS.map(([key, name]) => (
        <DimensionTable key={key} week={week.week} name={name} groups={week.dimensions[key]} />
      ))}
    </>
  );
}

function DimensionTable({ week, name, groups }: { week: string; name: string; groups: GroupFigures[] }) {
  return (
    <table>
      <caption>
        {name} in {week}
      </caption>
      <ColumnHeads
        names={[
          name,
          'On the map',
          'In peer groups',
          "Share of the partnership's children",
          'Ratio on the map',
          'Ratio in peer groups',
        ]}
      />
      <tbody>
        {groups.map((g) => (
          <tr key={g.group}>
            <th scope="row">
              {g.group}
              {g.small ? ' (fewer than 5: read with care)' : ''}
            </th>
            <td>
              {g.onMap} ({percent(g.shareOnMap)})
            </td>
            <td>
              {g.inClusters} ({percent(g.shareInClusters)})
            </td>
            <td>{percent(g.shareOfCohort)}</td>
            <td>{times(g.ratioOnMap)}</td>
            <td>{times(g.ratioInClusters)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
