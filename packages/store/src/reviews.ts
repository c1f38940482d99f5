import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  AlreadyExistsError,
  type Draft,
  type Review,
  type ReviewsRepository,
  UnavailableError,
  type YoungPerson,
} from '@peermap/domain';
import { writeBatch } from './batch-writer';
import { fromItem, toItem } from './codec';
import { isConditionFailure, toDomainError } from './errors';
import { type WriteGroup, writeGroups } from './group-writer';
import * as keys from './keys';
import { reviewModel, youngPersonModel } from './models';
import { atNextVersion, query, replaceAtVersion, type StoreContext, versionCondition } from './repository';

/**
 * Review decisions (kept in the young person's collection, so they go with them), the day each
 * young person was first listed overdue, and the moves of their expiry.
 */
export class DynamoReviews implements ReviewsRepository {
  constructor(private readonly ctx: StoreContext) {}

  async add(review: Draft<Review>): Promise<void> {
    const record = atNextVersion(reviewModel, review);
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: toItem(reviewModel, record),
          ...versionCondition(undefined),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new AlreadyExistsError('review', reviewModel.describe(record));
      throw toDomainError(error);
    }
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Review[]> {
    const items = await query(this.ctx, keys.reviewsOfPerson(partnershipId, ref), 'all');
    return items.map((item) => fromItem(reviewModel, item));
  }

  async moveExpiry(changes: readonly { person: YoungPerson; retainUntil: string }[]): Promise<{ notMoved: string[] }> {
    const groups: WriteGroup[] = changes.map(({ person, retainUntil }) => {
      const moved = atNextVersion(youngPersonModel, { ...person, retainUntil }, person.version);
      return {
        label: person.ref,
        actions: [replaceAtVersion(this.ctx.tableName, toItem(youngPersonModel, moved), person.version)],
      };
    });
    const { failed } = await writeGroups(this.ctx.client, groups);
    return { notMoved: failed.map(({ group }) => group.label) };
  }

  async overdueSince(partnershipId: string): Promise<Map<string, string>> {
    const items = await query(this.ctx, keys.ofKind(partnershipId, 'OVERDUE'), 'all');
    return new Map(items.map((item) => [String(item['youngPersonRef']), String(item['since'])]));
  }

  async markOverdue(partnershipId: string, changes: readonly { ref: string; since: string | undefined }[]) {
    const { failed } = await writeBatch(
      this.ctx.client,
      this.ctx.tableName,
      changes.map(({ ref, since }) =>
        since
          ? {
              PutRequest: {
                Item: {
                  ...keys.overdueKey(partnershipId, ref),
                  ...keys.overdueIndexKeys(partnershipId, ref),
                  entity: 'Overdue',
                  schemaVersion: 1,
                  youngPersonRef: ref,
                  since,
                },
              },
            }
          : { DeleteRequest: { Key: keys.overdueKey(partnershipId, ref) } },
      ),
    );
    if (failed.length > 0) throw new UnavailableError('The store is busy; the next sweep records the rest.');
  }

  async all(partnershipId: string): Promise<Review[]> {
    const items = await query(this.ctx, keys.ofKind(partnershipId, 'REVIEW'), 'all');
    return items.map((item) => fromItem(reviewModel, item));
  }
}
