import {
  connectionsInWords,
  LINK_STRENGTH_THRESHOLDS,
  linkInWords,
  percentOf,
  shareInsideInWords,
  stabilityInShortWords,
  stabilityInWords,
} from '@peermap/domain/plain-words';
import type { Api } from '../../api';
import type { ClusterReport } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { Picture } from './picture';

type NameOf = (ref: string) => string;
type KindOf = (kind: string | undefined) => string;

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
  kindOf: KindOf;
}) {
  return (
    <section aria-labelledby="picture">
      <h2 id="picture">The group</h2>
      <Picture api={api} clusterId={clusterId} week={cluster.week} size={cluster.memberRefs.length} />
      <p>
        How sure the analysis is: run again and again, {stabilityInWords(cluster.stability)}
        {cluster.weak ? ' (not sure: discuss before acting on it)' : ''}. Ages {cluster.ageRange.youngest} to{' '}
        {cluster.ageRange.oldest}.
      </p>
      <MembersTable cluster={cluster} nameOf={nameOf} kindOf={kindOf} />
      {cluster.mostConnected.length > 0 && (
        <p>
          Most connected in the group:{' '}
          {cluster.mostConnected
            .slice(0, 3)
            .map((m) => `${nameOf(m.ref)} (${connectionsInWords(m.linksInside, m.linkWeightInside)})`)
            .join('; ')}
          .
        </p>
      )}
      <Figures cluster={cluster} nameOf={nameOf} kindOf={kindOf} />
      <ChangeSummary cluster={cluster} nameOf={nameOf} />
    </section>
  );
}

type Member = ClusterReport['members'][number];

/** One row per young person: their closest links, how much of their circle is inside, how sure; as words or as figures. */
function MemberTable({
  caption,
  heads,
  cluster,
  nameOf,
  cells,
}: {
  caption: string;
  heads: string[];
  cluster: ClusterReport;
  nameOf: NameOf;
  cells: (member: Member) => [links: string, inside: string, sure: string];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <ColumnHeads names={['Young person', ...heads]} />
      <tbody>
        {cluster.members.map((member) => (
          <tr key={member.ref}>
            <th scope="row">{nameOf(member.ref)}</th>
            {cells(member).map((cell, at) => (
              <td key={heads[at]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MembersTable({ cluster, nameOf, kindOf }: { cluster: ClusterReport; nameOf: NameOf; kindOf: KindOf }) {
  return (
    <MemberTable
      caption="Who is in the group and why"
      heads={['Why in this group: closest links', 'Their friends', 'Same group each run']}
      cluster={cluster}
      nameOf={nameOf}
      cells={(member) => [
        member.strongestLinks.map((l) => `${nameOf(l.ref)} (${linkInWords(l.weight, kindOf(l.kind))})`).join('; '),
        shareInsideInWords(member.shareOfLinkWeightInside),
        stabilityInShortWords(member.stability),
      ]}
    />
  );
}

/** The numbers behind the words, for analysts: one click away, so the meeting reads words first. */
function Figures({ cluster, nameOf, kindOf }: { cluster: ClusterReport; nameOf: NameOf; kindOf: KindOf }) {
  return (
    <details class="figures">
      <summary>Figures</summary>
      <p>
        Members end up together in {percentOf(cluster.stability)} of repeated runs; {percentOf(cluster.density)} of the
        possible links inside the group are there. A link's weight is its strength (1-3) times its kind and how recent
        it is: strong from {LINK_STRENGTH_THRESHOLDS.strong}, regular from {LINK_STRENGTH_THRESHOLDS.regular}.
      </p>
      <MemberTable
        caption="Each young person's figures"
        heads={['Strongest links (weight)', 'Share of link weight inside', 'Runs together']}
        cluster={cluster}
        nameOf={nameOf}
        cells={(member) => [
          member.strongestLinks.map((l) => `${nameOf(l.ref)} (${kindOf(l.kind)}, ${l.weight.toFixed(1)})`).join('; '),
          percentOf(member.shareOfLinkWeightInside),
          percentOf(member.stability),
        ]}
      />
      {cluster.mostConnected.length > 0 && (
        <table>
          <caption>Most connected: ordered by link weight inside, then betweenness inside</caption>
          <ColumnHeads names={['Young person', 'Links inside', 'Link weight inside', 'Betweenness inside']} />
          <tbody>
            {cluster.mostConnected.map((m) => (
              <tr key={m.ref}>
                <th scope="row">{nameOf(m.ref)}</th>
                <td>{m.linksInside}</td>
                <td>{m.linkWeightInside.toFixed(1)}</td>
                <td>{m.betweennessInside.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

const CHANGE_IN_WORDS: Readonly<Record<ClusterReport['change']['status'], string>> = {
  new: 'new this week',
  grown: 'more young people than last week',
  merged: 'groups came together',
  split: 'part of a group that split',
  continuing: 'the same young people as last week',
  shrunk: 'fewer young people than last week',
};

/** Names end a sentence without a second full stop after an initial ("Bobby W."). */
export const listed = (names: string[]) => {
  const text = names.join(', ');
  return text.endsWith('.') ? text : `${text}.`;
};

function ChangeSummary({ cluster, nameOf }: { cluster: ClusterReport; nameOf: NameOf }) {
  const { status, joined, left, previousClusterIds } = cluster.change;
  return (
    <p>
      Since last week: {CHANGE_IN_WORDS[status]}
      {previousClusterIds.length > 1 ? ` (from ${previousClusterIds.length} groups)` : ''}.
      {joined.length > 0 ? ` Joined: ${listed(joined.map(nameOf))}` : ''}
      {left.length > 0 ? ` Left: ${listed(left.map(nameOf))}` : ''}
    </p>
  );
}
