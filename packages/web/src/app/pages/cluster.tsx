import type { PageContext } from '../app';
import { holds } from '../session';
import { DownloadButton, Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { GroupSection } from './cluster/group-section';
import { PlacesMap } from './cluster/places-map';
import { ConcernsSection, StrengthsSection } from './cluster/sections';
import { TrendsSection } from './cluster/trends';
import { InvitationPanel } from './invitations';
import { PlanPanel } from './plan-editor';

export function ClusterPage({ api, me, words, clusterId, week }: PageContext & { clusterId: string; week?: string }) {
  const inWeek = week ? `?week=${week}` : '';
  const report = useLoad(
    async () =>
      (await api.get('/v1/clusters/{id}', { params: { id: clusterId }, query: { week: week || undefined } })).body,
    `${clusterId}${inWeek}`,
  );
  // The report names its own people: the page reads no other child's record.
  const nameOf = (ref: string) => report.data?.names[ref] ?? ref;
  const cluster = report.data?.cluster;
  const kindOf = (kind: string | undefined) => report.data?.linkKindLabels[kind ?? 'seen_together'] ?? '';
  const can = (permission: string) => holds(me, permission);

  if (report.error) return <ProblemView error={report.error} />;
  if (!cluster) return <Loading what="the group's report" />;
  return (
    <article class="cluster">
      <PageHeading>
        {cluster.label} <span class="subtle">({cluster.week})</span>
      </PageHeading>
      <p class="narrative">{cluster.narrative}</p>
      <div class="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Print this page
        </button>
        {can('exports:create') && (
          <DownloadButton api={api} path={`/v1/clusters/${clusterId}/report?format=docx&week=${cluster.week}`}>
            Download the report (Word)
          </DownloadButton>
        )}
      </div>

      <StrengthsSection strengths={cluster.strengths} nameOf={nameOf} />
      <GroupSection api={api} clusterId={clusterId} cluster={cluster} nameOf={nameOf} kindOf={kindOf} />
      <section aria-labelledby="places">
        <h2 id="places">Where the group is seen</h2>
        <PlacesMap api={api} places={cluster.places} />
      </section>
      <ConcernsSection concerns={cluster.concerns} />
      <TrendsSection api={api} clusterId={clusterId} />

      {can('plans:read') && <PlanPanel api={api} me={me} words={words} cluster={cluster} nameOf={nameOf} />}
      {can('invitations:read') && <InvitationPanel api={api} me={me} cluster={cluster} nameOf={nameOf} />}
    </article>
  );
}
