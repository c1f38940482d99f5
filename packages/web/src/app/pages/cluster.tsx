import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api';
import type { PageContext } from '../app';
import { DownloadButton, humanise, Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { InvitationPanel } from './invitations';
import { PlanPanel } from './plan-editor';

interface Link {
  ref: string;
  weight: number;
  kind?: string;
  placesSeenTogether: string[];
}

export interface ClusterReport {
  clusterId: string;
  label: string;
  week: string;
  memberRefs: string[];
  stability: number;
  weak: boolean;
  narrative: string;
  ageRange: { youngest: number; oldest: number };
  change: { status: string; joined: string[]; left: string[]; previousClusterIds: string[] };
  mostConnected: { ref: string; linksInside: number; linkWeightInside: number; betweennessInside: number }[];
  members: { ref: string; stability: number; shareOfLinkWeightInside: number; strongestLinks: Link[] }[];
  places: {
    locationRef: string;
    name: string;
    kind: string;
    recentSightings: number;
    youngPeopleSeen: number;
    lastSeen: string;
  }[];
  concerns: {
    category: string;
    label: string;
    youngPeople: number;
    open: number;
    recent: number;
    lastOccurred: string;
  }[];
  strengths: { ref: string; strengths: string[] }[];
  tensions: { inside: string; other: string }[];
}

interface Trends {
  weeks: {
    week: string;
    members: number;
    joined: number;
    left: number;
    missingEpisodes: number;
    outOfEducation: number;
    incidents: number;
    invited: number;
    attended: number;
  }[];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function ClusterPage({ api, me, words, clusterId, week }: PageContext & { clusterId: string; week?: string }) {
  const inWeek = week ? `?week=${week}` : '';
  const report = useLoad(
    async () =>
      (
        await api.get<{
          cluster: ClusterReport;
          linkKindLabels: Record<string, string>;
          names: Record<string, string>;
        }>(`/v1/clusters/${clusterId}${inWeek}`)
      ).body,
    `${clusterId}${inWeek}`,
  );
  // The report names its own people: the page reads no other child's record.
  const nameOf = (ref: string) => report.data?.names[ref] ?? ref;
  const cluster = report.data?.cluster;
  const kindOf = (kind: string | undefined) => report.data?.linkKindLabels[kind ?? 'seen_together'] ?? '';
  const can = (permission: string) => me.permissions.includes(permission);

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

      <section aria-labelledby="strengths">
        <h2 id="strengths">What is going well</h2>
        {cluster.strengths.length === 0 ? (
          <p>No strengths are recorded yet for this group: ask the agencies who know them.</p>
        ) : (
          <ul>
            {cluster.strengths.map((s) => (
              <li key={s.ref}>
                {nameOf(s.ref)}: {s.strengths.join('; ')}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="picture">
        <h2 id="picture">The group</h2>
        <Picture api={api} clusterId={clusterId} week={cluster.week} size={cluster.memberRefs.length} />
        <p>
          How sure the analysis is: the members end up together in {percent(cluster.stability)} of its runs
          {cluster.weak ? ' (not sure: discuss before acting on it)' : ''}. Ages {cluster.ageRange.youngest} to{' '}
          {cluster.ageRange.oldest}.
        </p>
        <table>
          <caption>Who is in the group and why</caption>
          <thead>
            <tr>
              <th scope="col">Young person</th>
              <th scope="col">Why in this group: strongest links</th>
              <th scope="col">Links inside the group</th>
              <th scope="col">How sure</th>
            </tr>
          </thead>
          <tbody>
            {cluster.members.map((member) => {
              return (
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
              );
            })}
          </tbody>
        </table>
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

      <section aria-labelledby="places">
        <h2 id="places">Where the group is seen</h2>
        <PlacesMap api={api} places={cluster.places} />
      </section>

      <section aria-labelledby="concerns">
        <h2 id="concerns">Concerns</h2>
        {cluster.concerns.length === 0 ? (
          <p>No concerns are recorded for the group's young people.</p>
        ) : (
          <table>
            <caption>Concerns about the group's young people</caption>
            <thead>
              <tr>
                <th scope="col">Concern</th>
                <th scope="col">Young people</th>
                <th scope="col">Open</th>
                <th scope="col">In the last four weeks</th>
                <th scope="col">Last</th>
              </tr>
            </thead>
            <tbody>
              {cluster.concerns.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{c.label}</th>
                  <td>{c.youngPeople}</td>
                  <td>{c.open}</td>
                  <td>{c.recent}</td>
                  <td>{c.lastOccurred}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <TrendsSection api={api} clusterId={clusterId} />

      {can('plans:read') && <PlanPanel api={api} me={me} words={words} cluster={cluster} nameOf={nameOf} />}
      {can('invitations:read') && <InvitationPanel api={api} me={me} cluster={cluster} nameOf={nameOf} />}
    </article>
  );
}

function ChangeSummary({ cluster, nameOf }: { cluster: ClusterReport; nameOf: (ref: string) => string }) {
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

/** The server-drawn picture of the group, fetched with the sign-in and shown from memory. */
function Picture({ api, clusterId, week, size }: { api: Api; clusterId: string; week: string; size: number }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let made: string | undefined;
    api
      .blob(`/v1/clusters/${clusterId}/picture?week=${week}`)
      .then((blob) => {
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(setError);
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, clusterId, week]);
  if (error) return <ProblemView error={error} />;
  if (!url) return <Loading what="the picture" />;
  return (
    <img
      class="picture"
      src={url}
      alt={`The ${size} young people of the group as a network: each line is one of their strongest links, coloured by kind. The table below says the same in words.`}
    />
  );
}

interface Place {
  ref: string;
  name: string;
  position?: { latitude: number; longitude: number };
}

/** The group's places on a plain plan (no map tiles: nothing leaves peermap), and as a table. */
function PlacesMap({ api, places }: { api: Api; places: ClusterReport['places'] }) {
  const located = useLoad(
    () => Promise.all(places.map(async (p) => (await api.get<Place>(`/v1/locations/${p.locationRef}`)).body)),
    places.map((p) => p.locationRef).join(','),
  );
  if (places.length === 0) return <p>The group has not been seen at any place recently.</p>;
  const points = (located.data ?? []).filter((p) => p.position);
  const lats = points.map((p) => p.position?.latitude ?? 0);
  const lons = points.map((p) => p.position?.longitude ?? 0);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const spanLat = Math.max(maxLat - minLat, 0.002);
  const spanLon = Math.max(maxLon - minLon, 0.002);
  const x = (lon: number) => 40 + ((lon - minLon) / spanLon) * 520;
  const y = (lat: number) => 260 - ((lat - minLat) / spanLat) * 220;
  return (
    <>
      {points.length > 0 && (
        <svg class="plan" viewBox="0 0 600 300" role="img" aria-label="The places on a plain plan, north at the top">
          <rect x="0" y="0" width="600" height="300" class="plan-ground" />
          <text x="580" y="20" class="plan-north">
            N ↑
          </text>
          {points.map((p) => (
            <g key={p.ref}>
              <circle cx={x(p.position?.longitude ?? 0)} cy={y(p.position?.latitude ?? 0)} r="7" class="plan-place" />
              <text x={x(p.position?.longitude ?? 0) + 10} y={y(p.position?.latitude ?? 0) + 4} class="plan-label">
                {p.name}
              </text>
            </g>
          ))}
        </svg>
      )}
      <table>
        <caption>The group's places</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Kind</th>
            <th scope="col">Recent sightings</th>
            <th scope="col">Young people seen</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {places.map((p) => (
            <tr key={p.locationRef}>
              <th scope="row">{p.name}</th>
              <td>{humanise(p.kind)}</td>
              <td>{p.recentSightings}</td>
              <td>{p.youngPeopleSeen}</td>
              <td>{p.lastSeen}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function TrendsSection({ api, clusterId }: { api: Api; clusterId: string }) {
  const trends = useLoad(async () => (await api.get<Trends>(`/v1/clusters/${clusterId}/trends`)).body, clusterId);
  return (
    <section aria-labelledby="trends">
      <h2 id="trends">Week by week</h2>
      {trends.error !== undefined && <ProblemView error={trends.error} />}
      {trends.data && (
        <table>
          <caption>The group over the weeks it has been found</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Young people</th>
              <th scope="col">Joined</th>
              <th scope="col">Left</th>
              <th scope="col">Missing episodes</th>
              <th scope="col">Out of education</th>
              <th scope="col">Incidents</th>
              <th scope="col">Carers invited</th>
              <th scope="col">Carers attended</th>
            </tr>
          </thead>
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
