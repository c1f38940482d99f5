import type { Api } from '../../api';
import { ColumnHeads } from '../../forms';
import { ProblemView, useLoad } from '../../ui';

const COLUMNS = [
  'Week',
  'Young people',
  'Joined',
  'Left',
  'Missing episodes',
  'Out of education',
  'Incidents',
  'Carers invited',
  'Carers attended',
];

export function TrendsSection({ api, clusterId }: { api: Api; clusterId: string }) {
  const trends = useLoad(
    async () => (await api.get('/v1/clusters/{id}/trends', { params: { id: clusterId } })).body,
    clusterId,
  );
  return (
    <section aria-labelledby="trends">
      <h2 id="trends">Week by week</h2>
      {trends.error !== undefined && <ProblemView error={trends.error} />}
      {trends.data && (
        <table>
          <caption>The group over the weeks it has been found</caption>
          <ColumnHeads names={COLUMNS} />
          <tbody>
            {trends.data.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td>{w.members}</td>
                <td>{w.joined}</td>
                <td>{w.left}</td>
                <td>{w.missingEpisodes}</td>
                <td>{w.outOfEducation}</td>
                <td>{w.incidents}</td>
                <td>{w.invited}</td>
                <td>{w.attended}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
