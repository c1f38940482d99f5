import { isPastSessionDate, todayOf } from '@peermap/domain/uk-day';
import { useState } from 'preact/hooks';
import type { InvitationList } from '../../api-types';
import { dayOf } from '../plan/plan-list';

type Session = InvitationList['session'];

/** The session's date, time, venue and facilitators, as the API takes them. */
export function sessionOf(form: FormData): Session {
  return {
    date: String(form.get('date')),
    time: String(form.get('time')),
    venue: String(form.get('venue')).trim(),
    facilitators: String(form.get('facilitators'))
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ name })),
  };
}

/** Builds an invitation list for a session; a day already gone by (UK time) is refused here as in the API. */
export function SessionForm({ onSession }: { onSession: (session: Session) => void }) {
  const [pastDate, setPastDate] = useState<string | undefined>(undefined);
  const today = todayOf(new Date());
  const submit = (event: Event) => {
    event.preventDefault();
    const session = sessionOf(new FormData(event.currentTarget as HTMLFormElement));
    const past = isPastSessionDate(session.date, new Date());
    setPastDate(past ? session.date : undefined);
    if (!past) onSession(session);
  };
  return (
    <form onSubmit={submit} class="session">
      <h3>Build an invitation list</h3>
      <label for="session-date">Date</label>
      <input
        id="session-date"
        name="date"
        type="date"
        required
        aria-invalid={pastDate ? 'true' : undefined}
        aria-describedby={pastDate ? 'session-date-problem' : undefined}
      />
      {pastDate && (
        <div id="session-date-problem" class="problem" role="alert">
          The session cannot be on {pastDate}: that day has gone by. Choose today ({dayOf(`${today}T12:00:00Z`)}) or a
          later day.
        </div>
      )}
      <label for="session-time">Time</label>
      <input id="session-time" name="time" type="time" required />
      <label for="session-venue">Venue</label>
      <input id="session-venue" name="venue" type="text" required maxLength={200} />
      <label for="session-facilitators">Facilitators (separate with commas)</label>
      <input id="session-facilitators" name="facilitators" type="text" />
      <button type="submit" class="primary">
        Build the invitation list
      </button>
    </form>
  );
}
