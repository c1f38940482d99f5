import type { Location } from '@peermap/domain';
import { markingLine } from './document';

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  /** A foreign member (RFC 7946 §6.1): the handling marking and what the file is. */
  marking: string;
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Record<string, string | number | null>;
  }[];
}

/**
 * Places as GeoJSON (RFC 7946) for GIS: WGS84 longitude then latitude, at most six decimals
 * (about 10 cm), no `crs` member. Places without a position (online places) are left out.
 */
export function locationsGeoJson(locations: readonly Location[], marking: string): GeoJsonFeatureCollection {
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return {
    type: 'FeatureCollection',
    marking: markingLine(marking),
    features: locations.flatMap((location) =>
      location.position
        ? [
            {
              type: 'Feature' as const,
              id: location.ref,
              geometry: {
                type: 'Point' as const,
                coordinates: [round(location.position.longitude), round(location.position.latitude)] as [
                  number,
                  number,
                ],
              },
              properties: {
                ref: location.ref,
                name: location.name,
                kind: location.kind,
                postcode: location.postcode ?? null,
                source_agency: location.sourceAgency,
                easting: location.gridReference?.easting ?? null,
                northing: location.gridReference?.northing ?? null,
              },
            },
          ]
        : [],
    ),
  };
}
