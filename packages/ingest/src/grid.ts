import type { GridReference, Position } from '@peermap/domain';
import proj4 from 'proj4';

/**
 * British National Grid (EPSG:27700) with the published seven-parameter Helmert shift to
 * WGS84. Accurate to a few metres, which is enough to place a gathering point on a map;
 * OSTN15, the centimetre-level grid shift, is not available as a package here.
 */
const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const toWgs84 = proj4(BRITISH_NATIONAL_GRID, 'WGS84');

/** The WGS84 position of a British National Grid reference, to six decimal places (~0.1 m). */
export function gridToPosition(grid: GridReference): Position {
  const [longitude = Number.NaN, latitude = Number.NaN] = toWgs84.forward([grid.easting, grid.northing]);
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

/**
 * A generous box around Great Britain and its islands (Scilly to Shetland, St Kilda to
 * Lowestoft). A position outside it is almost certainly a typing slip or swapped columns.
 */
export const GREAT_BRITAIN_BOUNDS = { south: 49.8, north: 60.9, west: -8.7, east: 1.8 } as const;

/** Whether a position falls inside `GREAT_BRITAIN_BOUNDS`. */
export function isInGreatBritain({ latitude, longitude }: Position): boolean {
  const b = GREAT_BRITAIN_BOUNDS;
  return latitude >= b.south && latitude <= b.north && longitude >= b.west && longitude <= b.east;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
