import { dateInWords } from '@peermap/domain';
import { toCsv } from './csv';
import type { ReportDocument, ReportSection } from './document';
import type { ParentSessionOutcomes, ShownCount } from './parent-session-outcomes';
import { escapeMarkup } from './safe';
import { PICTURE_FONT } from './svg';

/** Whole pence as pounds a funder reads: £1,234.50. */
export const poundsOf = (pence: number): string =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const countText = (count: ShownCount): string => String(count);

const COST_BASIS_WORDS: Readonly<Record<ParentSessionOutcomes['costs']['basis'], string>> = {
  actual: 'as spent (every line has its spend recorded)',
  planned: 'as planned (no spend is recorded yet)',
  actual_and_planned: 'as spent where the spend is recorded, as planned for the lines where it is not',
  none: 'no budget recorded',
};

const perFamilyText = (costs: ParentSessionOutcomes['costs']): string =>
  typeof costs.perFamilyReachedPence === 'number'
    ? poundsOf(costs.perFamilyReachedPence)
    : (costs.perFamilyReachedPence ?? 'no family reached or no budget recorded');

const meanText = (value: number | null) => (value === null ? 'fewer than 5 pairs' : value.toFixed(1));

/** The report as rows of figures: one table per part, shared by the paper and the CSV. */
function figureTables(outcomes: ParentSessionOutcomes) {
  const { sessions, families, followUps, feedback, costs, trends } = outcomes;
  return {
    reach: [
      ['Sessions held', String(sessions.held)],
      ['Sessions planned, not yet held', String(sessions.planned)],
      ['Sessions cancelled', String(sessions.cancelled)],
      ['Families invited', countText(families.invited)],
      ['Families reached', countText(families.reached)],
      ['Families who came', countText(families.attended)],
      ['Follow-ups owed to families who could not come', countText(followUps.owed)],
      ['Follow-ups done', countText(followUps.done)],
      ['Follow-ups still open', countText(followUps.open)],
      ['Feedback from parents', countText(feedback.total)],
      ['Feedback given anonymously', countText(feedback.anonymous)],
    ],
    notInvited: [
      ...outcomes.notInvited.reasons.map(({ reason, count }) => [reason, countText(count)]),
      ['All families not invited', countText(outcomes.notInvited.total)],
    ],
    measures: outcomes.measures.map((m) => [
      `${m.question}${m.higherIsBetter ? '' : ' (lower is better)'}`,
      countText(m.pairs),
      meanText(m.meanBefore),
      meanText(m.meanAfter),
      countText(m.improved),
      countText(m.same),
      countText(m.otherWay),
    ]),
    costs: [
      ['Planned', poundsOf(costs.plannedPence)],
      [`Spent (${COST_BASIS_WORDS[costs.basis]})`, poundsOf(costs.spentPence)],
      ['Per family reached', perFamilyText(costs)],
    ],
    trends: trends.rows.map((row) => [row.label, countText(row.before), countText(row.after)]),
  };
}

const FONT = `font-family="${PICTURE_FONT}, Arial, sans-serif" font-size="14" fill="#111111"`;

/**
 * Bars for the paper: a suppressed count draws no bar, only its words. Drawn by peermap itself,
 * every word escaped; `withPictures` turns it into the PNG the Word document holds.
 */
export function barsSvg(bars: readonly { label: string; value: ShownCount }[]): string {
  const [width, label, row] = [640, 220, 34];
  const largest = Math.max(1, ...bars.map((bar) => (typeof bar.value === 'number' ? bar.value : 0)));
  const parts = bars.map((bar, index) => {
    const y = 10 + index * row;
    const length = typeof bar.value === 'number' ? (bar.value / largest) * (width - label - 120) : 0;
    return [
      `<text x="${label - 10}" y="${y + 17}" text-anchor="end" ${FONT}>${escapeMarkup(bar.label)}</text>`,
      `<rect x="${label}" y="${y}" width="${length.toFixed(1)}" height="24" fill="#0b4f8a"/>`,
      `<text x="${(label + length + 8).toFixed(1)}" y="${y + 17}" ${FONT}>${escapeMarkup(String(bar.value))}</text>`,
    ].join('');
  });
  const height = bars.length * row + 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
}

const MEASURE_HEADER = [
  'Question (1 to 5)',
  'Parents who answered at the start and the end',
  'Average at the start',
  'Average at the end',
  'Moved for the better',
  'Stayed the same',
  'Moved the other way',
];

/** The funder's paper: what the sessions did, in counts, with every definition and the caveat printed. */
export function outcomesPaper(
  outcomes: ParentSessionOutcomes,
  marking: string,
  partnershipName?: string,
): ReportDocument {
  const tables = figureTables(outcomes);
  const { trends } = outcomes;
  const sections: ReportSection[] = [
    {
      heading: 'Sessions and families',
      figure: {
        svg: barsSvg([
          { label: 'Families invited', value: outcomes.families.invited },
          { label: 'Families reached', value: outcomes.families.reached },
          { label: 'Families who came', value: outcomes.families.attended },
        ]),
        caption: 'Families invited, reached (came or sent apologies) and who came',
      },
      table: { header: ['What', 'How many'], rows: tables.reach },
    },
    {
      heading: 'Families not invited, and why',
      paragraphs: [
        'Some families are kept safe by not being invited, or have not agreed to be contacted: they are counted here, never named.',
      ],
      table: { header: ['Reason', 'Families'], rows: tables.notInvited },
    },
    {
      heading: 'What parents said at the start and at the end',
      table: { header: MEASURE_HEADER, rows: tables.measures },
    },
    { heading: 'Costs', table: { header: ['What', 'Amount'], rows: tables.costs } },
    {
      heading: `Children's records before and after their parents took part (${trends.weeks} weeks each side)`,
      paragraphs: [
        `Young people counted: ${countText(trends.youngPeople)}. Too soon to count (their ${trends.weeks} weeks after have not passed yet): ${countText(trends.tooSoon)}. Not counted because the map's records do not reach ${trends.weeks} weeks before their parent's session: ${countText(trends.notEnoughHistory)}.`,
        trends.caveat,
      ],
      table: {
        header: ['Recorded', `${trends.weeks} weeks before`, `${trends.weeks} weeks after`],
        rows: tables.trends,
      },
    },
    { heading: 'What the figures mean', paragraphs: [...outcomes.definitions] },
  ];
  return {
    title: 'Parent Empowerment Sessions: what they achieved',
    marking,
    details: [
      ...(partnershipName ? [{ label: 'Partnership', value: partnershipName }] : []),
      { label: 'Period', value: `${dateInWords(outcomes.period.from)} to ${dateInWords(outcomes.period.to)}` },
    ],
    footnote: 'No parent, carer or child is named in this report.',
    sections,
  };
}

/** The analyst's file: one row a figure, with its part of the report, so it sorts and pivots. */
export function outcomesCsv(outcomes: ParentSessionOutcomes, marking: string): string {
  const tables = figureTables(outcomes);
  const { from, to } = outcomes.period;
  const rows: string[][] = [
    ...tables.reach.map(([what, value]) => ['sessions_and_families', what ?? '', value ?? '']),
    ...tables.notInvited.map(([what, value]) => ['not_invited', what ?? '', value ?? '']),
    ...outcomes.measures.flatMap((m, index) =>
      MEASURE_HEADER.slice(1).map((column, at) => [
        `measure_${m.measure}`,
        column,
        tables.measures[index]?.[at + 1] ?? '',
      ]),
    ),
    ...tables.costs.map(([what, value]) => ['costs', what ?? '', value ?? '']),
    ...tables.trends.flatMap(([what, before, after]) => [
      ['children_trends', `${what} (${outcomes.trends.weeks} weeks before)`, before ?? ''],
      ['children_trends', `${what} (${outcomes.trends.weeks} weeks after)`, after ?? ''],
    ]),
  ];
  return toCsv(
    ['part', 'figure', 'value', 'from', 'to'],
    rows.map((row) => [...row, from, to]),
    marking,
    `Counts from 1 to 4 read "fewer than 5". ${outcomes.trends.caveat}`,
  );
}
