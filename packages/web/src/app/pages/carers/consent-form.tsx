import type { CarerView, Consent } from '@peermap/domain';
import { todayOf } from '@peermap/domain/uk-day';
import { useState } from 'preact/hooks';
import type { Api } from '../../api';
import { RadioChoices } from '../../forms';
import { ProblemIfAny, useAttempt } from '../../ui';
import { dayInWords } from '../sessions/words';
import { CONSENT_SCOPE_SUGGESTIONS, CONSENT_WORDS } from './consent-words';

type Decision = 'given' | 'declined' | 'withdrawn';

/** The decisions a worker can record now: a withdrawal only of consent that was given. */
const decisionsFor = (consent: Consent): { value: Decision; label: string }[] => [
  { value: 'given', label: 'Consent given' },
  { value: 'declined', label: 'Declined' },
  ...(consent.status === 'given' ? [{ value: 'withdrawn' as const, label: 'Consent withdrawn' }] : []),
];

/** What the worker typed, as the API takes it. */
function decisionOf(form: FormData, decision: Decision) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    status: decision,
    recordedOn: text('recordedOn'),
    recordedBy: text('recordedBy'),
    ...(text('scope') ? { scope: text('scope') } : {}),
    ...(text('note') ? { note: text('note') } : {}),
  };
}

/** Records a decision against the version shown; the one it replaces is kept in the history. */
export function ConsentForm({
  api,
  carer,
  consent,
  etag,
  onSaved,
}: {
  api: Api;
  carer: CarerView;
  consent: Consent;
  etag: string | undefined;
  onSaved: (carer: CarerView, etag: string | undefined, message: string) => void;
}) {
  const [decision, setDecision] = useState<Decision>(consent.status === 'given' ? 'withdrawn' : 'given');
  const [futureDay, setFutureDay] = useState<string | undefined>(undefined);
  const { error, attempt } = useAttempt();
  const today = todayOf(new Date());
  const submit = (event: Event) => {
    event.preventDefault();
    const body = decisionOf(new FormData(event.currentTarget as HTMLFormElement), decision);
    setFutureDay(body.recordedOn > today ? body.recordedOn : undefined);
    if (body.recordedOn > today) return;
    void attempt(async () => {
      const answer = await api.send('POST', '/v1/carers/{ref}/consent', {
        params: { ref: carer.ref },
        json: body,
        ...(etag ? { ifMatch: etag } : {}),
      });
      const words = `${CONSENT_WORDS[decision]} on ${dayInWords(body.recordedOn)}, recorded by ${body.recordedBy}`;
      onSaved(answer.body, answer.etag, `Saved: ${words}. The decision it replaces is kept in the history.`);
    });
  };
  return (
    <form onSubmit={submit} class="consent">
      <h2>Record a decision</h2>
      <fieldset>
        <legend>What the carer decided</legend>
        <RadioChoices name="decision" options={decisionsFor(consent)} chosen={decision} onChange={setDecision} />
      </fieldset>
      <DayField today={today} futureDay={futureDay} />
      <label for="consent-by">Recorded by (the worker who heard it)</label>
      <input id="consent-by" name="recordedBy" type="text" required maxLength={120} size={40} autoComplete="name" />
      <ScopeField required={decision === 'given'} initial={consent.scope ?? ''} />
      <label for="consent-note">Note (optional; not shown to police analysts)</label>
      <textarea id="consent-note" name="note" maxLength={1000} rows={3} />
      <button type="submit" class="primary">
        Record the decision
      </button>
      <ProblemIfAny error={error} />
    </form>
  );
}

/** The day the carer decided: today or before, never a day still to come. */
function DayField({ today, futureDay }: { today: string; futureDay: string | undefined }) {
  return (
    <>
      <label for="consent-day">Day the carer decided</label>
      <input
        id="consent-day"
        name="recordedOn"
        type="date"
        required
        defaultValue={today}
        aria-invalid={futureDay ? 'true' : undefined}
        aria-describedby={futureDay ? 'consent-day-problem' : undefined}
      />
      {futureDay && (
        <div id="consent-day-problem" class="problem" role="alert">
          A decision cannot be recorded for {dayInWords(futureDay)}: that day has not come yet. Choose today (
          {dayInWords(today)}) or an earlier day.
        </div>
      )}
    </>
  );
}

/** What the consent covers: asked for when consent is given, kept from what was given when it is withdrawn. */
function ScopeField({ required, initial }: { required: boolean; initial: string }) {
  return (
    <>
      <label for="consent-scope">Scope: what the consent covers{required ? '' : ' (optional)'}</label>
      <input
        id="consent-scope"
        aria-describedby="consent-scope-hint"
        name="scope"
        type="text"
        list="consent-scopes"
        maxLength={200}
        size={50}
        required={required}
        defaultValue={initial}
      />
      <datalist id="consent-scopes">
        {CONSENT_SCOPE_SUGGESTIONS.map((scope) => (
          <option key={scope} value={scope} />
        ))}
      </datalist>
      <p id="consent-scope-hint" class="subtle">
        Being contacted or invited, for example “invitation to parent sessions”. Sharing information between partners
        rests on their public task, not on consent, so it is not recorded here.
      </p>
    </>
  );
}
