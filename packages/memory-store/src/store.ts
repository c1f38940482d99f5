import type { MapStore } from '@peermap/domain';
import { MemoryAuditLog } from './audit';
import { MemoryErasures } from './erasures';
import {
  locations,
  MemoryCarers,
  MemoryConcerns,
  MemoryRelationships,
  MemorySightings,
  mapReaderOf,
  youngPeople,
} from './map';
import {
  feedbackLinks,
  MemoryActionPlans,
  MemoryInvitationLists,
  MemoryPartnerships,
  MemorySessionFeedback,
  parentGroups,
} from './planning';
import { MemoryReviews } from './reviews';
import { MemoryAnalyses, MemoryLeases, uploadSlots, uploads } from './work';

/**
 * The ports a use case reaches, in memory: every repository of `MapStore` but the map writer
 * (bulk writes of an upload), kept answers and the restricted layer's upkeep, which only the
 * table has. A use case whose narrow port this covers runs against it in milliseconds.
 */
export type MemoryStore = Omit<MapStore, 'mapWriter' | 'idempotency' | 'restrictedLayer'>;

/** A fresh, empty store in memory. */
export function createMemoryStore(): MemoryStore {
  const map = {
    youngPeople: youngPeople(),
    relationships: new MemoryRelationships(),
    restrictedRelationships: new MemoryRelationships('restricted'),
    locations: locations(),
    sightings: new MemorySightings(),
    restrictedSightings: new MemorySightings('restricted'),
    concerns: new MemoryConcerns(),
    carers: new MemoryCarers(),
  };
  const kept = {
    uploads: uploads(),
    analyses: new MemoryAnalyses(),
    actionPlans: new MemoryActionPlans(),
    invitationLists: new MemoryInvitationLists(),
    sessionFeedback: new MemorySessionFeedback(),
    parentGroups: parentGroups(),
    reviews: new MemoryReviews(map.youngPeople),
    audit: new MemoryAuditLog(),
  };
  return {
    ...map,
    ...kept,
    mapReader: mapReaderOf(map),
    partnerships: new MemoryPartnerships(),
    uploadSlots: uploadSlots(),
    feedbackLinks: feedbackLinks(),
    erasures: new MemoryErasures({ ...map, ...kept }),
    leases: new MemoryLeases(),
  };
}
