/** The session's date, time, venue and facilitators, as the API takes them. */
export function sessionOf(form: FormData) {
  return {
    date: String(form.get('date')),
    time: String(form.get('time')),
    venue: String(form.get('venue')).trim(),
    facilitators: String(form.get('facilitators'))
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  };
}

/** Builds an invitation list for a session. */
export function SessionForm({ onSubmit }: { onSubmit: (event: Event) => void }) {
  return (
    <form onSubmit={onSubmit} class="session">
      <h3>Build an invitation list</h3>
      <label for="session-date">Date</label>
      <input id="session-date" name="date" type="date" required />
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
