import type { PageContext } from '../../app';
import { requiredContext } from '../../ui';
import type { MapData, Model } from './model';

/** What every part of the map reads: the week's data, its model, peermap's words, and how to choose a young person. */
export interface MapView {
  api: PageContext['api'];
  words: PageContext['words'];
  data: MapData;
  model: Model;
  select: (ref: string) => void;
}

const mapView = requiredContext<MapView>('A part of the map is shown outside the map.');
export const MapViewProvider = mapView.Provider;
export const useMapView = mapView.use;
