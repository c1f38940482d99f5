const UK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in the United Kingdom at a moment, `YYYY-MM-DD`: a day as the partnership counts it. */
export function todayOf(moment: Date): string {
  return UK_DAY.format(moment);
}

/**
 * Whether a session's day (`YYYY-MM-DD`) has already gone by in the United Kingdom: a list is
 * made to invite carers, so a session before today is a typing slip, not a plan.
 */
export function isPastSessionDate(date: string, now: Date): boolean {
  return date < todayOf(now);
}
