import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { InvitationList, SessionDetails, type SessionsRelisted } from '@peermap/domain';
import * as z from 'zod';
import type { Item } from './codec';
import { isConditionFailure, toDomainError } from './errors';
import * as keys from './keys';
import { invitationListModel } from './models';
import { query, type StoreContext } from './repository';
import { TABLE_DEFINITION } from './table';

/**
 * What a list's place by day is made of, and nothing more: the rest of a list (its carers) is
 * not needed to list it, and a list whose other fields no longer parse is still listed.
 */
const ListedBy = z.object({
  id: InvitationList.shape.id,
  partnershipId: InvitationList.shape.partnershipId,
  clusterId: InvitationList.shape.clusterId,
  createdAt: InvitationList.shape.createdAt,
  version: InvitationList.shape.version,
  session: z.object({ date: SessionDetails.shape.date }),
});
type ListedBy = z.infer<typeof ListedBy>;

const listedByOf = (item: Item): ListedBy | undefined => {
  if (item['entity'] !== invitationListModel.entity) return undefined;
  const parsed = ListedBy.safeParse(item);
  return parsed.success ? parsed.data : undefined;
};

/**
 * Lists under their session's day the invitation lists a table holds from before byKind listed
 * them so (their sort key began with when they were made), so the early help lead's sessions
 * find them. It runs on every nightly sweep, after the sweep: one Query of the partnership's
 * lists, and a write only for a list still listed the older way, so a list an older copy of the
 * code wrote during a rolling deploy is listed by its day the next night. A list is rewritten
 * only while it is still at the version read (one changed meanwhile was written again); a list
 * whose day cannot be read is left as it is and counted, never stopping the others.
 */
export async function listSessionsByDay(ctx: StoreContext, partnershipId: string): Promise<SessionsRelisted> {
  const sortKey = TABLE_DEFINITION.indexes.byKind.sortKey;
  const items = await query(ctx, { ...keys.ofKind(partnershipId, 'INVITE'), includeExpired: true }, 'all');
  const done: SessionsRelisted = { relisted: 0, unreadable: [] };
  for (const item of items) {
    const list = listedByOf(item);
    if (!list) {
      done.unreadable.push(String(item['id'] ?? item['PK']));
      continue;
    }
    const byDay = keys.invitationListIndexKeys(list).GSI1SK;
    if (item[sortKey] !== byDay && (await relist(ctx, item, byDay, list.version))) done.relisted++;
  }
  return done;
}

/** Writes a list's new sort key if the list is still at the version read; whether it did. */
async function relist(ctx: StoreContext, item: Item, byDay: string | undefined, version: number): Promise<boolean> {
  try {
    await ctx.client.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: keys.primaryKeyOf(item),
        UpdateExpression: 'SET #sortKey = :byDay',
        ConditionExpression: '#version = :read',
        ExpressionAttributeNames: { '#sortKey': TABLE_DEFINITION.indexes.byKind.sortKey, '#version': 'version' },
        ExpressionAttributeValues: { ':byDay': byDay, ':read': version },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw toDomainError(error);
    return false;
  }
}
