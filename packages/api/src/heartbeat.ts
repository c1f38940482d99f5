import {
  type Lease,
  type LeaseHolder,
  type LeaseName,
  type LeaseStore,
  WORK_TIMING,
  type WorkTiming,
} from '@peermap/domain';

export type HeartbeatStart =
  | {
      kind: 'taken';
      heartbeat: Heartbeat /** The holder before, whose lease had lapsed: its work stopped part-way. */;
      lapsed?: Lease;
    }
  | { kind: 'held'; by: Lease };

/**
 * Holds a lease while work runs: renews it every `heartbeatMs` and gives it up at the end.
 * When a renewal finds the lease taken over (the work was paused past its lease), or the
 * lease lapses because renewals could not reach the table, `signal` aborts: the work must stop
 * writing, since someone else may now be doing it.
 */
export class Heartbeat {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> | undefined;

  private constructor(
    private readonly leases: LeaseStore,
    private lease: Lease,
    private readonly timing: WorkTiming,
    private readonly now: () => Date,
  ) {
    this.timer = setInterval(() => {
      this.renewing ??= this.renew().finally(() => {
        this.renewing = undefined;
      });
    }, timing.heartbeatMs);
    // A heartbeat never keeps a process (a test, the local server at Ctrl+C) alive on its own.
    this.timer.unref();
  }

  /** Takes the lease and starts beating, or says who holds it. */
  static async start(
    leases: LeaseStore,
    partnershipId: string,
    name: LeaseName,
    holder: LeaseHolder,
    { timing = WORK_TIMING, now = () => new Date() }: { timing?: WorkTiming; now?: () => Date } = {},
  ): Promise<HeartbeatStart> {
    const taking = await leases.take(partnershipId, name, holder, now(), timing.lapsesAfterMs);
    if (taking.kind === 'held') return taking;
    return {
      kind: 'taken',
      heartbeat: new Heartbeat(leases, taking.lease, timing, now),
      ...(taking.lapsed ? { lapsed: taking.lapsed } : {}),
    };
  }

  /** Aborted once the lease is no longer this work's. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get lost(): boolean {
    return this.controller.signal.aborted;
  }

  /** Stops beating and gives the lease up; a table out of reach leaves it to lapse by itself. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.renewing;
    if (this.lost) return;
    await this.leases.release(this.lease).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    try {
      const renewed = await this.leases.renew(this.lease, this.now(), this.timing.lapsesAfterMs);
      if (renewed) this.lease = renewed;
      else this.controller.abort(new Error('The lease was taken over.'));
    } catch {
      // The table is out of reach: keep trying until the lease would have lapsed, then stop, as others may take over.
      if (this.now().getTime() >= this.lease.lapsesAt) this.controller.abort(new Error('The lease lapsed.'));
    }
  }
}
