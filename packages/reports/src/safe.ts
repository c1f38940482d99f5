/** Text made safe inside HTML and SVG, element content and quoted attributes alike. */
export function escapeMarkup(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A CSV cell that a spreadsheet will not run: a cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return (after any spaces, which some spreadsheets skip) is read as a formula
 * by Excel and others (CSV injection), so it gets a leading apostrophe, shown as text.
 */
export function neutraliseCell(value: string): string {
  return /^[ ]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
