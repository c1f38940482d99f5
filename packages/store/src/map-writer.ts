import {
  type Draft,
  keepUnstated,
  type MapRecords,
  type MapWriter,
  type MapWriterResult,
  mergeUploaded,
  mergeUploadedCarer,
  type Page,
  type PartnershipId,
  type UnstatedFields,
} from '@peermap/domain';
import { planUpserts } from './bulk-upsert';
import { writeGroups } from './group-writer';
import { mapModels } from './models';
import type { StoreContext } from './repository';
import { EntityRepository } from './repository';

/**
 * An upload adds restricted police intelligence it carries only where police hold none for the
 * same pair or sighting, and never changes what they hold: only police analysts do, through the API.
 */
const keepHeld = <T>(previous: T | undefined, incoming: T): T => previous ?? incoming;

const shared = <T extends { restricted: boolean }>(records: T[]) => records.filter((r) => !r.restricted);
const restricted = <T extends { restricted: boolean }>(records: T[]) => records.filter((r) => r.restricted);

/**
 * The upload adapter: plans every sheet's writes (new and changed records only, merged with
 * what is held) and writes them all through the group writer, conditional on what was read.
 */
export class DynamoMapWriter implements MapWriter {
  constructor(private readonly ctx: StoreContext) {}

  async apply(
    records: MapRecords,
    unstated: UnstatedFields = {},
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<MapWriterResult> {
    const { shared: plans, restricted: restrictedPlans } = await this.plan(records, unstated);
    const [written] = await Promise.all([
      writeGroups(
        this.ctx.client,
        Object.values(plans).flatMap((plan) => plan.groups),
        { signal },
      ),
      writeGroups(
        this.ctx.client,
        restrictedPlans.flatMap((plan) => plan.groups),
        { signal },
      ),
    ]);
    // Whatever became of a restricted row (police made the record meanwhile, or the table stayed
    // busy) the upload says nothing of it: its answer must not depend on what police hold. A
    // row not written is added by the next upload that carries it.
    return {
      counts: {
        youngPeople: plans.youngPeople.counts,
        relationships: plans.relationships.counts,
        locations: plans.locations.counts,
        carers: plans.carers.counts,
        sightings: plans.sightings.counts,
        concerns: plans.concerns.counts,
      },
      restrictedReceived: restricted(records.relationships).length + restricted(records.sightings).length,
      failed: written.failed.length,
    };
  }

  /** Every sheet's planned writes: the shared map's by its merge rules, the restricted layer's only where none is held. */
  private async plan(records: MapRecords, unstated: UnstatedFields) {
    /** The sheet's own merge rule, after the fields it did not state are taken from what is held. */
    const rule =
      <T extends { version: number }>(
        kind: keyof MapRecords,
        merge: (previous: T | undefined, incoming: Draft<T>) => Draft<T>,
      ) =>
      (previous: T | undefined, incoming: Draft<T>) =>
        merge(previous, keepUnstated<Draft<T>>(previous, incoming, unstated[kind] ?? []));
    const [youngPeople, relationships, locations, carers, sightings, concerns, ...restrictedPlans] = await Promise.all([
      planUpserts(this.ctx, mapModels.youngPeople, records.youngPeople, rule('youngPeople', mergeUploaded)),
      planUpserts(
        this.ctx,
        mapModels.relationships,
        shared(records.relationships),
        rule('relationships', mergeUploaded),
      ),
      planUpserts(this.ctx, mapModels.locations, records.locations, rule('locations', mergeUploaded)),
      planUpserts(this.ctx, mapModels.carers, records.carers, rule('carers', mergeUploadedCarer)),
      planUpserts(this.ctx, mapModels.sightings, shared(records.sightings), rule('sightings', mergeUploaded)),
      planUpserts(this.ctx, mapModels.concerns, records.concerns, rule('concerns', mergeUploaded)),
      planUpserts(this.ctx, mapModels.restrictedRelationships, restricted(records.relationships), keepHeld),
      planUpserts(this.ctx, mapModels.restrictedSightings, restricted(records.sightings), keepHeld),
    ]);
    return {
      shared: { youngPeople, relationships, locations, carers, sightings, concerns },
      restricted: restrictedPlans,
    };
  }

  async knownRefs(partnershipId: PartnershipId) {
    const [youngPeople, locations] = await Promise.all([
      allRefs((cursor) => new EntityRepository(this.ctx, mapModels.youngPeople).list(partnershipId, page(cursor))),
      allRefs((cursor) => new EntityRepository(this.ctx, mapModels.locations).list(partnershipId, page(cursor))),
    ]);
    return { youngPeople, locations };
  }
}

const page = (cursor: string | undefined) => ({ limit: 500, ...(cursor ? { cursor } : {}) });

async function allRefs(list: (cursor: string | undefined) => Promise<Page<{ ref: string }>>): Promise<Set<string>> {
  const refs = new Set<string>();
  let cursor: string | undefined;
  do {
    const next = await list(cursor);
    for (const item of next.items) refs.add(item.ref);
    cursor = next.cursor;
  } while (cursor);
  return refs;
}
