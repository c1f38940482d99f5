import type { TransitionGuard } from '@peermap/domain';
import { type EntityModel, type StoredRecord, toItem } from './codec';
import type { PrimaryKey } from './keys';
import { TABLE_DEFINITION } from './table';

/** The UpdateItem of one change of state, without its table name. */
export interface TransitionUpdate {
  Key: PrimaryKey;
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

const KEY = new Set<string>([TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey]);
const VERSION = 'version';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The UpdateItem that moves a record from `from` (the version read) to `next`: it sets only the
 * attributes that changed, and with them the index keys that follow them (a completed analysis
 * enters byKind), removes those `next` no longer has, and adds one to the version. It applies
 * only while the item is still at the version read and every guarded field holds one of its
 * allowed values, so a change made meanwhile is never overwritten.
 */
export function transitionUpdate<T extends StoredRecord, Key>(
  model: EntityModel<T, Key>,
  from: T,
  next: T,
  guard: TransitionGuard<T> = {},
): TransitionUpdate {
  const before = toItem(model, from);
  const after = toItem(model, next);
  const Key = model.primaryKey(from.partnershipId, model.keyOf(from));
  const moved = model.primaryKey(next.partnershipId, model.keyOf(next));
  if (moved.PK !== Key.PK || moved.SK !== Key.SK) {
    throw new Error(`A change of state cannot change the key of a ${model.label}.`);
  }
  const names: Record<string, string> = { '#version': VERSION };
  const values: Record<string, unknown> = { ':expected': from.version, ':one': 1 };
  const name = (attribute: string) => {
    const placeholder = `#a${Object.keys(names).length}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const value = (content: unknown) => {
    const placeholder = `:v${Object.keys(values).length}`;
    values[placeholder] = content;
    return placeholder;
  };
  const changed = (attribute: string) => !KEY.has(attribute) && attribute !== VERSION;
  const sets = Object.entries(after)
    .filter(([attribute, content]) => changed(attribute) && !same(before[attribute], content))
    .map(([attribute, content]) => `${name(attribute)} = ${value(content)}`);
  const removes = Object.keys(before)
    .filter((attribute) => changed(attribute) && !(attribute in after))
    .map(name);
  const guards = guardConditions(guard, name, value);
  return {
    Key,
    UpdateExpression: [
      `SET ${[...sets, '#version = #version + :one'].join(', ')}`,
      ...(removes.length > 0 ? [`REMOVE ${removes.join(', ')}`] : []),
    ].join(' '),
    ConditionExpression: ['#version = :expected', ...guards].join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** One `IN` condition per guarded field: it must still hold one of the values the change moves from. */
function guardConditions<T>(
  guard: TransitionGuard<T>,
  name: (attribute: string) => string,
  value: (content: unknown) => string,
): string[] {
  return Object.entries(guard as Record<string, readonly unknown[] | undefined>).flatMap(([field, allowed]) => {
    if (allowed === undefined) return [];
    if (allowed.length === 0) throw new Error(`A guard on ${field} must allow at least one value.`);
    return [`${name(field)} IN (${allowed.map(value).join(', ')})`];
  });
}
