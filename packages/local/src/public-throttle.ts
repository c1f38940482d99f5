/**
 * How often one address may call the routes open without signing in, locally: a fixed window
 * per address, in memory. In AWS the route's own throttle does this (infra's `PUBLIC_ROUTE_THROTTLE`);
 * here it keeps a loop guessing links from one machine as slow as a person.
 */
export interface PublicThrottle {
  /** Whether a request from this address may go on now. */
  allows(address: string, now: number): boolean;
}

export const PUBLIC_REQUESTS_PER_MINUTE = 30;
const WINDOW_MS = 60_000;
/** Past this many addresses, windows that have ended are forgotten, so memory stays bounded. */
const MOST_ADDRESSES = 10_000;

export function createPublicThrottle(perMinute = PUBLIC_REQUESTS_PER_MINUTE): PublicThrottle {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    allows(address, now) {
      const current = windows.get(address);
      if (!current || now - current.startedAt >= WINDOW_MS) {
        if (windows.size >= MOST_ADDRESSES) forgetEnded(windows, now);
        windows.set(address, { startedAt: now, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= perMinute;
    },
  };
}

function forgetEnded(windows: Map<string, { startedAt: number }>, now: number): void {
  for (const [address, window] of windows) if (now - window.startedAt >= WINDOW_MS) windows.delete(address);
}
