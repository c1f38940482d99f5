import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { Place } from '../../api-types';
import type { Words } from '../../app';
import { HumanisedOptions, RadioChoices } from '../../forms';
import { ProblemIfAny, useAttempt } from '../../ui';

type GridSystem = 'wgs84' | 'bng';

const GRID_SYSTEMS = [
  { value: 'wgs84', label: 'Latitude and longitude (WGS84)' },
  { value: 'bng', label: 'British National Grid (easting and northing, metres)' },
] as const;

/** What the form says of the place, in the API's fields; the position in the system chosen. */
function fieldsOf(form: FormData, system: GridSystem) {
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
  return { ref: text('ref'), fields };
}

/** Adds a place, or corrects one with the version it was read at. */
export function PlaceForm({
  api,
  words,
  place,
  onDone,
}: {
  api: Api;
  words: Words;
  place: Place | undefined;
  onDone: () => void;
}) {
  const [system, setSystem] = useState<GridSystem>(place?.gridReference ? 'bng' : 'wgs84');
  // The form opens above the table: the focus goes to it, so a keyboard or screen reader user is taken there.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { error, attempt } = useAttempt();
  const submit = (event: Event) => {
    event.preventDefault();
    const { ref, fields } = fieldsOf(new FormData(event.currentTarget as HTMLFormElement), system);
    return attempt(async () => {
      if (place) {
        await api.send('PATCH', '/v1/locations/{ref}', {
          params: { ref: place.ref },
          json: fields,
          ifMatch: `"${place.version}"`,
        });
      } else {
        await api.send('POST', '/v1/locations', { json: { ref, ...fields } });
      }
      onDone();
    });
  };
  return (
    <form onSubmit={submit} class="place-form">
      <h2 ref={heading} tabIndex={-1}>
        {place ? `Correct ${place.name}` : 'Add a place'}
      </h2>
      <PlaceFields words={words} place={place} system={system} onSystem={setSystem} />
      <div class="actions">
        <button type="submit" class="primary">
          {place ? 'Save the correction' : 'Add the place'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ProblemIfAny error={error} />
    </form>
  );
}

function PlaceFields({
  words,
  place,
  system,
  onSystem,
}: {
  words: Words;
  place: Place | undefined;
  system: GridSystem;
  onSystem: (system: GridSystem) => void;
}) {
  return (
    <>
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
        <HumanisedOptions values={words.locationKinds} />
      </select>
      <WhereFields place={place} system={system} onSystem={onSystem} />
      <label for="place-postcode">Postcode (optional)</label>
      <input id="place-postcode" name="postcode" maxLength={10} defaultValue={place?.postcode} />
      <label for="place-agency">Recorded by</label>
      <select id="place-agency" name="sourceAgency" defaultValue={place?.sourceAgency ?? 'police'}>
        <HumanisedOptions values={words.agencies} />
      </select>
      <label for="place-notes">Notes (optional)</label>
      <textarea id="place-notes" name="notes" rows={2} maxLength={2000} defaultValue={place?.notes} />
    </>
  );
}

/** One coordinate of a place, in the system chosen. */
function Coordinate(props: {
  name: string;
  label: string;
  min: number;
  max: number;
  step?: string;
  value?: number | undefined;
}) {
  const id = `place-${props.name}`;
  return (
    <>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="number"
        step={props.step}
        min={props.min}
        max={props.max}
        required
        defaultValue={props.value}
      />
    </>
  );
}

function WhereFields({
  place,
  system,
  onSystem,
}: {
  place: Place | undefined;
  system: GridSystem;
  onSystem: (system: GridSystem) => void;
}) {
  return (
    <fieldset>
      <legend>Where it is</legend>
      <RadioChoices name="system" options={GRID_SYSTEMS} chosen={system} onChange={onSystem} />
      {system === 'wgs84' ? (
        <div class="row">
          <Coordinate name="latitude" label="Latitude" step="any" min={49} max={61} value={place?.position?.latitude} />
          <Coordinate
            name="longitude"
            label="Longitude"
            step="any"
            min={-9}
            max={2}
            value={place?.position?.longitude}
          />
        </div>
      ) : (
        <div class="row">
          <Coordinate name="easting" label="Easting" min={0} max={700000} value={place?.gridReference?.easting} />
          <Coordinate name="northing" label="Northing" min={0} max={1300000} value={place?.gridReference?.northing} />
        </div>
      )}
    </fieldset>
  );
}
