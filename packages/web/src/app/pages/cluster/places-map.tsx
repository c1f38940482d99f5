import type { Api } from '../../api';
import type { ClusterReport, Place } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { humanise, useLoad } from '../../ui';

type Located = Pick<Place, 'ref' | 'name' | 'position'>;

/** The group's places on a plain plan (no map tiles: nothing leaves peermap), and as a table. */
export function PlacesMap({ api, places }: { api: Api; places: ClusterReport['places'] }) {
  const located = useLoad(
    () =>
      Promise.all(
        places.map(async (p) => (await api.get('/v1/locations/{ref}', { params: { ref: p.locationRef } })).body),
      ),
    places.map((p) => p.locationRef).join(','),
  );
  if (places.length === 0) return <p>The group has not been seen at any place recently.</p>;
  const points = (located.data ?? []).filter((p) => p.position);
  return (
    <>
      {points.length > 0 && <PlainPlan points={points} />}
      <table>
        <caption>The group's places</caption>
        <ColumnHeads names={['Place', 'Kind', 'Recent sightings', 'Young people seen', 'Last seen']} />
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

/** The places drawn to scale, north at the top, with room around them. */
function PlainPlan({ points }: { points: Located[] }) {
  const lats = points.map((p) => p.position?.latitude ?? 0);
  const lons = points.map((p) => p.position?.longitude ?? 0);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const spanLat = Math.max(maxLat - minLat, 0.002);
  const spanLon = Math.max(maxLon - minLon, 0.002);
  const x = (lon: number) => 40 + ((lon - minLon) / spanLon) * 520;
  const y = (lat: number) => 260 - ((lat - minLat) / spanLat) * 220;
  return (
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
  );
}
