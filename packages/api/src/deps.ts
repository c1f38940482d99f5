import type { MapStore } from '@peermap/domain';

/** What the routes need: the store behind its port, and a clock. */
export interface ApiDeps {
  store: MapStore;
  now: () => Date;
}
