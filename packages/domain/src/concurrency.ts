/**
 * How many reads one request sends to the store at once when it reads a list of things (the
 * names of a week's young people, each member's concerns). Two such fan-outs side by side,
 * with the writers' 8, still fit the store client's 32 connections, so a read waits for a
 * connection only when several requests arrive together.
 */
export const READ_CONCURRENCY = 8;

/**
 * Calls `fn` on every item with at most `limit` calls under way at once, and resolves with
 * the results in the order of `items`. The first rejection rejects the whole; no call starts
 * after it (those under way run to their end, their results unused).
 *
 * @example const people = await mapWithConcurrency(refs, READ_CONCURRENCY, (ref) => store.youngPeople.get(p, ref));
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`mapWithConcurrency: the limit must be a whole number from 1, not ${limit}.`);
  }
  const results = new Array<R>(items.length);
  const entries = [...items.entries()];
  let next = 0;
  let failed = false;
  // Each worker takes the next item as soon as its call ends.
  const worker = async () => {
    for (let entry = entries[next++]; entry && !failed; entry = entries[next++]) {
      const [index, item] = entry;
      try {
        results[index] = await fn(item, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
