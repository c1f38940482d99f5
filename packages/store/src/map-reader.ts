import type { MapReader, MapReadOptions, Page, PartnershipId, WholeMap } from '@peermap/domain';
import type { EntityModel, StoredRecord } from './codec';
import { mapModels } from './models';
import { EntityRepository, type StoreContext } from './repository';

/**
 * Reads a partnership's whole map for the analysis: each kind from its own partition of the
 * byKind index, page after page, the kinds in parallel. Query only, like every other read.
 * Restricted police intelligence is read only when asked for (for a police analyst's export).
 */
export class DynamoMapReader implements MapReader {
  constructor(private readonly ctx: StoreContext) {}

  async wholeMap(partnershipId: PartnershipId, options: MapReadOptions = {}): Promise<WholeMap> {
    const none = async () => [];
    const [youngPeople, relationships, restrictedRelationships, locations, sightings, restrictedSightings, concerns] =
      await Promise.all([
        this.all(mapModels.youngPeople, partnershipId),
        this.all(mapModels.relationships, partnershipId),
        options.restricted ? this.all(mapModels.restrictedRelationships, partnershipId) : none(),
        this.all(mapModels.locations, partnershipId),
        this.all(mapModels.sightings, partnershipId),
        options.restricted ? this.all(mapModels.restrictedSightings, partnershipId) : none(),
        this.all(mapModels.concerns, partnershipId),
      ]);
    return {
      youngPeople,
      relationships: [...relationships, ...restrictedRelationships],
      locations,
      sightings: [...sightings, ...restrictedSightings],
      concerns,
    };
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
