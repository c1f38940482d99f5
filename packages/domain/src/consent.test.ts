import { describe, expect, it } from 'vitest';
import { ConsentDecision, historyAfter, recordConsent } from './consent';
import { ValidationError } from './errors';
import { CONSENT_HISTORY_LIMIT } from './map';

/** The field problems a refusal names. */
function problemsOf(attempt: () => unknown) {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
  }
  return [];
}

const NOW = new Date('2026-12-07T10:00:00Z');
const given = { status: 'given' as const, recordedOn: '2026-11-02', recordedBy: 'Sam Early', scope: 'parent sessions' };

describe("recording a carer's consent", () => {
  it('keeps the decision it replaces, latest first, and no "not asked"', () => {
    const first = recordConsent({ consent: { status: 'not_asked' } }, { ...given, status: 'given' }, NOW);
    expect(first).toEqual({ consent: given, consentHistory: [] });
    const changed = recordConsent(
      first,
      {
        status: 'given',
        recordedOn: '2026-11-20',
        recordedBy: 'Kim Keyworker',
        scope: 'invitation to parent sessions and contact by the parent-led group',
      },
      NOW,
    );
    const withdrawn = recordConsent(
      changed,
      { status: 'withdrawn', recordedOn: '2026-12-07', recordedBy: 'Kim Keyworker', note: 'Asked us to stop' },
      NOW,
    );
    expect(withdrawn.consent).toEqual({
      status: 'withdrawn',
      recordedOn: '2026-12-07',
      recordedBy: 'Kim Keyworker',
      // A withdrawal takes back what was given, so it says what that was.
      scope: 'invitation to parent sessions and contact by the parent-led group',
      note: 'Asked us to stop',
    });
    expect(withdrawn.consentHistory?.map((c) => c.scope)).toEqual([
      'invitation to parent sessions and contact by the parent-led group',
      'parent sessions',
    ]);
  });

  it('refuses a decision dated after today (UK) and a withdrawal of consent never given', () => {
    const tomorrow = () =>
      recordConsent({ consent: given }, { status: 'declined', recordedOn: '2026-12-08', recordedBy: 'Kim' }, NOW);
    expect(tomorrow).toThrow(ValidationError);
    expect(problemsOf(tomorrow)).toEqual([
      {
        path: 'recordedOn',
        message: '2026-12-08 is after today (2026-12-07, UK time): give the day the carer decided',
      },
    ]);
    const nothingToWithdraw = () =>
      recordConsent(
        { consent: { status: 'declined', recordedOn: '2026-11-01', recordedBy: 'Kim' } },
        { status: 'withdrawn', recordedOn: '2026-12-01', recordedBy: 'Kim' },
        NOW,
      );
    expect(problemsOf(nothingToWithdraw)).toEqual([
      { path: 'status', message: 'only consent that was given can be withdrawn' },
    ]);
    // 23:30 on 7 December in London is still the 7th: today's date is accepted.
    const lateEvening = new Date('2026-12-07T23:30:00Z');
    expect(
      recordConsent(
        { consent: given },
        { status: 'declined', recordedOn: '2026-12-07', recordedBy: 'Kim' },
        lateEvening,
      ).consent.status,
    ).toBe('declined');
  });

  it('refuses a decision dated before the one that stands, naming the day field', () => {
    const standing = { status: 'given' as const, recordedOn: '2026-12-01', recordedBy: 'Sam Early', scope: 'x' };
    const backdated = () =>
      recordConsent({ consent: standing }, { status: 'withdrawn', recordedOn: '1900-01-01', recordedBy: 'Kim' }, NOW);
    expect(problemsOf(backdated)).toEqual([
      {
        path: 'recordedOn',
        message: 'the decision that stands was made on 2026-12-01: a decision recorded now is dated that day or later',
      },
    ]);
    // The same day as the one that stands is a later decision of that day, and stands in its place.
    const sameDay = recordConsent(
      { consent: standing },
      { status: 'withdrawn', recordedOn: '2026-12-01', recordedBy: 'Kim' },
      NOW,
    );
    expect(sameDay.consent.status).toBe('withdrawn');
  });

  it('asks what was agreed to when consent is given', () => {
    const parsed = ConsentDecision.safeParse({ status: 'given', recordedOn: '2026-12-01', recordedBy: 'Kim' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['scope']);
  });

  it('keeps a bounded history: the oldest decisions fall off', () => {
    const many = Array.from({ length: CONSENT_HISTORY_LIMIT }, (_, i) => ({ ...given, note: `decision ${i}` }));
    const next = historyAfter({ ...given, note: 'newest held' }, many, { ...given, status: 'declined' });
    expect(next).toHaveLength(CONSENT_HISTORY_LIMIT);
    expect(next[0]?.note).toBe('newest held');
    expect(next.at(-1)?.note).toBe(`decision ${CONSENT_HISTORY_LIMIT - 2}`);
  });
});
