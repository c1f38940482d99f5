import { percentOf, shareInsideInWords, stabilityInWords } from '@peermap/domain/plain-words';
import { Loading, ProblemView, useLoad } from '../../ui';
import { useMapView } from './context';

/** Why the analysis put a young person in their group: their closest links there and how much of their circle is inside. */
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
  const share = member.shareOfLinkWeightInside;
  return (
    <div class="why-in-group">
      <p>
        Why in this group: {shareInsideInWords(share)}; their closest links there are{' '}
        {member.strongestLinks
          .map((l) => `${nameOf(l.ref)} (${words.linkKinds[l.kind ?? 'seen_together'] ?? ''})`)
          .join(', ')}
        . Run again and again, {stabilityInWords(member.stability)}.
      </p>
      <details class="figures">
        <summary>Figures</summary>
        <p>
          {percentOf(share)} of their link weight is inside the group; they are in it in {percentOf(member.stability)}{' '}
          of the repeated runs.
        </p>
      </details>
    </div>
  );
}
