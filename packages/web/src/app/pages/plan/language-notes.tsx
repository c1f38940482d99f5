import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { Action, PlanView } from '../../api-types';

/**
 * The words check as people write: the text is checked a moment after typing stops (the
 * guide lives in the API, with the partnership's own phrases), so the notes stand next to the
 * words before anything is saved.
 */
export function useLiveNotes(api: Api, summary: string, actions: Action[], saved: PlanView['languageNotes']) {
  const [notes, setNotes] = useState(saved);
  const fields = JSON.stringify({
    summary,
    ...Object.fromEntries(actions.map((a, index) => [`actions.${index}.description`, a.description])),
  });
  useEffect(() => {
    const timer = setTimeout(() => {
      api
        .send('POST', '/v1/language-check', {
          json: { fields: JSON.parse(fields) },
        })
        .then((answer) => setNotes(answer.body.notes))
        .catch(() => undefined);
    }, 500);
    return () => clearTimeout(timer);
  }, [api, fields]);
  return notes;
}

/** The words check, next to the words: notes, not refusals; the person writing decides. */
export function Notes({ id, notes }: { id: string; notes: PlanView['languageNotes'] }) {
  return (
    <div id={id} class="language-notes" aria-live="polite">
      {notes.map((note) => (
        <p key={note.phrase}>
          Instead of “{note.phrase}”, try “{note.suggestion}”.
        </p>
      ))}
    </div>
  );
}
