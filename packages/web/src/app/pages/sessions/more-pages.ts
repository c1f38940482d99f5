/**
 * The pages a list has shown after its first: their items, and the cursor the last one gave.
 * Once a further page has been read, its cursor is the one to follow, even when it is none (the
 * list has ended): going back to the first page's cursor would show its next rows twice.
 */
export interface MorePages<T> {
  items: readonly T[];
  cursor: string | undefined;
  read: boolean;
}

export const noMorePagesYet = <T>(): MorePages<T> => ({ items: [], cursor: undefined, read: false });

/** The cursor of the next page to read: the first page's until a further page has been read. */
export const nextCursor = <T>(firstCursor: string | undefined, more: MorePages<T>) =>
  more.read ? more.cursor : firstCursor;

/** The pages shown after one more has been read. */
export const withPage = <T>(more: MorePages<T>, page: { items: readonly T[]; cursor?: string | undefined }) => ({
  items: [...more.items, ...page.items],
  cursor: page.cursor,
  read: true,
});
