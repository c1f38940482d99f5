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

const PLAN = { width: 600, height: 300, margin: 40 } as const;
const METRES_PER_DEGREE_OF_LATITUDE = 111_320;
const SCALE_STEPS_IN_METRES = [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];

/** The longest round distance that fits a quarter of the plan, as the scale bar shows it. */
function scaleBar(metresPerPixel: number): { metres: number; pixels: number; text: string } {
  const fits = SCALE_STEPS_IN_METRES.filter((m) => m / metresPerPixel <= PLAN.width / 4);
  const metres = fits[fits.length - 1] ?? SCALE_STEPS_IN_METRES[0] ?? 50;
  return { metres, pixels: metres / metresPerPixel, text: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** Latitude and longitude to the plan, the same metres per pixel both ways, the places centred with room for names. */
function projection(points: Located[]) {
  const lats = points.map((p) => p.position?.latitude ?? 0);
  const lons = points.map((p) => p.position?.longitude ?? 0);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const metresPerDegreeOfLongitude =
    METRES_PER_DEGREE_OF_LATITUDE * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const span = {
    x: (maxLon - minLon) * metresPerDegreeOfLongitude,
    y: (maxLat - minLat) * METRES_PER_DEGREE_OF_LATITUDE,
  };
  // Room each side for a name (they read away from the middle) and below for the scale bar.
  const inner = { width: PLAN.width - 2 * PLAN.margin - 120, height: PLAN.height - 2 * PLAN.margin - 20 };
  const metresPerPixel = Math.max(span.x / inner.width, span.y / inner.height, 1);
  const left = PLAN.margin + 60 + (inner.width - span.x / metresPerPixel) / 2;
  const bottom = PLAN.height - PLAN.margin - 20 - (inner.height - span.y / metresPerPixel) / 2;
  return {
    metresPerPixel,
    x: (lon: number) => left + ((lon - minLon) * metresPerDegreeOfLongitude) / metresPerPixel,
    y: (lat: number) => bottom - ((lat - minLat) * METRES_PER_DEGREE_OF_LATITUDE) / metresPerPixel,
  };
}

/** The places drawn to scale, north at the top, with a scale bar. */
function PlainPlan({ points }: { points: Located[] }) {
  const { metresPerPixel, x, y } = projection(points);
  const scale = scaleBar(metresPerPixel);
  return (
    <svg
      class="plan"
      viewBox={`0 0 ${PLAN.width} ${PLAN.height}`}
      role="img"
      aria-label={`The places on a plain plan, north at the top; the bar is ${scale.text}`}
    >
      <rect x="0" y="0" width={PLAN.width} height={PLAN.height} class="plan-ground" />
      <text x={PLAN.width - 12} y="22" text-anchor="end" class="plan-north">
        N ↑
      </text>
      <g class="plan-scale">
        <path
          d={`M 16 ${PLAN.height - 22} v 6 h ${scale.pixels} v -6`}
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        />
        <text x={16 + scale.pixels / 2} y={PLAN.height - 26} text-anchor="middle" class="plan-label">
          {scale.text}
        </text>
      </g>
      {points.map((p) => {
        const [px, py] = [x(p.position?.longitude ?? 0), y(p.position?.latitude ?? 0)];
        // A name on the right half reads leftwards from its place, so it never runs off the plan.
        const leftwards = px > PLAN.width / 2;
        return (
          <g key={p.ref}>
            <circle cx={px} cy={py} r="7" class="plan-place" />
            <text
              x={leftwards ? px - 10 : px + 10}
              y={py + 4}
              text-anchor={leftwards ? 'end' : 'start'}
              class="plan-label"
            >
              {p.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
