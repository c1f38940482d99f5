import type { ParentSessionOutcomes } from '@peermap/contract';
import { ColumnHeads } from '../../forms';

/** A count as the report shows it: a number, "fewer than 5", or "not shown". */
export type ShownCount = ParentSessionOutcomes['families']['invited'];

const WIDTH = 480;
const LABEL = 180;
const BAR = 22;
const GAP = 12;

/** One bar of a chart: its label, and its count (a suppressed count draws no bar, only its words). */
export interface Bar {
  label: string;
  value: ShownCount;
  /** Bars of a pair (before and after) are told apart by their class, not by colour alone. */
  kind?: 'before' | 'after';
}

const numeric = (value: ShownCount): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Horizontal bars drawn as inline SVG, with the same figures in a table beside it: the table is
 * what a screen reader reads, the picture is named for what it shows.
 */
export function BarChart({
  id,
  title,
  bars,
  columns,
  format = String,
}: {
  id: string;
  title: string;
  bars: readonly Bar[];
  columns: readonly [string, string];
  format?: (value: number) => string;
}) {
  const largest = Math.max(1, ...bars.map((bar) => numeric(bar.value) ?? 0));
  const height = bars.length * (BAR + GAP) + GAP;
  const span = WIDTH - LABEL - 110;
  return (
    <div class="chart-pair">
      <figure class="chart">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{title}</title>
          {bars.map((bar, index) => {
            const y = GAP + index * (BAR + GAP);
            const value = numeric(bar.value);
            const length = value === undefined ? 0 : Math.max(value > 0 ? 2 : 0, (value / largest) * span);
            return (
              <g key={`${bar.label}-${bar.kind ?? ''}`}>
                <text x={LABEL - 8} y={y + BAR / 2 + 5} text-anchor="end" class="chart-label">
                  {bar.label}
                </text>
                <rect x={LABEL} y={y} width={length} height={BAR} class={`chart-bar ${bar.kind ?? ''}`} />
                <text x={LABEL + length + 6} y={y + BAR / 2 + 5} class="chart-value">
                  {value === undefined ? bar.value : format(value)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>{title}</figcaption>
      </figure>
      <table class="chart-table">
        <caption>{title}: the figures</caption>
        <ColumnHeads names={columns} />
        <tbody>
          {bars.map((bar) => (
            <tr key={`${bar.label}-${bar.kind ?? ''}`}>
              <th scope="row">{bar.label}</th>
              <td>{typeof bar.value === 'number' ? format(bar.value) : bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Measure = ParentSessionOutcomes['measures'][number];

const SCALE_LEFT = 40;
const SCALE_RIGHT = 400;
const ROW = 54;
const xOf = (score: number) => SCALE_LEFT + ((score - 1) / 4) * (SCALE_RIGHT - SCALE_LEFT);

/**
 * The three measures as a dumbbell on the 1 to 5 scale: the average at the start (a hollow dot)
 * and at the end (a filled dot), joined. Only measures with at least 5 pairs have dots.
 */
export function MeasuresChart({ measures }: { measures: readonly Measure[] }) {
  const height = measures.length * ROW + 40;
  const title = 'Average answers at the start and at the end of the sessions, from 1 (not at all) to 5 (very much)';
  return (
    <div class="chart-pair">
      <figure class="chart">
        <svg viewBox={`0 0 ${SCALE_RIGHT + 30} ${height}`} role="img" aria-labelledby="measures-title">
          <title id="measures-title">{title}</title>
          {[1, 2, 3, 4, 5].map((score) => (
            <g key={score}>
              <line x1={xOf(score)} x2={xOf(score)} y1={10} y2={height - 24} class="chart-grid" />
              <text x={xOf(score)} y={height - 6} text-anchor="middle" class="chart-value">
                {score}
              </text>
            </g>
          ))}
          {measures.map((m, index) => (
            <MeasureRow key={m.measure} measure={m} y={index * ROW + 8} />
          ))}
        </svg>
        <figcaption>
          {title}. A hollow dot is the start, a filled dot the end. For “I feel on my own with this”, lower is better.
        </figcaption>
      </figure>
      <table class="chart-table">
        <caption>What parents said: paired answers only</caption>
        <ColumnHeads names={['Question', 'Pairs', 'Start', 'End', 'Better', 'Same', 'Other way']} />
        <tbody>
          {measures.map((m) => (
            <tr key={m.measure}>
              <th scope="row">{m.question}</th>
              <td>{m.pairs}</td>
              <td>{m.meanBefore ?? '–'}</td>
              <td>{m.meanAfter ?? '–'}</td>
              <td>{m.improved}</td>
              <td>{m.same}</td>
              <td>{m.otherWay}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MeasureRow({ measure, y }: { measure: Measure; y: number }) {
  const { meanBefore, meanAfter } = measure;
  return (
    <g>
      <text x={SCALE_LEFT - 30} y={y + 12} class="chart-label">
        {measure.question}
      </text>
      {meanBefore !== null && meanAfter !== null ? (
        <>
          <line x1={xOf(meanBefore)} x2={xOf(meanAfter)} y1={y + 30} y2={y + 30} class="chart-link" />
          <circle cx={xOf(meanBefore)} cy={y + 30} r={7} class="chart-dot before" />
          <circle cx={xOf(meanAfter)} cy={y + 30} r={7} class="chart-dot after" />
        </>
      ) : (
        <text x={SCALE_LEFT} y={y + 34} class="chart-value">
          Fewer than 5 parents answered at the start and the end: no average shown
        </text>
      )}
    </g>
  );
}
