import type { MapReader, Page, PartnershipId, WholeMap } from '@peermap/domain';
import type { EntityModel, StoredRecord } from './codec';
import { concernModel, locationModel, relationshipModel, sightingModel, youngPersonModel } from './models';
import { EntityRepository, type StoreContext } from './repository';

/**
 * Reads a partnership's whole map for the analysis: each kind from its own partition of the
 * byKind index, page after page, the kinds in parallel. Query only, like every other read.
 */
export class DynamoMapReader implements MapReader {
  constructor(private readonly ctx: StoreContext) {}

  async wholeMap(partnershipId: PartnershipId): Promise<WholeMap> {
    const [youngPeople, relationships, locations, sightings, concerns] = await Promise.all([
      this.all(youngPersonModel, partnershipId),
      this.all(relationshipModel, partnershipId),
      this.all(locationModel, partnershipId),
      this.all(sightingModel, partnershipId),
      this.all(concernModel, partnershipId),
    ]);
    return { youngPeople, relationships, locations, sightings, concerns };
  }

  private async all<T extends StoredRecord, K>(model: EntityModel<T, K>, partnershipId: string): Promise<T[]> {
    const repository = new EntityRepository(this.ctx, model);
    const records: T[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<T> = await repository.list(partnershipId, { limit: 500, ...(cursor ? { cursor } : {}) });
      records.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return records;
  }
}
