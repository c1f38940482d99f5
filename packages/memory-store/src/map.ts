import {
  Carer,
  Concern,
  type ConcernKey,
  Location,
  type MapReader,
  type Page,
  type PageRequest,
  Relationship,
  type RelationshipKey,
  Sighting,
  type SightingKey,
  YoungPerson,
} from '@peermap/domain';
import type * as z from 'zod';
import { MemoryRepository, pageOf, sortedBy } from './repository';

/** A pair, whichever way round it is given: the table keeps it under the first of the ordered pair. */
const pairOf = ({ personA, personB }: RelationshipKey) => [personA, personB].sort().join('~');

export const youngPeople = () =>
  new MemoryRepository<YoungPerson, string>({
    label: 'young person',
    schema: YoungPerson,
    keyOf: (r) => r.ref,
    id: (ref) => ref,
    order: (r) => r.ref,
  });

export const locations = () =>
  new MemoryRepository<Location, string>({
    label: 'location',
    schema: Location,
    keyOf: (r) => r.ref,
    id: (ref) => ref,
    order: (r) => r.ref,
  });

/** Which layer a repository keeps: the shared map, or restricted police intelligence (never mixed). */
export type Layer = 'shared' | 'restricted';

/** A schema that also refuses a record of the other layer, as the table's models do. */
const ofLayer = <T extends z.ZodType<{ restricted: boolean }>>(schema: T, layer: Layer) =>
  schema.refine((record) => record.restricted === (layer === 'restricted'), {
    message: `not a record of the ${layer} layer`,
    path: ['restricted'],
  });

/** The relationships of one layer; each layer is its own repository, as in the table. */
export class MemoryRelationships extends MemoryRepository<Relationship, RelationshipKey> {
  constructor(layer: Layer = 'shared') {
    super({
      label: 'relationship',
      schema: ofLayer(Relationship, layer),
      keyOf: (r) => r,
      id: pairOf,
      order: (r) => `${r.personA}#${r.personB}`,
    });
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Relationship[]> {
    return this.where(partnershipId, (r) => r.personA === ref || r.personB === ref);
  }
}

/** The sightings of one layer. */
export class MemorySightings extends MemoryRepository<Sighting, SightingKey> {
  constructor(layer: Layer = 'shared') {
    super({
      label: 'sighting',
      schema: ofLayer(Sighting, layer),
      keyOf: (s) => s,
      id: (s) => [s.personRef, s.locationRef, s.seenOn, s.sourceAgency].join('#'),
      order: (s) => [s.seenOn, s.personRef, s.locationRef, s.sourceAgency].join('#'),
    });
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Sighting[]> {
    return this.where(partnershipId, (s) => s.personRef === ref);
  }

  async atLocation(partnershipId: string, locationRef: string, page?: PageRequest): Promise<Page<Sighting>> {
    const here = sortedBy(
      this.all(partnershipId).filter((s) => s.locationRef === locationRef),
      (s) => [s.seenOn, s.personRef, s.sourceAgency].join('#'),
    );
    return pageOf(partnershipId, here, page, `location:${locationRef}`);
  }
}

export class MemoryConcerns extends MemoryRepository<Concern, ConcernKey> {
  constructor() {
    super({
      label: 'concern',
      schema: Concern,
      keyOf: (c) => c,
      id: (c) => [c.personRef, c.category, c.occurredOn, c.sourceAgency].join('#'),
      order: (c) => [c.occurredOn, c.personRef, c.category, c.sourceAgency].join('#'),
    });
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Concern[]> {
    return this.where(partnershipId, (c) => c.personRef === ref);
  }
}

export class MemoryCarers extends MemoryRepository<Carer, string> {
  constructor() {
    super({ label: 'carer', schema: Carer, keyOf: (c) => c.ref, id: (ref) => ref, order: (c) => c.ref });
  }

  async ofYoungPerson(partnershipId: string, youngPersonRef: string): Promise<Carer[]> {
    return this.where(partnershipId, (c) => c.youngPersonRefs.includes(youngPersonRef));
  }

  async youngPeopleOf(partnershipId: string, carerRef: string): Promise<string[]> {
    return [...((await this.get(partnershipId, carerRef))?.youngPersonRefs ?? [])].sort();
  }
}

/** The whole map of a partnership, from the repositories, as the table's reader returns it. */
export function mapReaderOf(map: {
  youngPeople: MemoryRepository<YoungPerson, string>;
  relationships: MemoryRelationships;
  restrictedRelationships: MemoryRelationships;
  locations: MemoryRepository<Location, string>;
  sightings: MemorySightings;
  restrictedSightings: MemorySightings;
  concerns: MemoryConcerns;
}): MapReader {
  return {
    async wholeMap(partnershipId, options) {
      const list = <T>(repository: { where(p: string, matches: (record: T) => boolean): T[] }) =>
        repository.where(partnershipId, () => true);
      return {
        youngPeople: list(map.youngPeople),
        relationships: [...list(map.relationships), ...(options?.restricted ? list(map.restrictedRelationships) : [])],
        locations: list(map.locations),
        sightings: [...list(map.sightings), ...(options?.restricted ? list(map.restrictedSightings) : [])],
        concerns: list(map.concerns),
      };
    },
  };
}
