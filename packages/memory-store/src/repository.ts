import {
  AlreadyExistsError,
  type Draft,
  NotFoundError,
  type Page,
  type PageRequest,
  parseWith,
  saveChange,
  type TransitionGuard,
  ValidationError,
  VersionConflictError,
  type VersionedRepository,
} from '@peermap/domain';
import type * as z from 'zod';

/** Whether every guarded field of the record holds one of the values the guard allows. */
function holds<T extends object>(record: T, guard: TransitionGuard<T>): boolean {
  const fields = new Map<string, unknown>(Object.entries(record));
  return Object.entries(guard as Record<string, readonly unknown[] | undefined>).every(
    ([field, allowed]) => allowed === undefined || allowed.includes(fields.get(field)),
  );
}

/** What the store caps a page at, and a page's size when none is asked: as the table's. */
export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;

/** How one kind of record is kept: its schema, its key, and the order it is listed in. */
export interface Kind<T extends { partnershipId: string; version: number }, Key> {
  readonly label: string;
  readonly schema: z.ZodType<T>;
  /** The key of a record (what `get` and `remove` take). */
  readonly keyOf: (record: T) => Key;
  /** The key as one string, unique within the partnership. */
  readonly id: (key: Key) => string;
  /** What the partnership's list is sorted by (the table's sort key of its list). */
  readonly order: (record: T) => string;
  readonly newestFirst?: boolean;
}

/** The page of a sorted list that follows the cursor; the cursor names the partnership and the last item. */
export function pageOf<T>(
  partnershipId: string,
  sorted: readonly { order: string; record: T }[],
  page?: PageRequest,
  scope = '',
): Page<T> {
  const limit = page?.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ValidationError('The page size must be a whole number from 1.', [
      { path: 'limit', message: 'must be a whole number from 1' },
    ]);
  }
  const after = page?.cursor === undefined ? undefined : decodeCursor(page.cursor, `${partnershipId}|${scope}`);
  const start = after === undefined ? 0 : sorted.findIndex((item) => item.order === after) + 1;
  const items = sorted.slice(start, start + Math.min(limit, MAX_PAGE_SIZE));
  const last = items.at(-1);
  const more = start + items.length < sorted.length;
  return {
    items: items.map((item) => item.record),
    ...(more && last ? { cursor: encodeCursor(`${partnershipId}|${scope}`, last.order) } : {}),
  };
}

const encodeCursor = (scope: string, order: string) =>
  Buffer.from(JSON.stringify({ scope, order })).toString('base64url');

function decodeCursor(cursor: string, scope: string): string {
  const refused = () =>
    new ValidationError('The cursor is not one this list gave.', [
      { path: 'cursor', message: 'not a cursor of this list' },
    ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (typeof decoded !== 'object' || decoded === null || !('scope' in decoded) || !('order' in decoded))
    throw refused();
  if (decoded.scope !== scope || typeof decoded.order !== 'string') throw refused();
  return decoded.order;
}

/** Sorts records for a list, by the kind's order. */
export const sortedBy = <T>(records: readonly T[], order: (record: T) => string, newestFirst = false) =>
  records
    .map((record) => ({ order: order(record), record }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) * (newestFirst ? -1 : 1));

/**
 * One kind of versioned record in memory, with the table's rules: creating refuses a record
 * that exists, changing and removing need the version read, and every record is validated
 * against its schema before it is kept. Records are copied in and out, as a database would.
 */
export class MemoryRepository<T extends { partnershipId: string; version: number }, Key>
  implements VersionedRepository<T, Key>
{
  private readonly records = new Map<string, Map<string, T>>();

  constructor(readonly kind: Kind<T, Key>) {}

  async get(partnershipId: string, key: Key): Promise<T | undefined> {
    const record = this.of(partnershipId).get(this.kind.id(key));
    return record === undefined ? undefined : structuredClone(record);
  }

  async save(draft: Draft<T>, expectedVersion?: number): Promise<T> {
    checkExpectedVersion(expectedVersion);
    const record = parseWith(this.kind.schema, { ...draft, version: (expectedVersion ?? 0) + 1 }, this.kind.label);
    const id = this.kind.id(this.kind.keyOf(record));
    const current = this.of(record.partnershipId).get(id);
    this.checkVersion(current, id, expectedVersion);
    this.of(record.partnershipId).set(id, structuredClone(record));
    return record;
  }

  /** A change of a record as read, saved whole at the version read, as the table writes it. */
  change(current: T, patch: Partial<Draft<T>>, expectedVersion?: number): Promise<T> {
    return saveChange(this, current, patch, expectedVersion);
  }

  /**
   * A change of state in place, as the table makes it: only while the record is still at the
   * version read and every guarded field holds one of the values the change moves from.
   */
  async transition(current: T, patch: Partial<Draft<T>>, guard: TransitionGuard<T> = {}): Promise<T> {
    const id = this.kind.id(this.kind.keyOf(current));
    const stored = this.of(current.partnershipId).get(id);
    this.checkVersion(stored, id, current.version);
    if (!stored || !holds(stored, guard)) throw new VersionConflictError(this.kind.label, id, current.version);
    const next = parseWith(this.kind.schema, { ...current, ...patch, version: current.version + 1 }, this.kind.label);
    this.of(current.partnershipId).set(id, structuredClone(next));
    return next;
  }

  async remove(partnershipId: string, key: Key, expectedVersion: number): Promise<void> {
    checkExpectedVersion(expectedVersion);
    const id = this.kind.id(key);
    const current = this.of(partnershipId).get(id);
    if (!current) throw new NotFoundError(this.kind.label, id);
    this.checkVersion(current, id, expectedVersion);
    this.of(partnershipId).delete(id);
  }

  async list(partnershipId: string, page?: PageRequest): Promise<Page<T>> {
    return pageOf(partnershipId, sortedBy(this.all(partnershipId), this.kind.order, this.kind.newestFirst), page);
  }

  /** Every record of the partnership (copies), in no particular order. */
  all(partnershipId: string): T[] {
    return [...this.of(partnershipId).values()].map((record) => structuredClone(record));
  }

  /** The records of the partnership that match, in the list's order. */
  where(partnershipId: string, matches: (record: T) => boolean): T[] {
    return sortedBy(this.all(partnershipId).filter(matches), this.kind.order, this.kind.newestFirst).map(
      (item) => item.record,
    );
  }

  /** Puts a record back as it is given (the erasure's rewrites, which choose the version themselves). */
  replace(record: T): void {
    this.of(record.partnershipId).set(this.kind.id(this.kind.keyOf(record)), structuredClone(record));
  }

  /** Removes a record whatever its version (an erasure's removals). */
  drop(partnershipId: string, key: Key): void {
    this.of(partnershipId).delete(this.kind.id(key));
  }

  private checkVersion(current: T | undefined, id: string, expectedVersion: number | undefined): void {
    if (expectedVersion === undefined) {
      if (current) throw new AlreadyExistsError(this.kind.label, id);
      return;
    }
    if (!current) throw new NotFoundError(this.kind.label, id);
    if (current.version !== expectedVersion) throw new VersionConflictError(this.kind.label, id, expectedVersion);
  }

  private of(partnershipId: string): Map<string, T> {
    let records = this.records.get(partnershipId);
    if (!records) {
      records = new Map();
      this.records.set(partnershipId, records);
    }
    return records;
  }
}

function checkExpectedVersion(expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && (!Number.isInteger(expectedVersion) || expectedVersion < 1)) {
    throw new ValidationError('The expected version must be a whole number from 1.', [
      { path: 'version', message: 'must be a whole number from 1' },
    ]);
  }
}
