import { Loading, ProblemView, useLoad } from '../../ui';
import { useMapView } from './context';

/** Why the analysis put a young person in their group: their strongest links there and how much of their links stay inside. */
export function WhyInGroup({
  clusterId,
  personRef,
  nameOf,
}: {
  clusterId: string;
  personRef: string;
  nameOf: (ref: string) => string;
}) {
  const { api, words } = useMapView();
  const report = useLoad(
    async () => (await api.get('/v1/clusters/{id}', { params: { id: clusterId } })).body.cluster,
    clusterId,
  );
  const member = report.data?.members.find((m) => m.ref === personRef);
  if (report.error) return <ProblemView error={report.error} />;
  if (!member) return <Loading what="why they are in the group" />;
  return (
    <p>
      Why in this group: {Math.round(member.shareOfLinkWeightInside * 100)}% of their link weight is inside it; their
      strongest links there are{' '}
      {member.strongestLinks
        .map((l) => `${nameOf(l.ref)} (${words.linkKinds[l.kind ?? 'seen_together'] ?? ''})`)
        .join(', ')}
      . The analysis puts them here in {Math.round(member.stability * 100)}% of its runs.
    </p>
  );
}
