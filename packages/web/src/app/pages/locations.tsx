import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import type { PageContext } from '../app';
import { allPages, type YoungPerson } from '../data';
import { humanise, Loading, PageHeading, ProblemView, useLoad } from '../ui';

interface Place {
  ref: string;
  name: string;
  kind: string;
  position?: { latitude: number; longitude: number };
  gridReference?: { easting: number; northing: number };
  postcode?: string;
  sourceAgency: string;
  notes?: string;
  version: number;
}

export function LocationsPage({ api, me, words }: PageContext) {
  const places = useLoad(() => allPages<Place>(api, '/v1/locations'), 'places');
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
      {places.data && (
        <table>
          <caption>The partnership's places ({places.data.length})</caption>
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Kind</th>
              <th scope="col">Position</th>
              <th scope="col">Grid reference</th>
              {canWrite && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {places.data.map((p) => (
              <tr key={p.ref}>
                <th scope="row">
                  {p.name} <span class="subtle">({p.ref})</span>
                </th>
                <td>{humanise(p.kind)}</td>
                <td>{p.position ? `${p.position.latitude.toFixed(5)}, ${p.position.longitude.toFixed(5)}` : ''}</td>
                <td>{p.gridReference ? `${p.gridReference.easting}, ${p.gridReference.northing}` : ''}</td>
                {canWrite && (
                  <td>
                    <button type="button" onClick={() => setEditing(p)} aria-label={`Correct ${p.name}`}>
                      Correct
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canSight && places.data && <SightingForm api={api} places={places.data} />}
    </section>
  );
}

function PlaceForm({
  api,
  words,
  place,
  onDone,
}: {
  api: Api;
  words: PageContext['words'];
  place: Place | undefined;
  onDone: () => void;
}) {
  const [system, setSystem] = useState<'wgs84' | 'bng'>(place?.gridReference ? 'bng' : 'wgs84');
  // The form opens above the table: the focus goes to it, so a keyboard or screen reader user is taken there.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const where =
      system === 'wgs84'
        ? { position: { latitude: Number(text('latitude')), longitude: Number(text('longitude')) } }
        : { gridReference: { easting: Number(text('easting')), northing: Number(text('northing')) } };
    const fields = {
      name: text('name'),
      kind: text('kind'),
      sourceAgency: text('sourceAgency'),
      ...where,
      ...(text('postcode') ? { postcode: text('postcode') } : {}),
      ...(text('notes') ? { notes: text('notes') } : {}),
    };
    setError(undefined);
    try {
      if (place) {
        await api.send('PATCH', `/v1/locations/${place.ref}`, { json: fields, ifMatch: `"${place.version}"` });
      } else {
        await api.send('POST', '/v1/locations', { json: { ref: text('ref'), ...fields } });
      }
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={submit} class="place-form">
      <h2 ref={heading} tabIndex={-1}>
        {place ? `Correct ${place.name}` : 'Add a place'}
      </h2>
      {!place && (
        <>
          <label for="place-ref">Reference (as in the mapping sheets, e.g. LOC0042)</label>
          <input id="place-ref" name="ref" required pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}" />
        </>
      )}
      <label for="place-name">Name</label>
      <input id="place-name" name="name" required maxLength={120} defaultValue={place?.name} />
      <label for="place-kind">Kind of place</label>
      <select id="place-kind" name="kind" defaultValue={place?.kind ?? 'other'}>
        {words.locationKinds.map((k) => (
          <option key={k} value={k}>
            {humanise(k)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Where it is</legend>
        <div class="choice">
          <input
            type="radio"
            id="system-wgs84"
            name="system"
            checked={system === 'wgs84'}
            onChange={() => setSystem('wgs84')}
          />
          <label for="system-wgs84">Latitude and longitude (WGS84)</label>
        </div>
        <div class="choice">
          <input
            type="radio"
            id="system-bng"
            name="system"
            checked={system === 'bng'}
            onChange={() => setSystem('bng')}
          />
          <label for="system-bng">British National Grid (easting and northing, metres)</label>
        </div>
        {system === 'wgs84' ? (
          <div class="row">
            <label for="place-latitude">Latitude</label>
            <input
              id="place-latitude"
              name="latitude"
              type="number"
              step="any"
              min={49}
              max={61}
              required
              defaultValue={place?.position?.latitude}
            />
            <label for="place-longitude">Longitude</label>
            <input
              id="place-longitude"
              name="longitude"
              type="number"
              step="any"
              min={-9}
              max={2}
              required
              defaultValue={place?.position?.longitude}
            />
          </div>
        ) : (
          <div class="row">
            <label for="place-easting">Easting</label>
            <input
              id="place-easting"
              name="easting"
              type="number"
              min={0}
              max={700000}
              required
              defaultValue={place?.gridReference?.easting}
            />
            <label for="place-northing">Northing</label>
            <input
              id="place-northing"
              name="northing"
              type="number"
              min={0}
              max={1300000}
              required
              defaultValue={place?.gridReference?.northing}
            />
          </div>
        )}
      </fieldset>
      <label for="place-postcode">Postcode (optional)</label>
      <input id="place-postcode" name="postcode" maxLength={10} defaultValue={place?.postcode} />
      <label for="place-agency">Recorded by</label>
      <select id="place-agency" name="sourceAgency" defaultValue={place?.sourceAgency ?? 'police'}>
        {words.agencies.map((a) => (
          <option key={a} value={a}>
            {humanise(a)}
          </option>
        ))}
      </select>
      <label for="place-notes">Notes (optional)</label>
      <textarea id="place-notes" name="notes" rows={2} maxLength={2000} defaultValue={place?.notes} />
      <div class="actions">
        <button type="submit" class="primary">
          {place ? 'Save the correction' : 'Add the place'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error !== undefined && <ProblemView error={error} />}
    </form>
  );
}

/** A sighting with its 3x5x2 grading: source evaluation, intelligence assessment, handling code. */
function SightingForm({ api, places }: { api: Api; places: Place[] }) {
  const people = useLoad(() => allPages<YoungPerson>(api, '/v1/young-people'), 'people');
  const [graded, setGraded] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    setError(undefined);
    setSaved(undefined);
    try {
      // Restricted intelligence is its own layer, with its own address.
      const restricted = form.get('restricted') === 'on';
      await api.send('POST', restricted ? '/v1/restricted-sightings' : '/v1/sightings', {
        json: {
          personRef: text('personRef'),
          locationRef: text('locationRef'),
          seenOn: text('seenOn'),
          sourceAgency: 'police',
          restricted,
          ...(graded
            ? {
                grading: {
                  sourceEvaluation: Number(text('sourceEvaluation')),
                  intelligenceAssessment: text('intelligenceAssessment'),
                  handlingCode: text('handlingCode'),
                },
              }
            : {}),
        },
      });
      setSaved(
        restricted
          ? "The sighting is recorded as restricted intelligence: for police analysts only, kept apart from partners' records."
          : 'The sighting is recorded.',
      );
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={submit} class="sighting-form">
      <h2>Record a sighting from police intelligence</h2>
      {!people.data && <Loading what="the young people" />}
      <label for="sighting-person">Young person</label>
      <select id="sighting-person" name="personRef" required>
        <option value="">Choose the young person…</option>
        {(people.data ?? []).map((p) => (
          <option key={p.ref} value={p.ref}>
            {p.displayName} ({p.ref})
          </option>
        ))}
      </select>
      <label for="sighting-place">Place</label>
      <select id="sighting-place" name="locationRef" required>
        <option value="">Choose the place…</option>
        {places.map((p) => (
          <option key={p.ref} value={p.ref}>
            {p.name}
          </option>
        ))}
      </select>
      <label for="sighting-date">Seen on</label>
      <input id="sighting-date" name="seenOn" type="date" required />
      <div class="choice">
        <input
          id="sighting-graded"
          type="checkbox"
          checked={graded}
          onChange={(e) => setGraded(e.currentTarget.checked)}
        />
        <label for="sighting-graded">Graded intelligence (3x5x2)</label>
      </div>
      {graded && (
        <div class="row">
          <label for="sighting-source">Source evaluation</label>
          <select id="sighting-source" name="sourceEvaluation">
            <option value="1">1: reliable</option>
            <option value="2">2: untested</option>
            <option value="3">3: not reliable</option>
          </select>
          <label for="sighting-assessment">Intelligence assessment</label>
          <select id="sighting-assessment" name="intelligenceAssessment">
            <option value="A">A: known directly</option>
            <option value="B">B: known indirectly, corroborated</option>
            <option value="C">C: known indirectly</option>
            <option value="D">D: not known</option>
            <option value="E">E: suspected false</option>
          </select>
          <label for="sighting-handling">Handling code</label>
          <select id="sighting-handling" name="handlingCode">
            <option value="P">P: lawful sharing permitted</option>
            <option value="C">C: sharing with conditions</option>
          </select>
        </div>
      )}
      <div class="choice">
        <input id="sighting-restricted" name="restricted" type="checkbox" />
        <label for="sighting-restricted">
          Restricted: seen by police analysts only, kept apart from partners' records
        </label>
      </div>
      <button type="submit" class="primary">
        Record the sighting
      </button>
      {saved && <p role="status">{saved}</p>}
      {error !== undefined && <ProblemView error={error} />}
    </form>
  );
}
