import { dateInWords } from '@peermap/domain/paper-words';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { Action, PlanView } from '../../api-types';
import { requiredContext } from '../../ui';
import { useMayWritePlan } from './context';
import { type KeptPhrase, keptFor, type PlacedNote, wordsOf } from './flagged-words';

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

/** What a note next to the words can do: change the phrase, keep it with a reason, or stop keeping it. */
export interface WordChoices {
  kept: readonly KeptPhrase[];
  change: (note: PlacedNote) => void;
  keep: (note: PlacedNote, reason: string) => void;
  unkeep: (note: PlacedNote) => void;
}

const wordChoices = requiredContext<WordChoices>('A words note is shown outside the plan editor.');
export const WordChoicesProvider = wordChoices.Provider;

/**
 * The words check, next to the words. A blaming or labelling phrase stops the plan being agreed
 * until it is changed (to the suggestion, one click) or kept with the reason, for example a
 * young person's own words, quoted.
 */
export function Notes({ id, notes }: { id: string; notes: readonly PlacedNote[] }) {
  const { kept } = wordChoices.use();
  return (
    <div id={id} class="language-notes" aria-live="polite">
      {notes.map((note, index) => {
        const keptHere = keptFor(kept, note);
        return keptHere ? (
          <KeptNote key={note.phrase} note={note} kept={keptHere} />
        ) : (
          <FlaggedNote key={note.phrase} id={`${id}-${index}`} note={note} />
        );
      })}
    </div>
  );
}

function KeptNote({ note, kept }: { note: PlacedNote; kept: KeptPhrase }) {
  const { unkeep } = wordChoices.use();
  const canWrite = useMayWritePlan();
  const who = 'keptBy' in kept ? ` (kept by ${kept.keptBy} on ${dateInWords(kept.keptAt)})` : ' (kept when saved)';
  return (
    <div class="kept-words">
      <p>
        “{note.phrase}” is kept because: {kept.reason}
        <span class="subtle">{who}</span>
      </p>
      {canWrite && (
        <button type="button" onClick={() => unkeep(note)}>
          Stop keeping “{note.phrase}”
        </button>
      )}
    </div>
  );
}

function FlaggedNote({ id, note }: { id: string; note: PlacedNote }) {
  const { change, keep } = wordChoices.use();
  const canWrite = useMayWritePlan();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const better = wordsOf(note.suggestion);
  return (
    <div class="flagged-words">
      <p>
        Instead of “{note.phrase}”, try “{note.suggestion}”: the words blame or label a child.
      </p>
      {canWrite && (
        <div class="inline">
          <button type="button" onClick={() => change(note)}>
            Change it to “{better}”
          </button>
          <button type="button" aria-expanded={asking} onClick={() => setAsking(!asking)}>
            Keep it, because…
          </button>
        </div>
      )}
      {canWrite && asking && (
        <div class="inline">
          <div>
            <label for={`${id}-reason`}>Why keep “{note.phrase}”?</label>
            <input
              id={`${id}-reason`}
              value={reason}
              aria-describedby={`${id}-reason-hint`}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <span id={`${id}-reason-hint`} class="subtle">
              For example: her own words, quoted. At least ten letters; printed on the plan.
            </span>
          </div>
          <button type="button" disabled={reason.trim().length < 10} onClick={() => keep(note, reason.trim())}>
            Keep “{note.phrase}”
          </button>
        </div>
      )}
    </div>
  );
}
