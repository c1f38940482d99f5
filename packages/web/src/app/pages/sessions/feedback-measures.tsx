import {
  FEEDBACK_MEASURE_WORDS,
  FEEDBACK_MEASURES,
  type FeedbackMeasureKey,
  MEASURE_SCALE_ENDS,
  MEASURE_SCORES,
} from '@peermap/domain/feedback-words';

/** One measure's answers: before and after the session, each 1–5 or not given. */
export interface MeasurePair {
  before?: number | undefined;
  after?: number | undefined;
}
export type Measures = Record<FeedbackMeasureKey, MeasurePair>;

export const NO_MEASURES: Measures = { knowsSigns: {}, feelsAlone: {}, knowsWhoToContact: {} };

/** Whether at least one of the six answers is given: the API needs one. */
export const anyMeasureGiven = (measures: Measures) =>
  Object.values(measures).some((pair) => pair.before !== undefined || pair.after !== undefined);

const WHEN = [
  { when: 'before', label: 'At the start of the session' },
  { when: 'after', label: 'At the end of the session' },
] as const;

/** The words under a score at either end of the scale. */
function endOf(score: number): string | undefined {
  if (score === 1) return MEASURE_SCALE_ENDS.lowest.toLowerCase();
  if (score === 5) return MEASURE_SCALE_ENDS.highest.toLowerCase();
  return undefined;
}

/** A score's label: its number, and at the ends the scale's words under it (read as "1, not at all"). */
function ScoreLabel({ score }: { score: number }) {
  const end = endOf(score);
  return (
    <>
      <span class="score-number">{score}</span>
      {end && (
        <span class="score-end">
          <span class="visually-hidden">, </span>
          {end}
        </span>
      )}
    </>
  );
}

/**
 * The three measures, each asked for the start and the end of the session, as radio groups of
 * 1 to 5 with words at the ends. Every answer may be left out; a chosen one can be cleared.
 */
export function MeasuresInput({
  idPrefix,
  measures,
  onChange,
}: {
  idPrefix: string;
  measures: Measures;
  onChange: (measures: Measures) => void;
}) {
  const choose = (name: FeedbackMeasureKey, when: 'before' | 'after', score: number | undefined) => {
    const { [when]: _, ...rest } = measures[name];
    onChange({ ...measures, [name]: score === undefined ? rest : { ...rest, [when]: score } });
  };
  return (
    <div class="measures">
      {FEEDBACK_MEASURES.map((name) => (
        <fieldset key={name} class="measure">
          <legend>“{FEEDBACK_MEASURE_WORDS[name]}”</legend>
          {WHEN.map(({ when, label }) => {
            const group = `${idPrefix}-${name}-${when}`;
            const chosen = measures[name][when];
            return (
              <fieldset key={when} class="scale">
                <legend>{label}</legend>
                <div class="scores">
                  {MEASURE_SCORES.map((score) => (
                    <div key={score} class="score">
                      <input
                        type="radio"
                        id={`${group}-${score}`}
                        name={group}
                        value={String(score)}
                        checked={chosen === score}
                        onChange={() => choose(name, when, score)}
                      />
                      <label for={`${group}-${score}`}>
                        <ScoreLabel score={score} />
                      </label>
                    </div>
                  ))}
                </div>
                {chosen !== undefined && (
                  <button type="button" class="link" onClick={() => choose(name, when, undefined)}>
                    Clear this answer
                  </button>
                )}
              </fieldset>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}

/** A measure's answers in words, as the list of feedback shows them. */
export const pairInWords = (pair: MeasurePair) => `${pair.before ?? '–'} → ${pair.after ?? '–'}`;

export { FEEDBACK_MEASURE_WORDS, FEEDBACK_MEASURES };
