import { useMemo, useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { RadioChoices } from '../forms';
import { Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { MapViewProvider } from './map/context';
import { FilterFields, useFilters, visiblePeople } from './map/filters';
import { Key } from './map/key';
import { buildModel, loadMapData } from './map/model';
import { Network } from './map/network';
import { PeopleList } from './map/people-list';
import { PersonPanel } from './map/person-panel';

type ViewKind = 'network' | 'list';

const VIEWS = [
  { value: 'network', label: 'Network' },
  { value: 'list', label: 'List' },
] as const;

export function MapPage({ api, me, words }: PageContext) {
  const data = useLoad(() => loadMapData({ api, me }), 'map');
  const { filters, change } = useFilters();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [view, setView] = useState<ViewKind>('network');

  const model = useMemo(() => (data.data ? buildModel(data.data) : undefined), [data.data]);
  if (data.error) return <ProblemView error={data.error} />;
  if (!data.data || !model) return <Loading what="the map" />;

  const visible = visiblePeople(data.data.people, model, filters);
  return (
    <MapViewProvider value={{ api, words, data: data.data, model, select: setSelected }}>
      <section>
        <PageHeading>Map of the week{data.data.week ? ` (${data.data.week})` : ''}</PageHeading>
        <p>
          Young people coloured by their peer group, links drawn by kind. Choose a young person to see their links and
          why they are in their group. The same is in the list view, for screen readers and for people who prefer
          tables.
        </p>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <FilterFields filters={filters} onChange={change} />
          <ViewChoice view={view} onChange={setView} />
        </form>
        <p role="status">
          {visible.length} of {data.data.people.length} young people shown.
        </p>
        <div class="map-layout">
          {view === 'network' ? (
            <Network visible={new Set(visible.map((p) => p.ref))} />
          ) : (
            <PeopleList visible={visible} />
          )}
          {view === 'network' && <Key />}
          {selected && <PersonPanel personRef={selected} onClose={() => setSelected(undefined)} />}
        </div>
      </section>
    </MapViewProvider>
  );
}

function ViewChoice({ view, onChange }: { view: ViewKind; onChange: (view: ViewKind) => void }) {
  return (
    <fieldset class="view-choice">
      <legend>Show as</legend>
      <RadioChoices name="view" options={VIEWS} chosen={view} onChange={onChange} />
    </fieldset>
  );
}
