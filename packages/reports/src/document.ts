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
  sections: ReportSection[];
}

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  table?: { header: string[]; rows: string[][] };
  /** A picture drawn by peermap itself (its text already escaped); shown in HTML, described in DOCX. */
  figure?: { svg: string; caption: string };
}

/** A self-contained, print-friendly HTML page: no scripts, no external resources. */
export function toHtml(document: ReportDocument): string {
  const e = escapeMarkup;
  const sections = document.sections.map((section) => {
    const parts = [`<h2>${e(section.heading)}</h2>`];
    for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${e(paragraph)}</p>`);
    if (section.figure) {
      parts.push(`<figure>${section.figure.svg}<figcaption>${e(section.figure.caption)}</figcaption></figure>`);
    }
    if (section.table) {
      const head = section.table.header.map((h) => `<th>${e(h)}</th>`).join('');
      const rows = section.table.rows.map((row) => `<tr>${row.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
      parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
    }
    return `<section>${parts.join('')}</section>`;
  });
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(document.title)}</title>`,
    '<style>body{font-family:Arial,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;width:100%}',
    'th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}.marking{font-weight:bold;text-align:center}',
    '@media print{section{page-break-inside:avoid}}</style></head><body>',
    `<p class="marking">${e(markingLine(document.marking))}</p>`,
    `<h1>${e(document.title)}</h1>`,
    ...sections,
    `<p class="marking">${e(markingLine(document.marking))}</p>`,
    '</body></html>',
  ].join('\n');
}
