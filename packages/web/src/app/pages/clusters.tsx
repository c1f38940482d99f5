import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { type ClusterListItem, latestAnalysedWeek } from '../data';
import { Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { listed } from './cluster/group-section';
import { OwedToFamilies } from './sessions/follow-ups-agenda';

export function ClustersPage({ api, me }: PageContext) {
  const [week, setWeek] = useState<string | undefined>(undefined);
  const weekToShow = useLoad(async () => ({ week: week ?? (await latestAnalysedWeek(api)) }), week ?? 'latest');
  const shown = weekToShow.data?.week;
  const list = useLoad(
    async () => (shown ? (await api.get('/v1/clusters', { query: { week: shown } })).body : undefined),
    shown ?? '',
  );
  // The list names its own people: the page reads no other child's record.
  const nameOf = (ref: string) => list.data?.names[ref] ?? ref;

  return (
    <section>
      <PageHeading>Peer groups{shown ? ` in ${shown}` : ''}</PageHeading>
      <WeekChoice shown={shown} onChoose={setWeek} />
      <p>
        In the order the meeting discusses them: recent concerns first, then groups that are new or have changed, then
        groups seen at places of concern, then larger groups. Each group's reasons are shown; there is no score.
      </p>
      {weekToShow.error !== undefined && <ProblemView error={weekToShow.error} />}
      {list.error !== undefined && <ProblemView error={list.error} />}
      {weekToShow.data === undefined && !weekToShow.error && <Loading what="the latest analysis" />}
      {weekToShow.data && shown === undefined && (
        <p>No week has been analysed yet: a chair uploads the week's sheets and runs the analysis.</p>
      )}
      {list.data && <OwedToFamilies lines={list.data.owedToFamilies} me={me} />}
      {list.data && <NumbersNotShown labels={list.data.clusters.map((c) => c.label)} />}
      {list.data && (
        <ol class="clusters">
          {list.data.clusters.map((cluster) => (
            <ClusterCard key={cluster.clusterId} cluster={cluster} week={list.data?.week ?? ''} nameOf={nameOf} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Another week to show, as `<input type="week">` writes it. */
function WeekChoice({ shown, onChoose }: { shown: string | undefined; onChoose: (week: string) => void }) {
  return (
    <form
      class="inline"
      onSubmit={(event) => {
        event.preventDefault();
        const value = (event.currentTarget.elements.namedItem('week') as HTMLInputElement | null)?.value;
        if (value) onChoose(value);
      }}
    >
      <label for="cluster-week">Week</label>
      <input id="cluster-week" name="week" type="week" key={shown ?? ''} defaultValue={shown ?? ''} />
      <button type="submit">Show</button>
    </form>
  );
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** Where a group comes on the agenda, in words: a number here would read as another group's number. */
function agendaPlace(position: number): string {
  return `Discussed ${ORDINALS[position - 1] ?? `${position}th`}`;
}

/** A group keeps its number from week to week, so the list can skip numbers: say why, once. */
function NumbersNotShown({ labels }: { labels: readonly string[] }) {
  const numbers = labels.map((label) => Number(/^Group (\d+)$/.exec(label)?.[1])).filter(Number.isInteger);
  const shown = new Set(numbers);
  const missing = Array.from({ length: Math.max(0, ...numbers) }, (_, at) => at + 1).filter((n) => !shown.has(n));
  if (missing.length === 0) return null;
  return (
    <p class="note">
      A group keeps its number from week to week. Not found this week: {missing.map((n) => `Group ${n}`).join(', ')}{' '}
      (their young people are in other groups or no longer linked).
    </p>
  );
}

/** A group in the meeting's order: why it is where it is, its story and what changed. */
function ClusterCard({
  cluster,
  week,
  nameOf,
}: {
  cluster: ClusterListItem;
  week: string;
  nameOf: (ref: string) => string;
}) {
  return (
    <li class="cluster-card">
      <h2>
        <a href={`#/clusters/${cluster.clusterId}/${week}`}>{cluster.label}</a>
      </h2>
      <p class="why">
        {agendaPlace(cluster.agenda.position)}: {cluster.agenda.factors.map((f) => f.text).join('; ')}.
      </p>
      <p>{cluster.narrative}</p>
      <Change cluster={cluster} nameOf={nameOf} />
      {cluster.weak && (
        <p class="note">The analysis is not sure of this group: its members end up together in few runs.</p>
      )}
    </li>
  );
}

function Change({ cluster, nameOf }: { cluster: ClusterListItem; nameOf: (ref: string) => string }) {
  const { joined, left, previousClusterIds, status } = cluster.change;
  const parts: string[] = [];
  if (status === 'new') parts.push('New this week.');
  if (status === 'merged') parts.push(`Groups came together (${previousClusterIds.length} last week).`);
  if (joined.length > 0) parts.push(`Joined: ${listed(joined.map(nameOf))}`);
  if (left.length > 0) parts.push(`Left: ${listed(left.map(nameOf))}`);
  if (parts.length === 0) parts.push('No change in who is in the group since last week.');
  return <p class="change">{parts.join(' ')}</p>;
}
