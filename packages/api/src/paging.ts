import * as z from 'zod';

/** The query of a list: an opaque cursor from the previous page and a page size. */
export const PageQuery = z.strictObject({
  cursor: z.string().max(2_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page request for the store, leaving out what the caller did not give. */
export const pageRequest = (query: PageQuery) => ({
  ...(query.cursor ? { cursor: query.cursor } : {}),
  ...(query.limit ? { limit: query.limit } : {}),
});

/** Every item of a paged store list, page after page (for reports that need the whole list). */
export async function everyItem<T>(
  list: (page: { limit: number; cursor?: string }) => Promise<{ items: T[]; cursor?: string | undefined }>,
  pageSize = 100,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: pageSize, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}
