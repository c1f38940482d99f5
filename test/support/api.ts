import { Logger } from '@aws-lambda-powertools/logger';
import type { Role } from '@peermap/domain';
import { createLocalIdentity, loadDemo, type RunningServer, startLocalServer } from '@peermap/local';
import * as make from './records';
import { createTestTable } from './store';

/** The partnership of the demo data, and a second one whose refs differ (for isolation probes). */
export const DEMO = 'demo';
export const OTHER = 'other';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface Caller {
  request(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
}

/**
 * The local server over a fresh table holding the demo weeks and a second partnership, and
 * a way to call it as a demo user of any role in either partnership.
 */
export async function startTestApi() {
  const table = await createTestTable();
  await loadDemo(table.store);
  await table.store.youngPeople.save(make.youngPerson(OTHER, 'OT1'));
  await table.store.carers.save(make.carer(OTHER, 'OC1', ['OT1']));
  const identity = await createLocalIdentity();
  const server: RunningServer = await startLocalServer({
    deps: { store: table.store, now: () => new Date() },
    identity,
    logger: new Logger({ serviceName: 'peermap-test', logLevel: 'SILENT' }),
    port: 0,
  });

  const as = (role: Role, partnership: string = DEMO): Caller => {
    const token = identity.issue({ role, partnership });
    return {
      request: async (method, path, options = {}) => {
        const headers: Record<string, string> = { authorization: `Bearer ${await token}`, ...options.headers };
        let body: string | undefined = options.raw;
        if (options.body !== undefined) {
          body = JSON.stringify(options.body);
          headers['content-type'] ??= 'application/json';
        }
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
        });
        const text = await response.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        return { status: response.status, headers: response.headers, body: parsed, text };
      },
    };
  };

  return {
    table,
    server,
    as,
    close: async () => {
      await server.close();
      await table.drop();
    },
  };
}
