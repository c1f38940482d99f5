import { columnShares, type PaperTable } from './layout';
import { escapeMarkup } from './safe';

/** What every export and printed page says of itself, with the partnership's handling marking. */
export const RECORD_STATEMENT = 'A safeguarding record of children at risk of harm, not intelligence about offenders.';

/** The marking line every export carries: `OFFICIAL-SENSITIVE: A safeguarding record of …`. */
export const markingLine = (marking: string) => `${marking}: ${RECORD_STATEMENT}`;

/**
 * What a meeting paper says, independent of its format: HTML for the screen and print, DOCX
 * for the paper the meeting edits. Both are rendered from the same document.
 */
export interface ReportDocument {
  title: string;
  /** The partnership's handling marking (e.g. OFFICIAL-SENSITIVE), on every page. */
  marking: string;
  /** Whose paper it is and for which meeting, under the title: partnership, meeting, chair. */
  details?: { label: string; value: string }[];
  /** What this version of the paper is, beside the marking at the foot of every page. */
  footnote?: string;
  sections: ReportSection[];
}

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  /** A cell's lines are separated by `\n`. */
  table?: PaperTable;
  /**
   * A picture drawn by peermap itself (its text already escaped): inline in HTML; in DOCX the
   * PNG `withPictures` draws from it (the renderer is loaded only where a paper has a picture).
   */
  figure?: { svg: string; caption: string; png?: Uint8Array };
}

const cellHtml = (text: string) => escapeMarkup(text).replaceAll('\n', '<br>');

function tableHtml(table: PaperTable): string {
  const columns = columnShares(table)
    .map((share) => `<col style="width:${(share * 100).toFixed(1)}%">`)
    .join('');
  const head = table.header.map((h) => `<th>${cellHtml(h)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map((c) => `<td>${cellHtml(c)}</td>`).join('')}</tr>`).join('');
  const note = table.note ? `<p class="note">${escapeMarkup(table.note)}</p>` : '';
  return `<table><colgroup>${columns}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${note}`;
}

function sectionHtml(section: ReportSection): string {
  const e = escapeMarkup;
  const parts = [`<h2>${e(section.heading)}</h2>`];
  for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${e(paragraph)}</p>`);
  if (section.figure) {
    parts.push(`<figure>${section.figure.svg}<figcaption>${e(section.figure.caption)}</figcaption></figure>`);
  }
  if (section.table) parts.push(tableHtml(section.table));
  return `<section>${parts.join('')}</section>`;
}

const STYLE = [
  '<style>body{font-family:Arial,sans-serif;margin:2em;color:#111;max-width:60em}',
  'table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:.8em}',
  'th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}',
  'th{background:#eee}.marking{font-weight:bold;text-align:center}.note,figcaption{font-style:italic;font-size:.9em}',
  'dl.details{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}',
  'figure{margin:1em 0}figure svg{max-width:100%;height:auto}',
  '@media print{section{page-break-inside:avoid}}</style>',
].join('');

/** A self-contained, print-friendly HTML page: no scripts, no external resources. */
export function toHtml(document: ReportDocument): string {
  const e = escapeMarkup;
  const details = document.details?.length
    ? `<dl class="details">${document.details.map((d) => `<dt>${e(d.label)}</dt><dd>${e(d.value)}</dd>`).join('')}</dl>`
    : '';
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(document.title)}</title>`,
    STYLE,
    '</head><body>',
    `<p class="marking">${e(markingLine(document.marking))}</p>`,
    `<h1>${e(document.title)}</h1>`,
    details,
    ...document.sections.map(sectionHtml),
    document.footnote ? `<p class="note">${e(document.footnote)}</p>` : '',
    `<p class="marking">${e(markingLine(document.marking))}</p>`,
    '</body></html>',
  ].join('\n');
}
