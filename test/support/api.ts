import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { contractMismatch, type ReceivedAnswer } from '@peermap/contract';
import type { Role } from '@peermap/domain';
import { createLocalIdentity, type LocalServerOptions, type RunningServer, startLocalServer } from '@peermap/local';
import { createDynamoStore, createTenantScopedClient } from '@peermap/store';
import { buildWebApp } from '@peermap/web';
import { withDemoWeeks } from './demo-template';
import * as make from './records';
import { createTestTable } from './store';

/** The partnership of the demo data, and a second one whose refs differ (for isolation probes). */
export const DEMO = 'demo';
export const OTHER = 'other';
/** A partnership with nothing in it yet, for a chair's first uploads through the web app. */
export const FRESH = 'fresh';

let webRoot: Promise<string> | undefined;

/** The web app, built once per test process. */
function builtWebApp(): Promise<string> {
  webRoot ??= (async () => {
    const root = mkdtempSync(join(tmpdir(), 'peermap-web-'));
    await buildWebApp(root);
    return root;
  })();
  return webRoot;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
  /** The bytes of a binary file (a workbook, a Word document). */
  bytes?: Uint8Array;
}

export interface RequestOptions {
  body?: unknown;
  raw?: string;
  form?: FormData;
  headers?: Record<string, string>;
}

export interface Caller {
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
}

/** The body and headers of a request: JSON, raw text or a multipart form. */
function prepare(
  token: string,
  options: RequestOptions,
): { body?: string | FormData; headers: Record<string, string> } {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...options.headers };
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    return { body: JSON.stringify(options.body), headers };
  }
  const body = options.raw ?? options.form;
  return body === undefined ? { headers } : { body, headers };
}

/** A response's body: parsed JSON, text, or a binary file's bytes and size. */
async function bodyOf(response: Response): Promise<{ text: string; parsed: unknown; bytes?: Uint8Array }> {
  if (/spreadsheetml|wordprocessingml/.test(response.headers.get('content-type') ?? '')) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = `(${bytes.byteLength} bytes of a binary file)`;
    return { text, parsed: text, bytes };
  }
  const text = await response.text();
  try {
    return { text, parsed: text ? JSON.parse(text) : undefined };
  } catch {
    return { text, parsed: text };
  }
}

/**
 * Every answer the integration suite receives is checked against the contract of its route:
 * an answer that does not fit fails the test that asked, whatever that test asserts.
 */
function mustFitContract(answer: ReceivedAnswer): void {
  const mismatch = contractMismatch(answer);
  if (mismatch) throw new Error(`The answer does not fit the API's contract: ${mismatch}`);
}

/**
 * The local server over a fresh table holding the demo weeks and a second partnership, and
 * a way to call it as a demo user of any role in either partnership.
 */
export async function startTestApi(
  options: { web?: boolean; signIn?: NonNullable<LocalServerOptions['web']>['signIn'] } = {},
) {
  const table = await createTestTable();
  await withDemoWeeks(table);
  await table.store.youngPeople.save(make.youngPerson(OTHER, 'OT1'));
  await table.store.carers.save(make.carer(OTHER, 'OC1', ['OT1']));
  const identity = await createLocalIdentity();
  // The server works through the tenant scope, as the functions do in AWS: a request or a
  // background run that touched the table outside its partnership would fail the test.
  const scoped = createTenantScopedClient(() => table.ctx.client);
  const server: RunningServer = await startLocalServer({
    deps: {
      store: createDynamoStore({ client: scoped.client, tableName: table.ctx.tableName }),
      now: () => new Date(),
    },
    runAs: scoped.runAs,
    ...(options.web
      ? {
          web: {
            root: await builtWebApp(),
            partnerships: [DEMO, OTHER, FRESH],
            largeUploadBytes: 1,
            ...(options.signIn ? { signIn: options.signIn } : {}),
          },
        }
      : {}),
    identity,
    logger: new Logger({ serviceName: 'peermap-test', logLevel: 'SILENT' }),
    port: 0,
    largeUploadsFolder: mkdtempSync(join(tmpdir(), 'peermap-large-')),
  });

  const as = (role: Role, partnership: string = DEMO): Caller => {
    const token = identity.issue({ role, partnership });
    return {
      request: async (method, path, options = {}) => {
        const prepared = prepare(await token, options);
        const response = await fetch(`${server.url}${path}`, { method, ...prepared });
        const { text, parsed, bytes } = await bodyOf(response);
        mustFitContract({
          method,
          path,
          status: response.status,
          contentType: response.headers.get('content-type'),
          body: parsed,
        });
        return { status: response.status, headers: response.headers, body: parsed, text, ...(bytes ? { bytes } : {}) };
      },
    };
  };

  return {
    table,
    server,
    identity,
    as,
    close: async () => {
      await server.close();
      await table.drop();
    },
  };
}
