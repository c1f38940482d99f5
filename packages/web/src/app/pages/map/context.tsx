import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PageContext } from '../../app';
import type { MapData, Model } from './model';

/** What every part of the map reads: the week's data, its model, peermap's words, and how to choose a young person. */
export interface MapView {
  api: PageContext['api'];
  words: PageContext['words'];
  data: MapData;
  model: Model;
  select: (ref: string) => void;
}

export const MapViewContext = createContext<MapView | undefined>(undefined);

export function useMapView(): MapView {
  const view = useContext(MapViewContext);
  if (!view) throw new Error('A part of the map is shown outside the map.');
  return view;
}
