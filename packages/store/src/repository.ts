import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
import {
  decodeCursor,
  type EntityModel,
  encodeCursor,
  fitted,
  fromItem,
  type Item,
  isLive,
  pageSize,
  type StoredRecord,
  toItem,
} from './codec';
import type { DocumentSender } from './document-sender';
import { isConditionFailure, toDomainError } from './errors';
import type { TransactAction } from './group-writer';
import { partnershipPrefix, type QuerySpec } from './keys';
import { TABLE_DEFINITION } from './table';
import { transitionUpdate } from './transition';

/** What every repository needs: the document client and the table's name. */
export interface StoreContext {
  readonly client: DocumentSender;
  readonly tableName: string;
}

/** Runs one DynamoDB call, turning a busy table into the domain's `UnavailableError`. */
export async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toDomainError(error);
  }
}

export type { QuerySpec } from './keys';

/** The key condition of a query: the partition, and a sort-key prefix, upper or lower bound if it has one. */
function keyCondition(spec: QuerySpec) {
  const attributes = spec.index ? TABLE_DEFINITION.indexes[spec.index] : TABLE_DEFINITION;
  const sortKey =
    spec.sortKeyPrefix !== undefined
      ? { expression: 'begins_with(#sk, :sk)', value: spec.sortKeyPrefix }
      : spec.sortKeyBelow !== undefined
        ? { expression: '#sk < :sk', value: spec.sortKeyBelow }
        : spec.sortKeyFrom !== undefined
          ? { expression: '#sk >= :sk', value: spec.sortKeyFrom }
          : undefined;
  return {
    KeyConditionExpression: sortKey ? `#pk = :pk AND ${sortKey.expression}` : '#pk = :pk',
    ExpressionAttributeNames: sortKey
      ? { '#pk': attributes.partitionKey, '#sk': attributes.sortKey }
      : { '#pk': attributes.partitionKey },
    ExpressionAttributeValues: sortKey ? { ':pk': spec.partition, ':sk': sortKey.value } : { ':pk': spec.partition },
  };
}

function queryInput(ctx: StoreContext, spec: QuerySpec) {
  return {
    TableName: ctx.tableName,
    ...(spec.index ? { IndexName: spec.index } : { ConsistentRead: true }),
    ...keyCondition(spec),
    ScanIndexForward: !spec.newestFirst,
  };
}

/**
 * The store's one Query, by a named access pattern (`keys`): one page of it, with an opaque
 * cursor checked against the same query, or with `'all'` every item, following DynamoDB's 1 MB
 * pages (for bounded collections: one person's links, one run's clusters).
 */
export function query(ctx: StoreContext, spec: QuerySpec, page: PageRequest | undefined): Promise<Page<Item>>;
export function query(ctx: StoreContext, spec: QuerySpec, page: 'all'): Promise<Item[]>;
export function query(
  ctx: StoreContext,
  spec: QuerySpec,
  page: PageRequest | undefined | 'all',
): Promise<Page<Item> | Item[]> {
  return page === 'all' ? queryAll(ctx, spec) : queryPage(ctx, spec, page);
}

/** Whether a sort key meets a query's sort-key condition: a cursor of another range is not this list's. */
function meetsSortKeyCondition(spec: QuerySpec, sortKey: string | undefined): boolean {
  if (sortKey === undefined) return false;
  if (spec.sortKeyPrefix !== undefined) return sortKey.startsWith(spec.sortKeyPrefix);
  if (spec.sortKeyBelow !== undefined) return sortKey < spec.sortKeyBelow;
  if (spec.sortKeyFrom !== undefined) return sortKey >= spec.sortKeyFrom;
  return true;
}

async function queryPage(ctx: StoreContext, spec: QuerySpec, page?: PageRequest): Promise<Page<Item>> {
  const startKey = decodeCursor(page?.cursor, {
    ...(spec.index ? { index: spec.index } : {}),
    partition: spec.partition,
    partnershipPrefix: partnershipPrefix(spec.partnershipId),
  });
  const sortAttribute = spec.index ? TABLE_DEFINITION.indexes[spec.index].sortKey : TABLE_DEFINITION.sortKey;
  if (startKey && !meetsSortKeyCondition(spec, startKey[sortAttribute])) {
    // Sessions still to come and those held share a partition: one's cursor must not page the other.
    throw new ValidationError('That page cursor does not belong to this list.', [
      { path: 'cursor', message: 'is not a cursor of this list' },
    ]);
  }
  const response = await call(() =>
    ctx.client.send(new QueryCommand({ ...queryInput(ctx, spec), Limit: pageSize(page), ExclusiveStartKey: startKey })),
  );
  const cursor = encodeCursor(response.LastEvaluatedKey);
  return { items: (response.Items ?? []).filter((item) => isLive(item)), ...(cursor ? { cursor } : {}) };
}

async function queryAll(ctx: StoreContext, spec: QuerySpec): Promise<Item[]> {
  const input = queryInput(ctx, spec);
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const response = await call(() => ctx.client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey })));
    items.push(...(response.Items ?? []).filter((item) => spec.includeExpired || isLive(item)));
    startKey = response.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * A draft as the record it becomes: at version 1 when created, or one past the version read.
 * The record is validated whole (and fitted to one item) before anything is written.
 */
export function atNextVersion<T extends StoredRecord, Key>(
  model: EntityModel<T, Key>,
  draft: Draft<T>,
  versionRead?: number,
): T {
  checkExpectedVersion(versionRead);
  return fitted(model, parseWith(model.schema, { ...draft, version: (versionRead ?? 0) + 1 }, model.label));
}

/** Checks an expected version from a caller (an `If-Match` header, say) before it reaches a condition. */
export function checkExpectedVersion(expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && (!Number.isInteger(expectedVersion) || expectedVersion < 1)) {
    throw new ValidationError('The expected version must be a whole number from 1.', [
      { path: 'version', message: 'must be a whole number from 1' },
    ]);
  }
}

/**
 * Storage of one kind of versioned record in the single table, by its `EntityModel`.
 * Creating requires the item to be absent; replacing and removing require the version read.
 */
export class EntityRepository<T extends StoredRecord, Key> implements VersionedRepository<T, Key> {
  constructor(
    protected readonly ctx: StoreContext,
    protected readonly model: EntityModel<T, Key>,
  ) {}

  async get(partnershipId: string, key: Key): Promise<T | undefined> {
    const { Item } = await call(() =>
      this.ctx.client.send(
        new GetCommand({
          TableName: this.ctx.tableName,
          Key: this.model.primaryKey(partnershipId, key),
          ConsistentRead: true,
        }),
      ),
    );
    return Item && isLive(Item) ? fromItem(this.model, Item) : undefined;
  }

  async save(draft: Draft<T>, expectedVersion?: number): Promise<T> {
    const record = this.validate(draft, expectedVersion);
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: toItem(this.model, record),
          ...this.writeCondition(expectedVersion),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      throw this.conditionError(error, this.model.keyOf(record), expectedVersion);
    }
    return record;
  }

  /**
   * A change of a record as read, written whole by a conditional Put as `save` writes it: a map
   * record can be large and a route replaces it whole, so nothing is gained by an UpdateItem.
   */
  change(current: T, patch: Partial<Draft<T>>, expectedVersion?: number): Promise<T> {
    return saveChange(this, current, patch, expectedVersion);
  }

  /**
   * A change of state in one UpdateItem: the record as read (`current`) with `patch` applied is
   * validated whole, and only what changed is written (not a snapshot of hundreds of KB), while
   * the item is still at the version read and holds what `guard` allows.
   */
  async transition(current: T, patch: Partial<Draft<T>>, guard?: TransitionGuard<T>): Promise<T> {
    const next = this.validate({ ...current, ...patch }, current.version);
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          ...transitionUpdate(this.model, current, next, guard),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      throw this.conditionError(error, this.model.keyOf(current), current.version);
    }
    return next;
  }

  async remove(partnershipId: string, key: Key, expectedVersion: number): Promise<void> {
    checkExpectedVersion(expectedVersion);
    try {
      await this.ctx.client.send(
        new DeleteCommand({
          TableName: this.ctx.tableName,
          Key: this.model.primaryKey(partnershipId, key),
          ...versionCondition(expectedVersion),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      throw this.conditionError(error, key, expectedVersion);
    }
  }

  async list(partnershipId: string, page?: PageRequest): Promise<Page<T>> {
    if (!this.model.list) throw new Error(`${this.model.entity} records are not listed by partnership.`);
    const result = await query(this.ctx, this.model.list(partnershipId), page);
    return { ...result, items: result.items.map((item) => fromItem(this.model, item)) };
  }

  /** The condition of a save: by default only the version; a kind with more rules adds them. */
  protected writeCondition(expectedVersion: number | undefined) {
    return versionCondition(expectedVersion);
  }

  /** The record at its next version, validated as a whole before anything is written. */
  protected validate(draft: Draft<T>, expectedVersion: number | undefined): T {
    return atNextVersion(this.model, draft, expectedVersion);
  }

  /** What a failed condition means: it existed already, it is gone, or it moved on. */
  protected conditionError(error: unknown, key: Key, expectedVersion: number | undefined): unknown {
    if (!isConditionFailure(error)) return toDomainError(error);
    const what = this.model.describe(key);
    if (expectedVersion === undefined) return new AlreadyExistsError(this.model.label, what, { cause: error });
    if (!error.Item) return new NotFoundError(this.model.label, what);
    return new VersionConflictError(this.model.label, what, expectedVersion, { cause: error });
  }
}

/** The condition that makes a write optimistic: absent to create, at the version read to change. */
export function versionCondition(expectedVersion: number | undefined): {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  return expectedVersion === undefined
    ? {
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': TABLE_DEFINITION.partitionKey },
      }
    : {
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };
}

/** A put that replaces a record only while it is still at the version read. */
export const replaceAtVersion = (tableName: string, item: Item, version: number): TransactAction => ({
  Put: {
    TableName: tableName,
    Item: item,
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': version },
  },
});
