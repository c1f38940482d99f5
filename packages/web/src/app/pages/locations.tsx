import { useState } from 'preact/hooks';
import type { Place } from '../api-types';
import type { PageContext } from '../app';
import { allPages } from '../data';
import { Loading, PageHeading, ProblemView, useLoad } from '../ui';
import { PlaceForm } from './locations/place-form';
import { PlacesTable } from './locations/places-table';
import { SightingForm } from './locations/sighting-form';

export function LocationsPage({ api, me, words }: PageContext) {
  const places = useLoad(() => allPages((query) => api.get('/v1/locations', { query })), 'places');
  const [editing, setEditing] = useState<Place | 'new' | undefined>(undefined);
  const canWrite = me.permissions.includes('locations:write');
  const canSight = me.permissions.includes('sightings:write');
  return (
    <section>
      <PageHeading>Places</PageHeading>
      <p>
        Where young people are seen. Add or correct a place by its map position (latitude and longitude, WGS84) or its
        British National Grid reference (easting and northing), which peermap converts.
      </p>
      {places.error !== undefined && <ProblemView error={places.error} />}
      {!places.data && !places.error && <Loading what="the places" />}
      {canWrite && (
        <button type="button" onClick={() => setEditing('new')}>
          Add a place
        </button>
      )}
      {editing && (
        <PlaceForm
          key={editing === 'new' ? 'new' : editing.ref}
          api={api}
          words={words}
          place={editing === 'new' ? undefined : editing}
          onDone={() => {
            setEditing(undefined);
            places.reload();
          }}
        />
      )}
      {places.data && <PlacesTable places={places.data} onCorrect={canWrite ? setEditing : undefined} />}
      {canSight && places.data && <SightingForm api={api} places={places.data} />}
    </section>
  );
}
