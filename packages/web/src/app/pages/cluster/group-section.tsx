import type { Api } from '../../api';
import type { ClusterReport } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { humanise } from '../../ui';
import { Picture } from './picture';

const percent = (share: number) => `${Math.round(share * 100)}%`;

type NameOf = (ref: string) => string;

/** Who is in the group and why, how sure the analysis is, and what changed since last week. */
export function GroupSection({
  api,
  clusterId,
  cluster,
  nameOf,
  kindOf,
}: {
  api: Api;
  clusterId: string;
  cluster: ClusterReport;
  nameOf: NameOf;
  kindOf: (kind: string | undefined) => string;
}) {
  return (
    <section aria-labelledby="picture">
      <h2 id="picture">The group</h2>
      <Picture api={api} clusterId={clusterId} week={cluster.week} size={cluster.memberRefs.length} />
      <p>
        How sure the analysis is: the members end up together in {percent(cluster.stability)} of its runs
        {cluster.weak ? ' (not sure: discuss before acting on it)' : ''}. Ages {cluster.ageRange.youngest} to{' '}
        {cluster.ageRange.oldest}.
      </p>
      <MembersTable cluster={cluster} nameOf={nameOf} kindOf={kindOf} />
      {cluster.mostConnected.length > 0 && (
        <p>
          Most connected in the group (by link weight inside it, then by how often they sit between others):{' '}
          {cluster.mostConnected
            .slice(0, 3)
            .map(
              (m) =>
                `${nameOf(m.ref)} (${m.linksInside} links, weight ${m.linkWeightInside.toFixed(1)}, between others ${percent(m.betweennessInside)})`,
            )
            .join('; ')}
          .
        </p>
      )}
      <ChangeSummary cluster={cluster} nameOf={nameOf} />
    </section>
  );
}

function MembersTable({
  cluster,
  nameOf,
  kindOf,
}: {
  cluster: ClusterReport;
  nameOf: NameOf;
  kindOf: (kind: string | undefined) => string;
}) {
  return (
    <table>
      <caption>Who is in the group and why</caption>
      <ColumnHeads
        names={['Young person', 'Why in this group: strongest links', 'Links inside the group', 'How sure']}
      />
      <tbody>
        {cluster.members.map((member) => (
          <tr key={member.ref}>
            <th scope="row">{nameOf(member.ref)}</th>
            <td>
              {member.strongestLinks
                .map((l) => `${nameOf(l.ref)} (${kindOf(l.kind)}, weight ${l.weight.toFixed(1)})`)
                .join('; ')}
            </td>
            <td>{percent(member.shareOfLinkWeightInside)} of their link weight</td>
            <td>{percent(member.stability)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeSummary({ cluster, nameOf }: { cluster: ClusterReport; nameOf: NameOf }) {
  const { status, joined, left, previousClusterIds } = cluster.change;
  return (
    <p>
      Since last week: {humanise(status)}
      {previousClusterIds.length > 1 ? ` (from ${previousClusterIds.length} groups)` : ''}.
      {joined.length > 0 ? ` Joined: ${joined.map(nameOf).join(', ')}.` : ''}
      {left.length > 0 ? ` Left: ${left.map(nameOf).join(', ')}.` : ''}
    </p>
  );
}
