import * as z from 'zod';
import { ValidationError } from './errors';
import { type Carer, CONSENT_HISTORY_LIMIT, type Consent } from './map';
import { IsoDate, LongText, ShortText } from './primitives';
import { todayOf } from './uk-day';

/**
 * A carer's decision about being contacted, as a worker records it: given (for a scope such as
 * "parent sessions"), declined, or withdrawn, on the day the carer said so, by the worker who
 * heard it. Peermap does not know workers' names, so who recorded it is always stated.
 */
export const ConsentDecision = z
  .strictObject({
    status: z.enum(['given', 'declined', 'withdrawn']),
    recordedOn: IsoDate,
    recordedBy: ShortText(120),
    scope: ShortText(200).optional(),
    note: LongText(1000).optional(),
  })
  .refine((d) => d.status !== 'given' || Boolean(d.scope), {
    message: 'say what the carer agreed to, for example "parent sessions"',
    path: ['scope'],
  });
export type ConsentDecision = z.infer<typeof ConsentDecision>;

/** What a carer's record says of consent: the decision that stands and the earlier ones, latest first. */
export type ConsentRecord = Pick<Carer, 'consent' | 'consentHistory'>;

/**
 * The history after `next` replaces `held`: the held decision goes first (a "not asked" is no
 * decision and is not kept), and the oldest fall off past the limit.
 */
export function historyAfter(held: Consent, history: readonly Consent[] | undefined, next: Consent): Consent[] {
  const earlier = [...(history ?? [])];
  if (held.status === 'not_asked' || sameDecision(held, next)) return earlier;
  return [held, ...earlier].slice(0, CONSENT_HISTORY_LIMIT);
}

const sameDecision = (a: Consent, b: Consent) =>
  a.status === b.status &&
  a.recordedOn === b.recordedOn &&
  a.recordedBy === b.recordedBy &&
  a.scope === b.scope &&
  a.note === b.note;

/**
 * What stops a decision being recorded: a day after today (UK) is a slip; a day before the
 * decision that stands would make an older decision replace a newer one (and the next weekly
 * sheet, which takes the newer date, would bring the newer one back); a withdrawal needs
 * consent to have been given.
 */
function consentProblems(carer: ConsentRecord, decision: ConsentDecision, now: Date) {
  const standingOn = carer.consent.status === 'not_asked' ? undefined : carer.consent.recordedOn;
  return [
    ...(decision.recordedOn > todayOf(now)
      ? [
          {
            path: 'recordedOn',
            message: `${decision.recordedOn} is after today (${todayOf(now)}, UK time): give the day the carer decided`,
          },
        ]
      : []),
    ...(standingOn && decision.recordedOn < standingOn
      ? [
          {
            path: 'recordedOn',
            message: `the decision that stands was made on ${standingOn}: a decision recorded now is dated that day or later`,
          },
        ]
      : []),
    ...(decision.status === 'withdrawn' && carer.consent.status !== 'given'
      ? [{ path: 'status', message: 'only consent that was given can be withdrawn' }]
      : []),
  ];
}

/**
 * A carer's consent after a worker records a decision (see consentProblems for what is
 * refused); a withdrawal keeps the scope it takes back when none is stated. The decision it
 * replaces is kept in the history.
 */
export function recordConsent(carer: ConsentRecord, decision: ConsentDecision, now: Date): ConsentRecord {
  const problems = consentProblems(carer, decision, now);
  if (problems.length > 0) throw new ValidationError('The consent decision cannot be recorded as it stands.', problems);
  const scope = decision.scope ?? (decision.status === 'withdrawn' ? carer.consent.scope : undefined);
  const next: Consent = {
    status: decision.status,
    recordedOn: decision.recordedOn,
    recordedBy: decision.recordedBy,
    ...(scope ? { scope } : {}),
    ...(decision.note ? { note: decision.note } : {}),
  };
  return { consent: next, consentHistory: historyAfter(carer.consent, carer.consentHistory, next) };
}
