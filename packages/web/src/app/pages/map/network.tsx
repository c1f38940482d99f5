import { createNodeBorderProgram } from '@sigma/node-border';
import { NodeSquareProgram } from '@sigma/node-square';
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import { fitBox, keepInSight, panBy, zoomBy } from './camera';
import { useMapView } from './context';
import { addPlaceLayer, type Model, type PlaceLayer } from './model';
import { drawNames, drawPatches, drawRestrictedMarks, type OverlayState } from './overlay';
import { RING_COLOUR } from './palette';

const PersonProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 1.5, mode: 'pixels' }, color: { value: RING_COLOUR } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

export interface NetworkProps {
  visible: Set<string>;
  selected: string | undefined;
  places: PlaceLayer | undefined;
}

/** The chosen young person and their links stand out; everyone else steps back. */
function reducers(sigma: Sigma, { visible, selected }: Pick<NetworkProps, 'visible' | 'selected'>) {
  const graph = sigma.getGraph();
  const near = new Set(selected && graph.hasNode(selected) ? [selected, ...graph.neighbors(selected)] : []);
  // A place stays while anyone seen there is shown.
  const shown = (node: string) =>
    visible.has(node) ||
    (graph.getNodeAttribute(node, 'place') === true && graph.someNeighbor(node, (other) => visible.has(other)));
  sigma.setSetting('nodeReducer', (node, attributes) => {
    if (!shown(node)) return { ...attributes, hidden: true };
    if (near.size > 0 && !near.has(node)) return { ...attributes, color: '#d4d4d4' };
    return node === selected ? { ...attributes, size: 9, zIndex: 2 } : attributes;
  });
  sigma.setSetting('edgeReducer', (edge, attributes) => {
    if (near.size === 0) return attributes;
    if (!graph.extremities(edge).includes(selected ?? '')) return { ...attributes, color: '#e6e6e6' };
    // The chosen one's own links in full colour, over the rest.
    return {
      ...attributes,
      color: String(attributes['color']).slice(0, 7),
      size: Number(attributes['size']) + 1,
      zIndex: 1,
    };
  });
}

/**
 * The week drawn as a network with WebGL: zoom, fit and reset by buttons or keys, and every
 * change of filter fits the camera to the young people shown.
 */
export function Network({ visible, selected, places }: NetworkProps) {
  const { model } = useMapView();
  const container = useRef<HTMLDivElement>(null);
  // A place clicked on shows who was seen there, as a chosen young person shows their links.
  const [place, setPlace] = useState<string | undefined>(undefined);
  useEffect(() => setPlace(undefined), [places, selected]);
  const focus = selected ?? place;
  const { sigma, failed, zoom, named } = useSigma(container, visible, focus, setPlace);

  useEffect(() => {
    if (!sigma || !places) return undefined;
    const remove = addPlaceLayer(model.graph, places);
    return () => remove();
  }, [sigma, places, model]);

  useEffect(() => {
    if (!sigma) return;
    reducers(sigma, { visible, selected: focus });
    sigma.refresh();
  }, [sigma, visible, focus, places]);

  // A new filter, or places switched on or off: the camera fits what is now shown.
  useEffect(() => {
    if (sigma) fitBox(sigma, model, visible, 'shown');
  }, [sigma, visible, places, model]);

  useEffect(() => {
    const panel = container.current?.closest('.map-stage')?.querySelector('.person');
    if (sigma && selected) keepInSight(sigma, selected, panel ? panel.getBoundingClientRect().width + 16 : 0);
  }, [sigma, selected]);

  if (failed)
    return <p role="alert">This browser cannot draw the network (it needs WebGL). The list view shows the same.</p>;
  return (
    <div class="network-frame">
      <CameraButtons sigma={sigma} zoom={zoom} />
      <div ref={container} class="network" data-names-drawn={named} />
    </div>
  );
}

function shownPerGroup(model: Model, visible: ReadonlySet<string>): Map<string, number> {
  const shown = new Map<string, number>();
  for (const ref of visible) {
    const cluster = model.clusterOf.get(ref);
    if (cluster) shown.set(cluster.clusterId, (shown.get(cluster.clusterId) ?? 0) + 1);
  }
  return shown;
}

/** Sigma over the container, with our own layers and keys; rebuilt when the week's model changes. */
function useSigma(
  container: RefObject<HTMLDivElement | null>,
  visible: Set<string>,
  selected: string | undefined,
  onPlace: (node: string | undefined) => void,
) {
  const { model, select } = useMapView();
  const [failed, setFailed] = useState(false);
  const [sigma, setSigma] = useState<Sigma | undefined>(undefined);
  const [zoom, setZoom] = useState(100);
  const [named, setNamed] = useState(0);
  const overlay = useRef<OverlayState>({ selected, shownIn: new Map() });
  overlay.current.selected = selected;
  overlay.current.shownIn = useMemo(() => shownPerGroup(model, visible), [model, visible]);
  const shown = useRef(visible);
  shown.current = visible;

  useEffect(() => {
    if (!container.current) return;
    try {
      const renderer = new Sigma(model.graph, container.current, SETTINGS);
      addLayers(renderer);
      renderer.resize(true);
      focusSurface(renderer, (key) => handleKey(renderer, model, shown.current, key));
      const widths = new Map<string, number>();
      renderer.on('afterRender', () => {
        const titles = drawPatches(renderer, model, overlay.current);
        drawRestrictedMarks(renderer);
        setNamed(drawNames(renderer, overlay.current, titles, widths));
      });
      renderer.getCamera().on('updated', (state) => setZoom(Math.round(100 / state.ratio)));
      renderer.on('clickNode', ({ node }) => {
        if (renderer.getGraph().getNodeAttribute(node, 'place') === true) onPlace(node);
        else select(node);
      });
      renderer.on('clickStage', () => onPlace(undefined));
      setSigma(renderer);
      return () => {
        renderer.kill();
        setSigma(undefined);
      };
    } catch {
      setFailed(true);
      return undefined;
    }
  }, [container, model, select, onPlace]);
  return { sigma, failed, zoom, named };
}

const SETTINGS = {
  // Names are written by our own rule (no overlaps, halos), so sigma's are off.
  renderLabels: false,
  renderEdgeLabels: false,
  defaultNodeType: 'circle',
  nodeProgramClasses: { circle: PersonProgram, square: NodeSquareProgram },
  zIndex: true,
  stagePadding: 24,
  minCameraRatio: 0.08,
  maxCameraRatio: 4,
  labelFont: 'system-ui, "Segoe UI", Arial, sans-serif',
  labelSize: 13,
  // Briefly hidden (the list view, printing), the map waits rather than failing.
  allowInvalidContainer: true,
};

/**
 * Canvases of our own among sigma's: group patches under the links, restricted-intelligence
 * dashes over them, and the names over the young people. Sigma sizes every canvas it holds a
 * context for; its types do not offer where to put one, so each is moved into place.
 */
function addLayers(renderer: Sigma): void {
  const places: [string, 'before' | 'after', string][] = [
    ['patches', 'before', 'edges'],
    ['marks', 'after', 'edges'],
    ['names', 'after', 'labels'],
  ];
  for (const [id, where, of] of places) {
    renderer.createCanvasContext(id);
    const canvases = renderer.getCanvases();
    const canvas = canvases[id];
    const neighbour = canvases[of];
    if (canvas && neighbour) neighbour[where](canvas);
  }
}

/**
 * The canvas sigma puts on top (it takes the pointer) is also what takes the keyboard: a
 * custom widget with its own keys, so an application to assistive technology, named and
 * pointing at the page's list of keys. Sigma makes the element, so it is set up here.
 */
function focusSurface(renderer: Sigma, onKey: (key: string) => boolean): void {
  const surface = renderer.getCanvases()['mouse'];
  if (!surface) return;
  surface.tabIndex = 0;
  surface.setAttribute('role', 'application');
  surface.setAttribute('aria-roledescription', 'network map');
  surface.setAttribute(
    'aria-label',
    'The network of young people, their peer groups and links. The list view shows the same as a table.',
  );
  surface.setAttribute('aria-describedby', 'map-keys');
  surface.addEventListener('keydown', (event) => {
    if (onKey(event.key)) event.preventDefault();
  });
}

/** The map's keys, when the map has focus: whether the key was the map's. */
function handleKey(sigma: Sigma, model: Model, visible: ReadonlySet<string>, key: string): boolean {
  const moves: Record<string, () => void> = {
    '+': () => zoomBy(sigma, 1.5),
    '=': () => zoomBy(sigma, 1.5),
    '-': () => zoomBy(sigma, 1 / 1.5),
    _: () => zoomBy(sigma, 1 / 1.5),
    '0': () => fitBox(sigma, model, visible, 'whole'),
    f: () => fitBox(sigma, model, visible, 'shown'),
    F: () => fitBox(sigma, model, visible, 'shown'),
    ArrowLeft: () => panBy(sigma, -1, 0),
    ArrowRight: () => panBy(sigma, 1, 0),
    ArrowUp: () => panBy(sigma, 0, 1),
    ArrowDown: () => panBy(sigma, 0, -1),
  };
  const move = moves[key];
  move?.();
  return move !== undefined;
}

function CameraButtons({ sigma, zoom }: { sigma: Sigma | undefined; zoom: number }) {
  const { model } = useMapView();
  const act = (what: (s: Sigma) => void) => () => sigma && what(sigma);
  return (
    <div class="camera" role="toolbar" aria-label="Zoom and fit the map">
      <button type="button" onClick={act((s) => zoomBy(s, 1.5))} aria-keyshortcuts="+">
        Zoom in
      </button>
      <button type="button" onClick={act((s) => zoomBy(s, 1 / 1.5))} aria-keyshortcuts="-">
        Zoom out
      </button>
      <button type="button" onClick={act((s) => fitBox(s, model, shownNow(s), 'shown'))} aria-keyshortcuts="F">
        Fit to those shown
      </button>
      <button type="button" onClick={act((s) => fitBox(s, model, shownNow(s), 'whole'))} aria-keyshortcuts="0">
        Reset
      </button>
      <output class="zoom" aria-live="off">
        Zoom {zoom}%
      </output>
    </div>
  );
}

/** The young people the map shows now (the reducer hides the others). */
function shownNow(sigma: Sigma): Set<string> {
  const shown = new Set<string>();
  sigma.getGraph().forEachNode((node) => {
    if (!sigma.getNodeDisplayData(node)?.hidden) shown.add(node);
  });
  return shown;
}
