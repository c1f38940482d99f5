import { type PageRequest, ValidationError } from '@peermap/domain';
import type * as z from 'zod';
import { CorruptItemError } from './errors';
import type { IndexKeys, PrimaryKey, QuerySpec } from './keys';
import { type IndexName, KEY_ATTRIBUTES, TABLE_DEFINITION } from './table';

/** A record kept in the table: every one belongs to a partnership. */
export interface KeptRecord {
  partnershipId: string;
}

/** A stored record that changes: what every versioned entity has in common. */
export interface StoredRecord extends KeptRecord {
  version: number;
}

/**
 * How one kind of record is kept in the table: its schema, its keys and how it is listed.
 * `toItem` and `fromItem` are the only ways in and out, and `fromItem` re-validates.
 */
export interface EntityModel<T extends KeptRecord, Key> {
  /** The `entity` attribute of its items. */
  readonly entity: string;
  /** How a person reads its name in a message: `young person`. */
  readonly label: string;
  /** Bumped when the stored shape changes; `fromItem` refuses items of another version. */
  readonly schemaVersion: number;
  readonly schema: z.ZodType<T>;
  /** The key of a record, or of a draft before it has a version (an upload's rows are keyed before they are stored). */
  keyOf(record: Omit<T, 'version'> & { version?: number }): Key;
  describe(key: Key): string;
  primaryKey(partnershipId: string, key: Key): PrimaryKey;
  indexKeys(record: T): IndexKeys;
  /** The access pattern that lists every record of this kind in a partnership, if it is listed. */
  readonly list?: (partnershipId: string) => QuerySpec;
  /** When DynamoDB may delete the item, if the record says. */
  expiresAt?(record: T): Date | undefined;
  /**
   * Items that must change with the record (a carer's links to its young people): what to
   * put for the record as it is now, and what to delete that only its previous version had.
   */
  companions?(record: T, previous: T | undefined): { puts: Item[]; deletes: PrimaryKey[] };
  /**
   * Attributes every item of this kind holds whatever the record: records written once and
   * never changed (a run's clusters, audit events) were stored with `version: 1`, which their
   * records do not carry. Written by `toItem`, dropped by `fromItem`.
   */
  readonly fixed?: Readonly<Item>;
  /**
   * The record shortened to fit DynamoDB's 400 KB item, when it could outgrow it (a run's
   * summary, a very large cluster): applied before a record is written, so every use case
   * that saves one gets it. Throws a domain error when shortening cannot make it fit.
   */
  fit?(record: T): T;
}

export type Item = Record<string, unknown>;

const META_ATTRIBUTES = new Set<string>([
  ...KEY_ATTRIBUTES,
  'entity',
  'schemaVersion',
  TABLE_DEFINITION.timeToLiveAttribute,
]);

/** The item that stores a record: its fields, its keys, its entity type and schema version. */
export function toItem<T extends KeptRecord, Key>(model: EntityModel<T, Key>, record: T): Item {
  const expires = model.expiresAt?.(record);
  return {
    ...Object.fromEntries(Object.entries(record)),
    ...model.fixed,
    ...model.primaryKey(record.partnershipId, model.keyOf(record)),
    ...model.indexKeys(record),
    entity: model.entity,
    schemaVersion: model.schemaVersion,
    ...(expires ? { [TABLE_DEFINITION.timeToLiveAttribute]: Math.floor(expires.getTime() / 1000) } : {}),
  };
}

/** The record an item stores, validated again: the table is not trusted to hold only good data. */
export function fromItem<T extends KeptRecord, Key>(model: EntityModel<T, Key>, item: Item): T {
  if (item['entity'] !== model.entity || item['schemaVersion'] !== model.schemaVersion) {
    throw new CorruptItemError(
      `Expected a ${model.entity} item of schema version ${model.schemaVersion}, found ${String(item['entity'])} ${String(item['schemaVersion'])}.`,
    );
  }
  const fields = Object.fromEntries(
    Object.entries(item).filter(([name]) => !META_ATTRIBUTES.has(name) && !(model.fixed && name in model.fixed)),
  );
  const parsed = model.schema.safeParse(fields);
  if (!parsed.success) {
    throw new CorruptItemError(`A stored ${model.label} does not match its schema.`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The record as it is written: shortened to fit one item, for the kinds that can outgrow one. */
export function fitted<T extends KeptRecord, Key>(model: EntityModel<T, Key>, record: T): T {
  return model.fit ? model.fit(record) : record;
}

/** The version an item of a record holds: the record's own, or the fixed one of records never changed. */
export function versionOf<T extends KeptRecord, Key>(model: EntityModel<T, Key>, record: T): number {
  const own: unknown = Reflect.get(record, 'version');
  const version = typeof own === 'number' ? own : model.fixed?.['version'];
  if (typeof version !== 'number') throw new Error(`A ${model.label} has no version.`);
  return version;
}

/** The most items one page returns, whatever the caller asks for. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

/** The page size to ask DynamoDB for: the caller's, capped, or the default. */
export function pageSize(page: PageRequest | undefined): number {
  const asked = page?.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(asked) || asked < 1) {
    throw new ValidationError('The page size must be a whole number from 1.', [
      { path: 'limit', message: 'must be a whole number from 1' },
    ]);
  }
  return Math.min(asked, MAX_PAGE_SIZE);
}

/** An opaque cursor: the last key of a page, base64url-encoded. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : undefined;
}

/**
 * The start key a cursor stands for, checked against the query it is used with: it must
 * hold exactly the key attributes of that table or index, all strings, in the same partition
 * of the same partnership. A cursor from another list, another partnership or a forger is
 * refused as invalid input, never passed on for DynamoDB to reject.
 */
export function decodeCursor(
  cursor: string | undefined,
  expected: { index?: IndexName; partition: string; partnershipPrefix: string },
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new ValidationError('That page cursor does not belong to this list.', [
      { path: 'cursor', message: 'is not a cursor of this list' },
    ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalid();
  const index = expected.index ? TABLE_DEFINITION.indexes[expected.index] : undefined;
  const required: string[] = [
    TABLE_DEFINITION.partitionKey,
    TABLE_DEFINITION.sortKey,
    ...(index ? [index.partitionKey, index.sortKey] : []),
  ];
  const key: Record<string, string> = {};
  for (const [name, value] of Object.entries(decoded)) {
    if (!required.includes(name) || typeof value !== 'string') throw invalid();
    key[name] = value;
  }
  const partitionAttribute = index?.partitionKey ?? TABLE_DEFINITION.partitionKey;
  if (
    Object.keys(key).length !== required.length ||
    key[partitionAttribute] !== expected.partition ||
    !key[TABLE_DEFINITION.partitionKey]?.startsWith(expected.partnershipPrefix)
  ) {
    throw invalid();
  }
  return key;
}

/** Whether an item is still to be kept: DynamoDB deletes expired items up to days late, so reads skip them. */
export function isLive(item: Item, now: Date = new Date()): boolean {
  const expires = item[TABLE_DEFINITION.timeToLiveAttribute];
  return typeof expires !== 'number' || expires * 1000 > now.getTime();
}
