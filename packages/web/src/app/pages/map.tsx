import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { RadioChoices } from '../forms';
import { Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { MapViewProvider } from './map/context';
import { FilterFields, type Filters, useFilters, visiblePeople } from './map/filters';
import { Key } from './map/key';
import {
  buildModel,
  canSeePlaces,
  loadMapData,
  loadPlaces,
  type MapData,
  type Model,
  type PlaceLayer,
  type PlacesData,
  placeLayerOf,
} from './map/model';
import { Network } from './map/network';
import { PeopleList } from './map/people-list';
import { PersonPanel } from './map/person-panel';

type ViewKind = 'network' | 'list';

const VIEWS = [
  { value: 'network', label: 'Network' },
  { value: 'list', label: 'List' },
] as const;

/** The places layer, read once when it is first switched on. */
function usePlaceLayer(on: boolean, context: Pick<PageContext, 'api' | 'me'>, model: Model | undefined) {
  const [data, setData] = useState<PlacesData | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const asked = useRef(false);
  useEffect(() => {
    if (!on || asked.current) return;
    asked.current = true;
    loadPlaces(context).then(setData, setError);
  }, [on, context]);
  const layer = useMemo<PlaceLayer | undefined>(
    () => (on && data && model ? placeLayerOf(model, data) : undefined),
    [on, data, model],
  );
  return { layer, error, loading: on && !data && !error };
}

export function MapPage({ api, me, words }: PageContext) {
  const data = useLoad(() => loadMapData({ api, me }), 'map');
  const { filters, change } = useFilters();
  const [view, setView] = useState<ViewKind>('network');
  const [showPlaces, setShowPlaces] = useState(false);
  const context = useMemo(() => ({ api, me }), [api, me]);

  const model = useMemo(() => (data.data ? buildModel(data.data) : undefined), [data.data]);
  const places = usePlaceLayer(showPlaces, context, model);
  const visible = useMemo(
    () => (data.data && model ? visiblePeople(data.data.people, model, filters) : []),
    [data.data, model, filters],
  );
  const shown = useMemo(() => new Set(visible.map((p) => p.ref)), [visible]);
  const { selected, select, close } = useSelection();

  if (data.error) return <ProblemView error={data.error} />;
  if (!data.data || !model) return <Loading what="the map" />;
  const network = view === 'network';
  return (
    <MapViewProvider value={{ api, words, data: data.data, model, select }}>
      <section class="map-page">
        <PageHeading>Map of the week{data.data.week ? ` (${data.data.week})` : ''}</PageHeading>
        <p>
          Each peer group is drawn in its own patch, with its name and colour; the links between groups are drawn
          stronger. Choose a young person to see their links and why they are in their group. The list view shows the
          same as a table, for screen readers and for people who prefer tables.
        </p>
        <MapChoices
          filters={filters}
          onChange={change}
          view={view}
          onView={setView}
          places={canSeePlaces(me) && network ? { shown: showPlaces, onChange: setShowPlaces } : undefined}
        />
        <MapStatus
          shown={visible.length}
          total={data.data.people.length}
          restricted={restrictedShown(data.data, shown, network ? places.layer : undefined)}
          places={network ? places : undefined}
        />
        {network && <MapKeys />}
        <div class={network ? 'map-stage' : 'map-stage list'}>
          {network ? (
            <Network visible={shown} selected={selected} places={places.layer} />
          ) : (
            <PeopleList visible={visible} />
          )}
          {selected && <PersonPanel personRef={selected} onClose={close} />}
        </div>
        {network && <Key places={places.layer !== undefined} />}
      </section>
    </MapViewProvider>
  );
}

/**
 * The young person whose details are open. Whatever opened them (a dot on the map, a name in
 * the list) gets the focus back when they close, by the Close button or Escape.
 */
function useSelection() {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const opener = useRef<HTMLElement | null>(null);
  const select = useCallback((ref: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSelected(ref);
  }, []);
  const close = useCallback(() => {
    setSelected(undefined);
    // Chosen in the list, then the view changed: the map itself takes the focus instead.
    const back = opener.current?.isConnected
      ? opener.current
      : document.querySelector<HTMLElement>('[aria-roledescription="network map"]');
    back?.focus();
  }, []);
  useEffect(() => {
    if (!selected) return undefined;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [selected, close]);
  return { selected, select, close };
}

function MapChoices({
  filters,
  onChange,
  view,
  onView,
  places,
}: {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  view: ViewKind;
  onView: (view: ViewKind) => void;
  places: { shown: boolean; onChange: (shown: boolean) => void } | undefined;
}) {
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      <FilterFields filters={filters} onChange={onChange} />
      <ViewChoice view={view} onChange={onView} />
      {places && (
        <label class="places-choice">
          <input type="checkbox" checked={places.shown} onChange={(e) => places.onChange(e.currentTarget.checked)} />
          Show places
        </label>
      )}
    </form>
  );
}

/** How many links and sightings shown are restricted police intelligence (for those who may see it). */
function restrictedShown(data: MapData, shown: ReadonlySet<string>, places: PlaceLayer | undefined): RestrictedShown {
  const links = data.relationships.filter((r) => r.restricted && shown.has(r.personA) && shown.has(r.personB));
  const sightings = places?.links.filter((l) => l.restricted && shown.has(l.person)) ?? [];
  return { links: links.length, sightings: sightings.length };
}

interface RestrictedShown {
  links: number;
  sightings: number;
}

/** "3 of the links and 1 of the sightings shown are restricted …", each counted as what it is. */
function restrictedInWords({ links, sightings }: RestrictedShown): string {
  const parts = [
    ...(links > 0 ? [`${links} of the links`] : []),
    ...(sightings > 0 ? [`${sightings} of the sightings at places`] : []),
  ];
  if (parts.length === 0) return '';
  const verb = links + sightings === 1 ? 'is' : 'are';
  return ` ${parts.join(' and ')} shown ${verb} restricted police intelligence, drawn dashed.`;
}

function MapStatus({
  shown,
  total,
  restricted,
  places,
}: {
  shown: number;
  total: number;
  restricted: RestrictedShown;
  places: ReturnType<typeof usePlaceLayer> | undefined;
}) {
  return (
    <>
      <p role="status">
        {shown} of {total} young people shown.
        {restrictedInWords(restricted)}
        {places?.layer ? ` ${placesInWords(places.layer)}` : ''}
        {places?.loading ? ' Loading the places…' : ''}
      </p>
      {places?.error !== undefined && <ProblemView error={places.error} />}
    </>
  );
}

function MapKeys() {
  return (
    <p id="map-keys" class="map-keys">
      With the map in focus: <kbd>+</kbd> and <kbd>-</kbd> zoom, <kbd>0</kbd> resets, <kbd>F</kbd> fits to those shown,
      the arrow keys move the view, and <kbd>Esc</kbd> closes a young person's details.
    </p>
  );
}

function placesInWords(layer: PlaceLayer): string {
  const drawn = `${layer.nodes.length} ${layer.nodes.length === 1 ? 'place' : 'places'} where they were seen`;
  return layer.unseen > 0 ? `${drawn}; ${layer.unseen} more with no one on the map seen there.` : `${drawn}.`;
}

function ViewChoice({ view, onChange }: { view: ViewKind; onChange: (view: ViewKind) => void }) {
  return (
    <fieldset class="view-choice">
      <legend>Show as</legend>
      <RadioChoices name="view" options={VIEWS} chosen={view} onChange={onChange} />
    </fieldset>
  );
}
