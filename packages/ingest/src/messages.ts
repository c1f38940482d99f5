import type * as z from 'zod';

/**
 * A plain-English message for a schema issue in an uploaded cell, suggesting the nearest
 * allowed value when a value is not in the list.
 */
export function describeIssue(issue: z.core.$ZodIssue, value: string | undefined): string {
  switch (issue.code) {
    case 'invalid_value':
      return notAllowed(issue.values.map(String), value);
    case 'invalid_format':
      return FORMAT_MESSAGES[issue.format] ?? issue.message;
    case 'too_big':
      return issue.origin === 'string' ? `Shorten this to ${issue.maximum} characters or fewer.` : issue.message;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'This cell is required.' : issue.message;
    case 'invalid_type':
      return value === undefined ? 'This cell is required.' : issue.message;
    case 'custom':
      // The text checks word their messages as what a field holds; in an upload that is a cell.
      return issue.params?.['plainText'] === true ? `This cell ${issue.message}.` : issue.message;
    default:
      return issue.message;
  }
}

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  date: 'Write a real date as YYYY-MM-DD, such as 2026-11-05.',
  email: 'This is not an email address.',
};

function notAllowed(allowed: string[], value: string | undefined): string {
  const suggestion = value ? nearest(value, allowed) : undefined;
  const typed = value ? `"${value}" is not an allowed value. ` : '';
  return `${typed}Use one of: ${allowed.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;
}

/** The allowed value closest to what was typed, if it is close enough to be a slip. */
export function nearest(value: string, allowed: readonly string[]): string | undefined {
  const typed = value.toLowerCase().replace(/[\s-]+/g, '_');
  let best: { option: string; distance: number } | undefined;
  for (const option of allowed) {
    const distance = editDistance(typed, option.toLowerCase());
    if (!best || distance < best.distance) best = { option, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.option.length / 3)) ? best.option : undefined;
}

/** Levenshtein distance, two rows at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
