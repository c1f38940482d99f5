import { examples, type InvitationOutcome, type ParentSession, type SessionFeedback } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { toHtml } from './document';
import {
  costsOf,
  FEWER_THAN_5,
  measureOutcome,
  NOT_SHOWN,
  type OutcomeInputs,
  parentSessionOutcomes,
  suppress,
  suppressParts,
  TRENDS_CAVEAT,
} from './parent-session-outcomes';
import { outcomesCsv, outcomesPaper, poundsOf } from './parent-session-outcomes-paper';

const base = examples.invitationList;
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the example list holds an invited and a not invited carer');
  return value;
}
const carerTemplate = present(base.invite[0]);
const notInvitedTemplate = present(base.notInvited[0]);

/** A held session on `date` whose carers CR-<prefix>-<n> answered as given, each with one young person. */
function heldSession(id: string, date: string, outcomes: readonly InvitationOutcome[]): ParentSession {
  const refs = outcomes.map((_, index) => `CR-${id}-${index}`);
  return {
    ...base,
    id,
    status: 'held',
    session: { ...base.session, date },
    youngPersonRefs: refs.map((ref) => `YP-${ref}`),
    invite: refs.map((carerRef) => ({ ...carerTemplate, carerRef, youngPersonRefs: [`YP-${carerRef}`] })),
    askConsentFirst: [],
    notInvited: [],
    attendance: Object.fromEntries(refs.map((ref, index) => [ref, outcomes[index] ?? 'invited'])),
  };
}

const feedbackOf = (sessionId: string, scores: [number, number][], anonymous = false): SessionFeedback[] =>
  scores.map(([before, after], index) => ({
    ...examples.sessionFeedback,
    id: `${sessionId}-f${index}`,
    sessionId,
    ...(anonymous ? { carerRef: undefined } : { carerRef: `CR-${sessionId}-${index}` }),
    measures: {
      knowsSigns: { before, after },
      feelsAlone: { before: after, after: before },
      knowsWhoToContact: { before },
    },
  }));

const inputs = (over: Partial<OutcomeInputs>): OutcomeInputs => ({
  from: '2026-01-01',
  to: '2026-12-31',
  today: '2026-12-08',
  now: new Date('2026-12-08T12:00:00Z'),
  sessions: [],
  feedback: new Map(),
  concerns: new Map(),
  ...over,
});

describe('suppression', () => {
  it('shows 0 and 5 or more as they are, and 1 to 4 as fewer than 5', () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, FEWER_THAN_5, FEWER_THAN_5, 5, 12]);
  });

  it('hides the next smallest part when exactly one part is suppressed and the total is shown', () => {
    expect(suppressParts(20, [3, 9, 8])).toEqual([FEWER_THAN_5, 9, NOT_SHOWN]);
    expect(suppressParts(20, [3, 0, 17])).toEqual([FEWER_THAN_5, 0, NOT_SHOWN]);
  });

  it('needs no second cell when two parts are suppressed, or the total is', () => {
    expect(suppressParts(14, [2, 3, 9])).toEqual([FEWER_THAN_5, FEWER_THAN_5, 9]);
    expect(suppressParts(3, [3, 0])).toEqual([FEWER_THAN_5, 0]);
    expect(suppressParts(12, [5, 7])).toEqual([5, 7]);
  });
});

describe('families, follow-ups and feedback', () => {
  const first = heldSession('s1', '2026-10-01', ['attended', 'attended', 'attended', 'apologies', 'no_response']);
  const second = heldSession('s2', '2026-11-01', ['attended', 'attended', 'apologies', 'invited']);
  const planned: ParentSession = { ...heldSession('s3', '2026-12-20', ['invited']), status: 'planned' };
  const cancelled: ParentSession = { ...heldSession('s4', '2026-09-01', ['invited']), status: 'cancelled' };

  it('counts sessions, and families invited, reached and attending once each', () => {
    const outcomes = parentSessionOutcomes(inputs({ sessions: [first, second, planned, cancelled] }));
    expect(outcomes.sessions).toEqual({ held: 2, planned: 1, cancelled: 1 });
    // 9 invited; reached = came or sent apologies (7); came: 5.
    expect(outcomes.families).toEqual({ invited: 9, reached: 7, attended: 5 });
  });

  it('counts families never invited by reason, with secondary suppression, and never names them', () => {
    const notInvited = (n: number, reason: 'safety_note' | 'consent_declined' | 'do_not_contact') =>
      Array.from({ length: n }, (_, i) => ({ ...notInvitedTemplate, carerRef: `NI-${reason}-${i}`, reason }));
    const session = {
      ...first,
      notInvited: [
        ...notInvited(2, 'safety_note'),
        ...notInvited(6, 'consent_declined'),
        ...notInvited(7, 'do_not_contact'),
      ],
    };
    const outcomes = parentSessionOutcomes(inputs({ sessions: [session] }));
    expect(outcomes.notInvited.total).toBe(15);
    expect(Object.fromEntries(outcomes.notInvited.reasons.map((r) => [r.reason, r.count]))).toEqual({
      'Consent to be contacted not given': NOT_SHOWN,
      'Not to be contacted (recorded by a worker)': 7,
      'A safety note: contact arranged another way': FEWER_THAN_5,
    });
    expect(JSON.stringify(outcomes)).not.toMatch(/NI-|CR-|YP-|Sam Carer|Jo Carer/);
  });

  it('does not count as not invited a family invited to another session', () => {
    const other = { ...second, notInvited: [{ ...notInvitedTemplate, carerRef: 'CR-s1-0' }] };
    expect(parentSessionOutcomes(inputs({ sessions: [first, other] })).notInvited.total).toBe(0);
  });

  it('counts follow-ups owed and done, and feedback with the anonymous part', () => {
    const followUp = (id: string, doneOn?: string) => ({
      id,
      carerRef: 'CR-s1-4',
      kind: 'share_messages' as const,
      ownerAgency: 'early_help' as const,
      dueOn: '2026-10-10',
      ...(doneOn ? { doneOn } : {}),
    });
    const withFollowUps = {
      ...first,
      followUps: [...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => followUp(id, '2026-10-08')), followUp('g')],
    };
    const feedback = new Map([
      [
        's1',
        [
          ...feedbackOf('s1', [
            [1, 2],
            [2, 3],
            [3, 3],
            [2, 2],
            [1, 4],
            [4, 5],
          ]),
          ...feedbackOf('s1x', [[2, 2]], true),
        ],
      ],
    ]);
    const outcomes = parentSessionOutcomes(inputs({ sessions: [withFollowUps], feedback }));
    expect(outcomes.followUps).toEqual({ owed: 7, done: NOT_SHOWN, open: FEWER_THAN_5 });
    expect(outcomes.feedback).toEqual({ total: 7, named: NOT_SHOWN, anonymous: FEWER_THAN_5 });
  });
});

describe('measures', () => {
  it('pairs only answers with a start and an end, and gives means from 5 pairs', () => {
    const feedback = feedbackOf('s', [
      [1, 3],
      [2, 4],
      [3, 3],
      [2, 5],
      [4, 2],
    ]);
    const signs = measureOutcome('knowsSigns', feedback);
    expect(signs).toMatchObject({
      pairs: 5,
      meanBefore: 2.4,
      meanAfter: 3.4,
      improved: FEWER_THAN_5,
      same: FEWER_THAN_5,
    });
    // One answered at the start alone: no pairs at all.
    expect(measureOutcome('knowsWhoToContact', feedback)).toMatchObject({
      pairs: 0,
      meanBefore: null,
      meanAfter: null,
    });
  });

  it('reads fewer as better for feeling on one’s own', () => {
    const feedback = feedbackOf('s', [
      [1, 3],
      [2, 4],
      [3, 5],
      [2, 5],
      [1, 2],
      [2, 2],
      [1, 2],
      [1, 3],
      [2, 3],
      [1, 4],
    ]);
    // feelsAlone runs from `after` down to `before`: 9 fell, 1 stayed.
    expect(measureOutcome('feelsAlone', feedback)).toMatchObject({
      pairs: 10,
      improved: NOT_SHOWN,
      same: FEWER_THAN_5,
      otherWay: 0,
    });
  });

  it('gives no means under 5 pairs', () => {
    expect(
      measureOutcome(
        'knowsSigns',
        feedbackOf('s', [
          [1, 3],
          [2, 4],
        ]),
      ),
    ).toMatchObject({
      pairs: FEWER_THAN_5,
      meanBefore: null,
      meanAfter: null,
    });
  });
});

describe('costs', () => {
  const withBudget = (id: string, lines: { plannedPence: number; actualPence?: number }[]) => ({
    ...heldSession(id, '2026-10-01', ['attended']),
    budget: lines.map((line) => ({ kind: 'venue' as const, ...line })),
  });

  it('spends what was recorded, the plan where no spend is, and says which', () => {
    const costs = costsOf(
      [withBudget('a', [{ plannedPence: 10_000, actualPence: 12_000 }, { plannedPence: 5_000 }])],
      8,
    );
    expect(costs).toEqual({
      plannedPence: 15_000,
      spentPence: 17_000,
      basis: 'actual_and_planned',
      perFamilyReachedPence: 2125,
    });
    expect(costsOf([withBudget('a', [{ plannedPence: 100, actualPence: 90 }])], 5).basis).toBe('actual');
  });

  it('hides the cost per family when the families reached are fewer than 5, since it would give their count', () => {
    expect(costsOf([withBudget('a', [{ plannedPence: 10_000 }])], 3).perFamilyReachedPence).toBe(NOT_SHOWN);
    expect(costsOf([withBudget('a', [{ plannedPence: 10_000 }])], 0).perFamilyReachedPence).toBeNull();
    expect(poundsOf(123_456)).toBe('£1,234.56');
  });
});

describe("children's trends", () => {
  const concernsOf = (ref: string, days: string[], category = 'missing_episode' as const) =>
    [ref, days.map((occurredOn) => ({ occurredOn, category }))] as const;

  it('counts the weeks before and after a parent first came, once the weeks after have passed', () => {
    const session = heldSession('t', '2026-08-01', [
      'attended',
      'attended',
      'attended',
      'attended',
      'attended',
      'invited',
    ]);
    const concerns = new Map([
      concernsOf('YP-CR-t-0', ['2026-07-01', '2026-07-20', '2026-06-01', '2026-05-01']),
      concernsOf('YP-CR-t-1', ['2026-07-31', '2026-07-30', '2026-08-01', '2026-09-01']),
      concernsOf('YP-CR-t-2', ['2026-07-02', '2026-04-01']),
      // Not a child of a parent who came: not counted.
      concernsOf('YP-CR-t-5', ['2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05', '2026-07-06']),
    ]);
    const trends = parentSessionOutcomes(inputs({ sessions: [session], concerns, weeks: 12 })).trends;
    // 12 weeks before 1 August reaches back to 9 May: 2026-05-01 and 2026-04-01 fall outside.
    expect(trends).toMatchObject({ weeks: 12, youngPeople: 5, tooSoon: 0, caveat: TRENDS_CAVEAT });
    expect(trends.rows[0]).toMatchObject({ concern: 'missing_episode', before: 6, after: FEWER_THAN_5 });
    expect(trends.rows[1]).toMatchObject({ concern: 'not_in_education', before: 0, after: 0 });
  });

  it('says too soon for a child whose weeks after have not passed, and picks the longest window the data allows', () => {
    const recent = heldSession('r', '2026-11-20', ['attended']);
    const older = heldSession('o', '2026-10-01', ['attended']);
    const trends = parentSessionOutcomes(inputs({ sessions: [recent, older] })).trends;
    // 12 weeks after 1 October end after 8 December; 8 weeks end on 26 November, passed.
    expect(trends).toMatchObject({ weeks: 8, youngPeople: FEWER_THAN_5, tooSoon: FEWER_THAN_5 });
    expect(parentSessionOutcomes(inputs({ sessions: [recent] })).trends).toMatchObject({ weeks: 12, youngPeople: 0 });
  });

  it("counts no child whose weeks before reach back past the map's first records, rather than count them as nothing recorded", async () => {
    const older = heldSession('o', '2026-10-01', ['attended', 'attended']);
    const trends = parentSessionOutcomes(inputs({ sessions: [older], historyFrom: '2026-08-01', weeks: 4 })).trends;
    expect(trends).toMatchObject({ weeks: 4, youngPeople: FEWER_THAN_5, notEnoughHistory: 0 });
    const short = parentSessionOutcomes(inputs({ sessions: [older], historyFrom: '2026-09-15' })).trends;
    // No window of 12, 8 or 4 weeks fits between 15 September and 1 October.
    expect(short).toMatchObject({ weeks: 12, youngPeople: 0, tooSoon: FEWER_THAN_5 });
    expect(
      parentSessionOutcomes(inputs({ sessions: [older], historyFrom: '2026-09-15', weeks: 8 })).trends,
    ).toMatchObject({
      youngPeople: 0,
      tooSoon: 0,
      notEnoughHistory: FEWER_THAN_5,
    });
  });
});

describe('the paper and the CSV', () => {
  it('print the caveat and the definitions and name no one', () => {
    const session = {
      ...heldSession('p', '2026-10-01', ['attended', 'attended', 'apologies']),
      notInvited: base.notInvited,
    };
    const outcomes = parentSessionOutcomes(
      inputs({ sessions: [session], feedback: new Map([['p', feedbackOf('p', [[1, 2]])]]) }),
    );
    const html = toHtml(outcomesPaper(outcomes, 'OFFICIAL-SENSITIVE', 'Demo'));
    const csv = outcomesCsv(outcomes, 'OFFICIAL-SENSITIVE');
    for (const text of [html, csv]) {
      expect(text).toContain('not a controlled comparison');
      expect(text).toContain(FEWER_THAN_5);
      expect(text).not.toMatch(/CR-|YP-|CR3|Jo Carer|Sam Carer/);
    }
    expect(html).toContain('Reached: invited, and came or sent apologies');
    expect(html).toContain('<svg');
  });
});
