import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { isPastSessionDate, refusePastSession } from './planning';

describe('a session day, counted in UK time', () => {
  // 23:30 UTC on 30 June is already 1 July in London (BST).
  const lateJuneEvening = new Date('2026-06-30T23:30:00.000Z');

  it('is past once the UK day has gone by, even while it is still that day in UTC', () => {
    expect(isPastSessionDate('2026-06-30', lateJuneEvening)).toBe(true);
    expect(isPastSessionDate('2026-07-01', lateJuneEvening)).toBe(false);
    expect(isPastSessionDate('2026-12-31', new Date('2026-12-31T23:30:00.000Z'))).toBe(false);
  });

  it('is refused with the field named and the day it was checked against', () => {
    expect(() => refusePastSession({ date: '2020-01-01' }, lateJuneEvening)).toThrow(ValidationError);
    try {
      refusePastSession({ date: '2020-01-01' }, lateJuneEvening);
    } catch (error) {
      expect((error as ValidationError).problems).toEqual([
        { path: 'session.date', message: '2020-01-01 is before today (2026-07-01, UK time)' },
      ]);
    }
    expect(() => refusePastSession({ date: '2026-07-01' }, lateJuneEvening)).not.toThrow();
  });
});
