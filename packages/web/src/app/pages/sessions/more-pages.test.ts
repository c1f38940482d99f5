import { describe, expect, it } from 'vitest';
import { nextCursor, noMorePagesYet, withPage } from './more-pages';

describe('a list shown page by page', () => {
  it('follows the first page, then the latest page read, and ends when a page gives no cursor, even an empty one', () => {
    const none = noMorePagesYet<string>();
    expect(nextCursor('after-first', none)).toBe('after-first');
    const second = withPage(none, { items: ['c', 'd'], cursor: 'after-second' });
    expect(nextCursor('after-first', second)).toBe('after-second');
    // An empty last page (the list ended exactly at a page's end): nothing more to read, no row again.
    const ended = withPage(second, { items: [] });
    expect(ended.items).toEqual(['c', 'd']);
    expect(nextCursor('after-first', ended)).toBeUndefined();
  });
});
