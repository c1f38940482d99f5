import {
  addDays,
  type Concern,
  FEEDBACK_MEASURE_WORDS,
  type FeedbackMeasureName,
  isSessionHeld,
  type NotInvitedReason,
  type ParentSession,
  type SessionFeedback,
  sessionStatusOf,
} from '@peermap/domain';

/*
 * What Parent Empowerment Sessions achieved over a period, in counts a funder and a chair can
 * read: no carer or child is named or referenced anywhere in it. Small counts are suppressed, and
 * a second cell with them where a total minus the shown parts would give a suppressed one away.
 */

/** Below this, a count of people (or of what they said or had recorded) is not shown as a number. */
export const SMALLEST_SHOWN = 5;
export const FEWER_THAN_5 = 'fewer than 5';
/** A count hidden only so that a suppressed one cannot be worked out from a total. */
export const NOT_SHOWN = 'not shown';

/** A count as the report shows it. */
export type ShownCount = number | typeof FEWER_THAN_5 | typeof NOT_SHOWN;

/** Printed with the children's trends, word for word. */
export const TRENDS_CAVEAT =
  'This is not a controlled comparison: other help, time and chance also change what is recorded.';

/** The windows tried when no length is asked for: the longest whose weeks after a session have passed for someone. */
export const TREND_WINDOWS = [12, 8, 4] as const;

/** Why a family was not invited, in words a funder reads (counted, never named). */
export const NOT_INVITED_WORDS: Readonly<Record<NotInvitedReason | 'consent_to_ask', string>> = {
  consent_declined: 'Consent to be contacted not given',
  consent_withdrawn: 'Consent to be contacted withdrawn',
  do_not_contact: 'Not to be contacted (recorded by a worker)',
  safety_note: 'A safety note: contact arranged another way',
  another_session_offered: 'Offered another session, to keep the session safe for everyone',
  case_closed: 'Work with the family has ended',
  no_parental_responsibility_or_caring_role: 'No parental responsibility or caring role',
  consent_to_ask: 'Consent to be contacted still to be asked',
};

/** The definitions the report prints, so every figure means one thing. */
export const OUTCOME_DEFINITIONS = [
  'Families are counted once each (one parent or carer is one family here), over the sessions held in the period.',
  'Invited: on the invitation list of a session held. Reached: invited, and came or sent apologies (a family that did not answer, or whose answer is not recorded, is not counted as reached). Attended: came to at least one session.',
  'Not invited: on a list but not invited to any session held in the period, counted by the reason of their latest list.',
  'Measures are paired: only a parent who answered a question both at the start and at the end is counted for it. Averages are shown only when at least 5 parents answered both.',
  `Counts of people, of their feedback and of what is recorded about them are shown as "${FEWER_THAN_5}" from 1 to 4; "${NOT_SHOWN}" marks a count hidden so that a smaller one cannot be worked out from a total. Counts of sessions and money are shown as they are: they name no one.`,
] as const;

/** Whether a count of people may be shown: 0, or 5 and more. */
export const suppress = (count: number): ShownCount => (count > 0 && count < SMALLEST_SHOWN ? FEWER_THAN_5 : count);

/**
 * Parts of a total, suppressed: each part from 1 to 4 is "fewer than 5", and when exactly one
 * part is suppressed while the total is shown, the next smallest part that is not 0 is hidden
 * too, or the total minus the shown parts would give the suppressed one away.
 */
export function suppressParts(total: number, parts: readonly number[]): ShownCount[] {
  const shown = parts.map(suppress);
  const suppressed = shown.filter((count) => typeof count !== 'number').length;
  if (suppressed !== 1 || typeof suppress(total) !== 'number') return shown;
  const candidates = parts
    .map((count, index) => ({ count, index }))
    .filter(({ count, index }) => count > 0 && typeof shown[index] === 'number')
    .sort((a, b) => a.count - b.count);
  const next = candidates[0];
  if (next) shown[next.index] = NOT_SHOWN;
  return shown;
}

export interface OutcomeInputs {
  from: string;
  to: string;
  /** Today in the United Kingdom: a trend's weeks after a session must have passed by it. */
  today: string;
  now: Date;
  /** The sessions whose day falls in the period, as stored. */
  sessions: readonly ParentSession[];
  /** Each session's feedback, by its id. */
  feedback: ReadonlyMap<string, readonly SessionFeedback[]>;
  /** The concerns of each young person whose parent or carer came to a session, by their ref. */
  concerns: ReadonlyMap<string, readonly Pick<Concern, 'category' | 'occurredOn'>[]>;
  /** The length of the trend windows in weeks; absent: the longest of TREND_WINDOWS the data allows. */
  weeks?: number | undefined;
  /**
   * The first day the map holds records from (its first week uploaded): a window before a session
   * that starts earlier would count as "nothing recorded" what was never brought to the map.
   */
  historyFrom?: string | undefined;
}

export interface MeasureOutcome {
  measure: FeedbackMeasureName;
  question: string;
  /** False for "I feel on my own with this": fewer is better. */
  higherIsBetter: boolean;
  pairs: ShownCount;
  meanBefore: number | null;
  meanAfter: number | null;
  improved: ShownCount;
  same: ShownCount;
  otherWay: ShownCount;
}

export interface TrendRow {
  concern: 'missing_episode' | 'not_in_education' | 'any';
  label: string;
  before: ShownCount;
  after: ShownCount;
}

export interface ParentSessionOutcomes {
  period: { from: string; to: string };
  sessions: { held: number; planned: number; cancelled: number };
  families: { invited: ShownCount; reached: ShownCount; attended: ShownCount };
  notInvited: { total: ShownCount; reasons: { reason: string; count: ShownCount }[] };
  followUps: { owed: ShownCount; done: ShownCount; open: ShownCount };
  feedback: { total: ShownCount; named: ShownCount; anonymous: ShownCount };
  measures: MeasureOutcome[];
  costs: {
    plannedPence: number;
    spentPence: number;
    /** Whether the spent total is what was recorded as spent, what was planned, or both (lines without a spend use the plan). */
    basis: 'actual' | 'planned' | 'actual_and_planned' | 'none';
    /** The spent total over the families reached; hidden when their count is, or it would give the count away. */
    perFamilyReachedPence: number | typeof NOT_SHOWN | null;
  };
  trends: {
    weeks: number;
    youngPeople: ShownCount;
    tooSoon: ShownCount;
    /** Young people whose weeks before reach back past the map's first records. */
    notEnoughHistory: ShownCount;
    rows: TrendRow[];
    caveat: string;
  };
  definitions: readonly string[];
}

/** The outcomes of the sessions held in a period: no one named, small counts suppressed. */
export function parentSessionOutcomes(inputs: OutcomeInputs): ParentSessionOutcomes {
  const held = inputs.sessions.filter((session) => isSessionHeld(session, inputs.now));
  const cancelled = inputs.sessions.filter((session) => sessionStatusOf(session) === 'cancelled').length;
  const families = familiesOf(held);
  const feedback = held.flatMap((session) => inputs.feedback.get(session.id) ?? []);
  return {
    period: { from: inputs.from, to: inputs.to },
    sessions: { held: held.length, planned: inputs.sessions.length - held.length - cancelled, cancelled },
    families: {
      invited: suppress(families.invited.size),
      reached: suppress(families.reached.size),
      attended: suppress(families.attended.size),
    },
    notInvited: notInvitedOf(held, families.invited),
    followUps: followUpsOf(held),
    feedback: feedbackCounts(feedback),
    measures: (Object.keys(FEEDBACK_MEASURE_WORDS) as FeedbackMeasureName[]).map((m) => measureOutcome(m, feedback)),
    costs: costsOf(held, families.reached.size),
    trends: trendsOf(held, inputs),
    definitions: OUTCOME_DEFINITIONS,
  };
}

function familiesOf(held: readonly ParentSession[]) {
  const invited = new Set<string>();
  const reached = new Set<string>();
  const attended = new Set<string>();
  for (const session of held) {
    for (const carer of session.invite) invited.add(carer.carerRef);
    for (const [carerRef, outcome] of Object.entries(session.attendance)) {
      invited.add(carerRef);
      if (outcome === 'attended' || outcome === 'apologies') reached.add(carerRef);
      if (outcome === 'attended') attended.add(carerRef);
    }
  }
  return { invited, reached, attended };
}

/** Families never invited in the period, by the reason of their latest list: counted, never named. */
function notInvitedOf(
  held: readonly ParentSession[],
  invited: ReadonlySet<string>,
): ParentSessionOutcomes['notInvited'] {
  const reasonOf = new Map<string, keyof typeof NOT_INVITED_WORDS>();
  const oldestFirst = [...held].sort((a, b) => a.session.date.localeCompare(b.session.date));
  for (const session of oldestFirst) {
    for (const carer of session.askConsentFirst) reasonOf.set(carer.carerRef, 'consent_to_ask');
    for (const carer of session.notInvited) reasonOf.set(carer.carerRef, carer.reason);
  }
  for (const carerRef of invited) reasonOf.delete(carerRef);
  const reasons = (Object.keys(NOT_INVITED_WORDS) as (keyof typeof NOT_INVITED_WORDS)[])
    .map((reason) => ({ reason, count: [...reasonOf.values()].filter((r) => r === reason).length }))
    .filter(({ count }) => count > 0);
  const shown = suppressParts(
    reasonOf.size,
    reasons.map(({ count }) => count),
  );
  return {
    total: suppress(reasonOf.size),
    reasons: reasons.map(({ reason }, index) => ({
      reason: NOT_INVITED_WORDS[reason],
      count: shown[index] ?? NOT_SHOWN,
    })),
  };
}

/** A total and two parts that make it up, suppressed together. */
function totalOfTwo(first: number, second: number): [ShownCount, ShownCount, ShownCount] {
  const [a, b] = suppressParts(first + second, [first, second]);
  return [suppress(first + second), a ?? NOT_SHOWN, b ?? NOT_SHOWN];
}

function followUpsOf(held: readonly ParentSession[]): ParentSessionOutcomes['followUps'] {
  const all = held.flatMap((session) => session.followUps ?? []);
  const done = all.filter((followUp) => followUp.doneOn !== undefined).length;
  const [owed, doneShown, open] = totalOfTwo(done, all.length - done);
  return { owed, done: doneShown, open };
}

function feedbackCounts(feedback: readonly SessionFeedback[]): ParentSessionOutcomes['feedback'] {
  const anonymous = feedback.filter((given) => given.carerRef === undefined).length;
  const [total, named, anonymousShown] = totalOfTwo(feedback.length - anonymous, anonymous);
  return { total, named, anonymous: anonymousShown };
}

const mean = (values: readonly number[]) =>
  Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/** One measure over the parents who answered it at the start and at the end: paired only. */
export function measureOutcome(measure: FeedbackMeasureName, feedback: readonly SessionFeedback[]): MeasureOutcome {
  const higherIsBetter = measure !== 'feelsAlone';
  const pairs = feedback.flatMap(({ measures }) => {
    const { before, after } = measures[measure];
    return before !== undefined && after !== undefined ? [{ before, after }] : [];
  });
  const gain = (pair: { before: number; after: number }) => (pair.after - pair.before) * (higherIsBetter ? 1 : -1);
  const improved = pairs.filter((pair) => gain(pair) > 0).length;
  const same = pairs.filter((pair) => gain(pair) === 0).length;
  const [shownImproved, shownSame, shownOther] = suppressParts(pairs.length, [
    improved,
    same,
    pairs.length - improved - same,
  ]);
  const enough = pairs.length >= SMALLEST_SHOWN;
  return {
    measure,
    question: FEEDBACK_MEASURE_WORDS[measure],
    higherIsBetter,
    pairs: suppress(pairs.length),
    meanBefore: enough ? mean(pairs.map((pair) => pair.before)) : null,
    meanAfter: enough ? mean(pairs.map((pair) => pair.after)) : null,
    improved: shownImproved ?? NOT_SHOWN,
    same: shownSame ?? NOT_SHOWN,
    otherWay: shownOther ?? NOT_SHOWN,
  };
}

/** What the sessions held cost: as planned, and as spent where a spend is recorded (the plan where not). */
export function costsOf(held: readonly ParentSession[], familiesReached: number): ParentSessionOutcomes['costs'] {
  const lines = held.flatMap((session) => session.budget ?? []);
  const withSpend = lines.filter((line) => line.actualPence !== undefined).length;
  const plannedPence = lines.reduce((sum, line) => sum + line.plannedPence, 0);
  const spentPence = lines.reduce((sum, line) => sum + (line.actualPence ?? line.plannedPence), 0);
  const basis =
    lines.length === 0
      ? 'none'
      : withSpend === lines.length
        ? 'actual'
        : withSpend === 0
          ? 'planned'
          : 'actual_and_planned';
  const perFamily =
    familiesReached === 0
      ? null
      : typeof suppress(familiesReached) === 'number'
        ? Math.round(spentPence / familiesReached)
        : NOT_SHOWN;
  return { plannedPence, spentPence, basis, perFamilyReachedPence: lines.length === 0 ? null : perFamily };
}

/** The first day each young person's parent or carer came to a session held in the period. */
function firstAttendedDay(held: readonly ParentSession[]): Map<string, string> {
  const firstDay = new Map<string, string>();
  for (const session of held) {
    for (const carer of session.invite) {
      if (session.attendance[carer.carerRef] !== 'attended') continue;
      for (const ref of carer.youngPersonRefs) {
        const known = firstDay.get(ref);
        if (!known || session.session.date < known) firstDay.set(ref, session.session.date);
      }
    }
  }
  return firstDay;
}

const TREND_CONCERNS: readonly Omit<TrendRow, 'before' | 'after'>[] = [
  { concern: 'missing_episode', label: 'Missing from home or care (episodes recorded)' },
  { concern: 'not_in_education', label: 'Not in education (concerns recorded)' },
  { concern: 'any', label: 'Any new concern recorded' },
];

/** Whether the weeks after a session have passed by today, so they can be counted. */
const afterHasPassed = (day: string, weeks: number, today: string) => addDays(day, weeks * 7) <= today;

/** Whether the map held records all through the weeks before a session. */
const beforeIsHeld = (day: string, weeks: number, historyFrom: string | undefined) =>
  historyFrom === undefined || addDays(day, -weeks * 7) >= historyFrom;

const countable = (day: string, weeks: number, inputs: Pick<OutcomeInputs, 'today' | 'historyFrom'>) =>
  afterHasPassed(day, weeks, inputs.today) && beforeIsHeld(day, weeks, inputs.historyFrom);

/** One child's concerns of a kind in the weeks before `day` (up to the day before) and the weeks from it. */
function beforeAndAfter(
  concerns: readonly Pick<Concern, 'category' | 'occurredOn'>[],
  kind: TrendRow['concern'],
  day: string,
  weeks: number,
): { before: number; after: number } {
  const ofKind = concerns.filter((concern) => kind === 'any' || concern.category === kind);
  const start = addDays(day, -weeks * 7);
  const end = addDays(day, weeks * 7);
  return {
    before: ofKind.filter(({ occurredOn }) => occurredOn >= start && occurredOn < day).length,
    after: ofKind.filter(({ occurredOn }) => occurredOn >= day && occurredOn < end).length,
  };
}

/**
 * Concerns recorded about the children of parents who came, in the weeks before their parent's
 * first session (up to the day before) and in as many weeks from it; a child whose weeks after
 * have not passed yet is counted as "too soon", and one whose weeks before reach back past the
 * map's first records as "not enough history", neither in the figures.
 */
export function trendsOf(held: readonly ParentSession[], inputs: OutcomeInputs): ParentSessionOutcomes['trends'] {
  const firstDay = firstAttendedDay(held);
  const days = [...firstDay.values()];
  const weeks = inputs.weeks ?? TREND_WINDOWS.find((w) => days.some((day) => countable(day, w, inputs))) ?? 12;
  const counted = [...firstDay].filter(([, day]) => countable(day, weeks, inputs));
  const tooSoon = days.filter((day) => !afterHasPassed(day, weeks, inputs.today)).length;
  const rows = TREND_CONCERNS.map((row) => {
    const windows = counted.map(([ref, day]) =>
      beforeAndAfter(inputs.concerns.get(ref) ?? [], row.concern, day, weeks),
    );
    const before = windows.reduce((sum, window) => sum + window.before, 0);
    const after = windows.reduce((sum, window) => sum + window.after, 0);
    return { ...row, before: suppress(before), after: suppress(after) };
  });
  return {
    weeks,
    youngPeople: suppress(counted.length),
    tooSoon: suppress(tooSoon),
    notEnoughHistory: suppress(firstDay.size - counted.length - tooSoon),
    rows,
    caveat: TRENDS_CAVEAT,
  };
}
