import { HttpProblem } from './problems';

/** The ETag of a record at a version. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an update was based on, from its `If-Match` header. A change without one is
 * refused (428), so no one overwrites a record they have not read.
 */
export function expectedVersion(headers: Readonly<Record<string, string | undefined>>): number {
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'if-match')?.[1];
  if (!value) {
    throw new HttpProblem(
      428,
      'If-Match required',
      'Send the ETag you read in an If-Match header to change this record.',
    );
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value.trim());
  if (!match?.[1]) {
    throw new HttpProblem(
      428,
      'If-Match required',
      'The If-Match header must be an ETag this service sent, such as "3".',
    );
  }
  return Number(match[1]);
}
