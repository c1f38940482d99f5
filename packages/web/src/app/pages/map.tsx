import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import type { PageContext } from '../app';
import { ageOn, allPages, type ClusterListItem, latestAnalysedWeek, type YoungPerson } from '../data';
import { humanise, Loading, PageHeading, ProblemView, useLoad } from '../ui';

interface Relationship {
  personA: string;
  personB: string;
  kind: string;
  strength: number;
  restricted: boolean;
  sourceAgency: string;
}

interface Concern {
  personRef: string;
  category: string;
  status: string;
}

/** Colours for clusters, dark enough to read on white and told apart by name in the list too. */
const PALETTE = [
  '#1b6ca8',
  '#2d7d46',
  '#7a4ea3',
  '#a86b00',
  '#00787a',
  '#a3336f',
  '#4d5b6a',
  '#6b7f00',
  '#8a4b2a',
  '#3b4cc0',
];
const LINK_STYLES: Record<string, { colour: string; size: number }> = {
  friend: { colour: '#2d7d46', size: 2 },
  sibling: { colour: '#5aae61', size: 2 },
  partner: { colour: '#7a4ea3', size: 2 },
  associate: { colour: '#1b6ca8', size: 1.5 },
  co_offending: { colour: '#d7301f', size: 2 },
  online: { colour: '#a86b00', size: 1 },
  school_peer: { colour: '#8c8c8c', size: 1 },
  conflict: { colour: '#000000', size: 1 },
};

interface MapData {
  people: YoungPerson[];
  relationships: Relationship[];
  concerns: Concern[];
  clusters: ClusterListItem[];
  week: string | undefined;
}

export function MapPage({ api, me, words }: PageContext) {
  const data = useLoad(async (): Promise<MapData> => {
    const week = await latestAnalysedWeek(api);
    // Police analysts see restricted intelligence beside the shared map, each link marked as such.
    const restricted = me.permissions.includes('intelligence:read-restricted')
      ? allPages<Relationship>(api, '/v1/restricted-relationships')
      : Promise.resolve([]);
    const [people, shared, restrictedLinks, concerns, clusters] = await Promise.all([
      allPages<YoungPerson>(api, '/v1/young-people'),
      allPages<Relationship>(api, '/v1/relationships'),
      restricted,
      allPages<Concern>(api, '/v1/concerns'),
      week
        ? api.get<{ clusters: ClusterListItem[] }>(`/v1/clusters?week=${week}`).then((a) => a.body.clusters)
        : Promise.resolve([]),
    ]);
    return { people, relationships: [...shared, ...restrictedLinks], concerns, clusters, week };
  }, 'map');
  const [concern, setConcern] = useState('');
  const [agency, setAgency] = useState('');
  const [minAge, setMinAge] = useState<number | undefined>(undefined);
  const [maxAge, setMaxAge] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [view, setView] = useState<'network' | 'list'>('network');

  const model = useMemo(() => (data.data ? buildModel(data.data) : undefined), [data.data]);
  if (data.error) return <ProblemView error={data.error} />;
  if (!data.data || !model) return <Loading what="the map" />;

  const visible = data.data.people.filter((p) => {
    const age = ageOn(p.dateOfBirth);
    if ((minAge !== undefined && age < minAge) || (maxAge !== undefined && age > maxAge)) return false;
    if (agency && !p.agencies.includes(agency)) return false;
    if (concern && !model.concernsOf.get(p.ref)?.has(concern)) return false;
    return true;
  });
  const visibleRefs = new Set(visible.map((p) => p.ref));
  const categories = [...new Set(data.data.concerns.map((c) => c.category))].sort();
  const agencies = [...new Set(data.data.people.flatMap((p) => p.agencies))].sort();

  return (
    <section>
      <PageHeading>Map of the week{data.data.week ? ` (${data.data.week})` : ''}</PageHeading>
      <p>
        Young people coloured by their peer group, links drawn by kind. Choose a young person to see their links and why
        they are in their group. The same is in the list view, for screen readers and for people who prefer tables.
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label for="filter-concern">Concern</label>
        <select id="filter-concern" value={concern} onChange={(e) => setConcern(e.currentTarget.value)}>
          <option value="">Any</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {words.concernCategories[c] ?? humanise(c)}
            </option>
          ))}
        </select>
        <label for="filter-agency">Agency</label>
        <select id="filter-agency" value={agency} onChange={(e) => setAgency(e.currentTarget.value)}>
          <option value="">Any</option>
          {agencies.map((a) => (
            <option key={a} value={a}>
              {humanise(a)}
            </option>
          ))}
        </select>
        <label for="filter-min-age">Age from</label>
        <input
          id="filter-min-age"
          type="number"
          min={0}
          max={25}
          value={minAge ?? ''}
          onInput={(e) => setMinAge(ageOrNone(e.currentTarget.value))}
        />
        <label for="filter-max-age">to</label>
        <input
          id="filter-max-age"
          type="number"
          min={0}
          max={25}
          value={maxAge ?? ''}
          onInput={(e) => setMaxAge(ageOrNone(e.currentTarget.value))}
        />
        <fieldset class="view-choice">
          <legend>Show as</legend>
          <div class="choice">
            <input
              type="radio"
              id="view-network"
              name="view"
              checked={view === 'network'}
              onChange={() => setView('network')}
            />
            <label for="view-network">Network</label>
          </div>
          <div class="choice">
            <input type="radio" id="view-list" name="view" checked={view === 'list'} onChange={() => setView('list')} />
            <label for="view-list">List</label>
          </div>
        </fieldset>
      </form>
      <p role="status">
        {visible.length} of {data.data.people.length} young people shown.
      </p>
      <div class="map-layout">
        {view === 'network' ? (
          <Network model={model} visible={visibleRefs} onSelect={setSelected} />
        ) : (
          <PeopleList data={data.data} model={model} words={words} visible={visible} onSelect={setSelected} />
        )}
        {view === 'network' && <Key data={data.data} model={model} words={words} />}
        {selected && (
          <PersonPanel
            api={api}
            data={data.data}
            model={model}
            words={words}
            personRef={selected}
            onClose={() => setSelected(undefined)}
          />
        )}
      </div>
    </section>
  );
}

/** An age typed into a filter; an empty field filters nothing. */
const ageOrNone = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The network's colours in words: each group, and each kind of link (colour is never the only key). */
function Key({ data, model, words }: { data: MapData; model: Model; words: PageContext['words'] }) {
  return (
    <aside class="key" aria-labelledby="key-heading">
      <h2 id="key-heading">Key</h2>
      <h3>Peer groups</h3>
      <ul>
        {data.clusters.map((cluster) => (
          <li key={cluster.clusterId}>
            <span class="swatch" style={{ background: model.colourOf.get(cluster.clusterId) }} aria-hidden="true" />
            {cluster.label} ({cluster.size})
          </li>
        ))}
        <li>
          <span class="swatch" style={{ background: '#6f6f6f' }} aria-hidden="true" />
          Not in a peer group
        </li>
      </ul>
      <h3>Links</h3>
      <ul>
        {Object.entries(LINK_STYLES).map(([kind, style]) => (
          <li key={kind}>
            <span class="line" style={{ background: style.colour }} aria-hidden="true" />
            {words.linkKinds[kind] ?? humanise(kind)}
          </li>
        ))}
      </ul>
    </aside>
  );
}

interface Model {
  graph: Graph;
  clusterOf: Map<string, ClusterListItem>;
  colourOf: Map<string, string>;
  concernsOf: Map<string, Set<string>>;
  linksOf: Map<string, Relationship[]>;
}

function buildModel(data: MapData): Model {
  const clusterOf = new Map<string, ClusterListItem>();
  const colourOf = new Map<string, string>();
  data.clusters.forEach((cluster, index) => {
    colourOf.set(cluster.clusterId, PALETTE[index % PALETTE.length] ?? '#4d5b6a');
    for (const ref of cluster.memberRefs) clusterOf.set(ref, cluster);
  });
  const linksOf = new Map<string, Relationship[]>();
  for (const r of data.relationships) {
    for (const ref of [r.personA, r.personB]) linksOf.set(ref, [...(linksOf.get(ref) ?? []), r]);
  }
  return { graph: networkOf(data, clusterOf, colourOf), clusterOf, colourOf, concernsOf: openConcerns(data), linksOf };
}

function openConcerns(data: MapData): Map<string, Set<string>> {
  const concernsOf = new Map<string, Set<string>>();
  for (const c of data.concerns) {
    if (c.status === 'closed') continue;
    const set = concernsOf.get(c.personRef) ?? new Set<string>();
    set.add(c.category);
    concernsOf.set(c.personRef, set);
  }
  return concernsOf;
}

const around = (index: number, of: number, radius: number) => ({
  x: Math.cos((2 * Math.PI * index) / Math.max(of, 1)) * radius,
  y: Math.sin((2 * Math.PI * index) / Math.max(of, 1)) * radius,
});

/** The week as a graph: each group starts in its own patch around a wide circle; ForceAtlas2 then settles the links. */
function networkOf(data: MapData, clusterOf: Map<string, ClusterListItem>, colourOf: Map<string, string>): Graph {
  const graph = new Graph({ type: 'undirected', multi: false });
  const alone = data.people.filter((person) => !clusterOf.has(person.ref));
  for (const person of data.people) {
    const cluster = clusterOf.get(person.ref);
    const centre = cluster ? around(data.clusters.indexOf(cluster), data.clusters.length, 300) : { x: 0, y: 0 };
    const within = cluster
      ? around(cluster.memberRefs.indexOf(person.ref), cluster.memberRefs.length, 40)
      : around(alone.indexOf(person), alone.length, 120);
    graph.addNode(person.ref, {
      label: person.displayName,
      x: centre.x + within.x,
      y: centre.y + within.y,
      size: 6,
      color: cluster ? colourOf.get(cluster.clusterId) : '#6f6f6f',
    });
  }
  for (const r of data.relationships) {
    if (!graph.hasNode(r.personA) || !graph.hasNode(r.personB) || graph.hasEdge(r.personA, r.personB)) continue;
    const style = LINK_STYLES[r.kind] ?? { colour: '#8c8c8c', size: 1 };
    graph.addEdge(r.personA, r.personB, {
      color: style.colour,
      size: style.size * (r.strength / 2),
      kind: r.kind,
      // A conflict is drawn but pulls nobody together.
      weight: r.kind === 'conflict' ? 0 : r.strength,
    });
  }
  forceAtlas2.assign(graph, {
    iterations: 150,
    getEdgeWeight: 'weight',
    settings: { gravity: 0.5, scalingRatio: 8, barnesHutOptimize: graph.order > 500 },
  });
  return graph;
}

function Network({
  model,
  visible,
  onSelect,
}: {
  model: Model;
  visible: Set<string>;
  onSelect: (ref: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const renderer = useRef<Sigma | undefined>(undefined);
  useEffect(() => {
    if (!container.current) return;
    try {
      const sigma = new Sigma(model.graph, container.current, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 6,
      });
      sigma.on('clickNode', ({ node }) => onSelect(node));
      renderer.current = sigma;
      return () => {
        sigma.kill();
        renderer.current = undefined;
      };
    } catch {
      setFailed(true);
      return undefined;
    }
  }, [model, onSelect]);
  useEffect(() => {
    const sigma = renderer.current;
    if (!sigma) return;
    sigma.setSetting('nodeReducer', (node, attributes) =>
      visible.has(node) ? attributes : { ...attributes, hidden: true },
    );
    sigma.refresh();
  }, [visible]);
  if (failed)
    return <p role="alert">This browser cannot draw the network (it needs WebGL). The list view shows the same.</p>;
  return (
    <div
      ref={container}
      class="network"
      role="img"
      aria-label="The network of young people and their links. Use the list view to read it as a table."
    />
  );
}

function PeopleList({
  data,
  model,
  words,
  visible,
  onSelect,
}: {
  data: MapData;
  model: Model;
  words: PageContext['words'];
  visible: YoungPerson[];
  onSelect: (ref: string) => void;
}) {
  return (
    <table>
      <caption>Young people on the map</caption>
      <thead>
        <tr>
          <th scope="col">Young person</th>
          <th scope="col">Age</th>
          <th scope="col">Peer group</th>
          <th scope="col">Links</th>
          <th scope="col">Open concerns</th>
        </tr>
      </thead>
      <tbody>
        {visible.map((p) => (
          <tr key={p.ref}>
            <th scope="row">
              <button type="button" class="link" onClick={() => onSelect(p.ref)}>
                {p.displayName}
              </button>
            </th>
            <td>{ageOn(p.dateOfBirth)}</td>
            <td>{model.clusterOf.get(p.ref)?.label ?? 'on their own'}</td>
            <td>{model.linksOf.get(p.ref)?.length ?? 0}</td>
            <td>
              {[...(model.concernsOf.get(p.ref) ?? [])]
                .map((c) => words.concernCategories[c] ?? humanise(c))
                .join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
      {data.people.length === 0 && (
        <tfoot>
          <tr>
            <td colSpan={5}>No young people are on the map.</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** Why the analysis put a young person in their group: their strongest links there and how much of their links stay inside. */
function WhyInGroup({
  api,
  clusterId,
  personRef,
  nameOf,
  words,
}: {
  api: PageContext['api'];
  clusterId: string;
  personRef: string;
  nameOf: (ref: string) => string;
  words: PageContext['words'];
}) {
  const report = useLoad(
    async () =>
      (
        await api.get<{
          cluster: {
            members: {
              ref: string;
              stability: number;
              shareOfLinkWeightInside: number;
              strongestLinks: { ref: string; kind?: string; weight: number }[];
            }[];
          };
        }>(`/v1/clusters/${clusterId}`)
      ).body.cluster,
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

function PersonPanel({
  api,
  data,
  model,
  words,
  personRef,
  onClose,
}: {
  api: PageContext['api'];
  data: MapData;
  model: Model;
  words: PageContext['words'];
  personRef: string;
  onClose: () => void;
}) {
  const person = data.people.find((p) => p.ref === personRef);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [personRef]);
  if (!person) return null;
  const cluster = model.clusterOf.get(personRef);
  const nameOf = (ref: string) => data.people.find((p) => p.ref === ref)?.displayName ?? ref;
  const links = model.linksOf.get(personRef) ?? [];
  return (
    <aside class="person" aria-labelledby="person-heading">
      <h2 id="person-heading" ref={heading} tabIndex={-1}>
        {person.displayName}, {ageOn(person.dateOfBirth)}
      </h2>
      {person.strengths.length > 0 && <p>Going well: {person.strengths.join('; ')}.</p>}
      <p>
        {cluster ? (
          <>
            In <a href={`#/clusters/${cluster.clusterId}`}>{cluster.label}</a>.
          </>
        ) : (
          'Not in a peer group this week.'
        )}
      </p>
      {cluster && (
        <WhyInGroup api={api} clusterId={cluster.clusterId} personRef={personRef} nameOf={nameOf} words={words} />
      )}
      <h3>Links ({links.length})</h3>
      <ul>
        {links.map((l) => {
          const other = l.personA === personRef ? l.personB : l.personA;
          return (
            <li key={`${other}-${l.restricted}`}>
              {nameOf(other)}: {words.linkKinds[l.kind] ?? humanise(l.kind)}, strength {l.strength}
              {l.restricted ? ' (restricted intelligence)' : ''}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </aside>
  );
}
