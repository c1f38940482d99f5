import * as z from 'zod';
import { PartnershipId } from './primitives';

/**
 * Background and long work (an upload being written, a large upload being processed, an
 * analysis run) holds a lease while it runs: an item taken with a conditional write and renewed
 * by a heartbeat. Work whose heartbeat stopped (its process died, its table went away) is
 * recognised by the lapsed lease and taken over, instead of blocking others until a long
 * time-out passes.
 */

/** What a lease is held for: the partnership's map (one upload writes it at a time), or one run or slot. */
export const LeaseName = z.union([z.literal('map-writer'), z.string().regex(/^(analysis|slot):[0-9a-f-]{36}$/)]);
export type LeaseName = z.infer<typeof LeaseName>;

/** The work holding a lease: its kind, its id, and the week it is for. */
export const LeaseHolder = z.strictObject({
  kind: z.enum(['upload', 'large-upload', 'analysis']),
  workId: z.string().min(1).max(64),
  week: z.string().max(10),
});
export type LeaseHolder = z.infer<typeof LeaseHolder>;

export const Lease = z.strictObject({
  partnershipId: PartnershipId,
  name: LeaseName,
  holder: LeaseHolder,
  /** Says which taking of the lease this is: a renewal or a release by an earlier holder is refused. */
  token: z.uuid(),
  takenAt: z.number().int(),
  renewedAt: z.number().int(),
  /** Past this (milliseconds since 1970) the holder has stopped: anyone may take the lease over. */
  lapsesAt: z.number().int(),
});
export type Lease = z.infer<typeof Lease>;

/** How often a holder renews its lease, and how long a lease lasts without renewal. */
export interface WorkTiming {
  heartbeatMs: number;
  lapsesAfterMs: number;
}

/**
 * A heartbeat every 15 s, a lease lapsing after 60 s without one: four beats may be missed (a
 * busy event loop, a slow table) before others take over, and dead work is taken over within a
 * minute of its last beat. Lambda retries a failed background event after one and two minutes,
 * so the retry finds the lease lapsed.
 */
export const WORK_TIMING: WorkTiming = { heartbeatMs: 15_000, lapsesAfterMs: 60_000 };

export type LeaseTaking =
  | {
      kind: 'taken';
      lease: Lease /** A lapsed lease this taking replaced: its work stopped part-way. */;
      lapsed?: Lease;
    }
  | { kind: 'held'; by: Lease };

/** Leases in storage: taken, renewed and released only with conditional writes. */
export interface LeaseStore {
  /** Takes the lease when nobody holds it or its holder's lease has lapsed at `now`. */
  take(
    partnershipId: PartnershipId,
    name: LeaseName,
    holder: LeaseHolder,
    now: Date,
    lapsesAfterMs: number,
  ): Promise<LeaseTaking>;
  /** Renews a lease still held with this token; `undefined` when it has been taken over (or released). */
  renew(lease: Lease, now: Date, lapsesAfterMs: number): Promise<Lease | undefined>;
  /** Gives the lease up, if still held with this token. */
  release(lease: Lease): Promise<void>;
  /** The lease as it stands, lapsed or not. */
  current(partnershipId: PartnershipId, name: LeaseName): Promise<Lease | undefined>;
}

/** Whether a lease is still held at `now`. */
export const isLive = (lease: Lease | undefined, now: Date): lease is Lease =>
  lease !== undefined && lease.lapsesAt > now.getTime();
