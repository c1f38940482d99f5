import { useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { Place } from '../../api-types';
import { allPages } from '../../data';
import { Choice } from '../../forms';
import { Loading, ProblemIfAny, useAttempt, useLoad } from '../../ui';

/** What the form records: the sighting, and its grading when it is graded intelligence. */
function sightingOf(form: FormData, graded: boolean) {
  const text = (name: string) => String(form.get(name) ?? '');
  const restricted = form.get('restricted') === 'on';
  const grading = {
    sourceEvaluation: Number(text('sourceEvaluation')),
    intelligenceAssessment: text('intelligenceAssessment'),
    handlingCode: text('handlingCode'),
  };
  return {
    restricted,
    sighting: {
      personRef: text('personRef'),
      locationRef: text('locationRef'),
      seenOn: text('seenOn'),
      sourceAgency: 'police',
      restricted,
      ...(graded ? { grading } : {}),
    },
  };
}

/** A sighting with its 3x5x2 grading: source evaluation, intelligence assessment, handling code. */
export function SightingForm({ api, places }: { api: Api; places: Place[] }) {
  const [graded, setGraded] = useState(true);
  const { error, attempt } = useAttempt();
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const submit = (event: Event) => {
    event.preventDefault();
    const { restricted, sighting } = sightingOf(new FormData(event.currentTarget as HTMLFormElement), graded);
    setSaved(undefined);
    return attempt(async () => {
      // Restricted intelligence is its own layer, with its own address.
      await api.send('POST', restricted ? '/v1/restricted-sightings' : '/v1/sightings', { json: sighting });
      setSaved(
        restricted
          ? "The sighting is recorded as restricted intelligence: for police analysts only, kept apart from partners' records."
          : 'The sighting is recorded.',
      );
    });
  };
  return (
    <form onSubmit={submit} class="sighting-form">
      <h2>Record a sighting from police intelligence</h2>
      <WhoWhereWhen api={api} places={places} />
      <Choice type="checkbox" id="sighting-graded" checked={graded} onChange={setGraded}>
        Graded intelligence (3x5x2)
      </Choice>
      {graded && <GradingFields />}
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
      <ProblemIfAny error={error} />
    </form>
  );
}

/** Which young person was seen, where, and when. */
function WhoWhereWhen({ api, places }: { api: Api; places: Place[] }) {
  const people = useLoad(() => allPages((query) => api.get('/v1/young-people', { query })), 'people');
  return (
    <>
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
    </>
  );
}

/** The 3x5x2 grading of police intelligence. */
function GradingFields() {
  return (
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
  );
}
