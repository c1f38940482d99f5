import * as z from 'zod';

/** The query of a list: an opaque cursor from the previous page and a page size. */
export const PageQuery = z.strictObject({
  cursor: z.string().max(2_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page as the API returns it. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.string().optional() });

/** A page request for the store, leaving out what the caller did not give. */
export const pageRequest = (query: PageQuery) => ({
  ...(query.cursor ? { cursor: query.cursor } : {}),
  ...(query.limit ? { limit: query.limit } : {}),
});
