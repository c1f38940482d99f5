import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get';
import { fromItem } from './codec';
import { isConditionFailure, toDomainError } from './errors';
import { sendTransaction } from './group-writer';
import * as keys from './keys';
import { invitationListModel } from './models';
import { query, type StoreContext } from './repository';
import { TABLE_DEFINITION } from './table';

/**
 * Lists the invitation lists a table holds from before byKind listed them by their session's
 * day (their sort key began with when they were made) under the day, so the early help lead's
 * sessions find them. Each is rewritten only while it is still at the version read (a list
 * changed meanwhile was written with the new key already); once every list is listed by its
 * day, a marker says so and later runs cost one read. Run it before serving an older table.
 */
export async function listSessionsByDay(ctx: StoreContext, partnershipId: string): Promise<number> {
  const marker = keys.sessionsByDayKey(partnershipId);
  if ((await batchGet(ctx, [marker])).length > 0) return 0;
  const sortKey = TABLE_DEFINITION.indexes.byKind.sortKey;
  const items = await query(ctx, { ...keys.ofKind(partnershipId, 'INVITE'), includeExpired: true }, 'all');
  let relisted = 0;
  let skipped = 0;
  for (const item of items) {
    const list = fromItem(invitationListModel, item);
    const byDay = keys.invitationListIndexKeys(list).GSI1SK;
    if (item[sortKey] === byDay) continue;
    try {
      await ctx.client.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: keys.primaryKeyOf(item),
          UpdateExpression: 'SET #sortKey = :byDay',
          ConditionExpression: '#version = :read',
          ExpressionAttributeNames: { '#sortKey': sortKey, '#version': 'version' },
          ExpressionAttributeValues: { ':byDay': byDay, ':read': list.version },
        }),
      );
      relisted++;
    } catch (error) {
      if (!isConditionFailure(error)) throw toDomainError(error);
      skipped++;
    }
  }
  if (skipped === 0) {
    const done = { ...marker, entity: 'SessionsByDay', schemaVersion: 1, listedAt: new Date().toISOString() };
    await sendTransaction(ctx.client, [{ Put: { TableName: ctx.tableName, Item: done } }]);
  }
  return relisted;
}
