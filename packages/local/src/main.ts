import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { everyItem, settleStoppedWork } from '@peermap/api';
import { createDocumentClient, createDynamoStore, createTenantScopedClient } from '@peermap/store';
import { buildWebApp } from '@peermap/web';
import * as z from 'zod';
import { startBanner } from './banner';
import { DEMO_LOADER, DEMO_PARTNERSHIP, DEMO_WEEKS, loadDemo } from './demo';
import { loadDemoSessions } from './demo-sessions';
import {
  DynamoDbLocalStartError,
  type RunningDynamoDbLocal,
  startDynamoDbLocal,
  withPeermapTable,
} from './dynamodb-local';
import { createLocalIdentity } from './identity';
import { type RunningServer, startLocalServer } from './server';

/**
 * `npm start`: DynamoDB Local on disk, the peermap table, and the demo partnership's four
 * weeks loaded; runs until Ctrl+C. Settings come from the environment.
 */
const LocalSettings = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('WARN'),
  PEERMAP_DATA_DIR: z.string().default('.data/dynamodb'),
  DYNAMODB_PORT: z.coerce.number().int().min(1).max(65_535).default(8000),
  TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/)
    .default('peermap'),
});

/** What this start has under way, for a stop to end: DynamoDB Local as soon as it is asked for. */
const local: { dynamo?: Promise<RunningDynamoDbLocal>; server?: RunningServer } = {};
let stopping = false;

/**
 * Ctrl+C or a TERM: closes the server, stops DynamoDB Local and waits until it has ended, then
 * exits 0. A second signal while stopping changes nothing: the stop is bounded (DynamoDB Local
 * is killed 5 s after it is asked to end), and leaving half-way would only hand it to the watcher.
 */
function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping peermap (local)...');
  (async () => {
    await local.server?.close();
    const dynamo = await local.dynamo?.catch(() => undefined);
    await dynamo?.stop();
    console.log('Stopped.');
    process.exit(0);
  })().catch((error: unknown) => {
    console.error('peermap did not stop cleanly:', error);
    process.exit(1);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function main() {
  const settings = LocalSettings.parse(process.env);
  const started = Date.now();
  local.dynamo = startDynamoDbLocal({ dataDirectory: settings.PEERMAP_DATA_DIR, port: settings.DYNAMODB_PORT });
  const dynamo = await local.dynamo;
  const config = await withPeermapTable(dynamo, settings.TABLE_NAME);
  // The same tenant scope as in AWS, over one client: work outside a partnership is refused here too.
  const { client, runAs } = createTenantScopedClient(() => createDocumentClient(config));
  const store = createDynamoStore({ client, tableName: settings.TABLE_NAME });
  // Data kept from a start before restricted intelligence had its own layer is moved into it first.
  await runAs(DEMO_PARTNERSHIP, () => store.restrictedLayer.moveLegacy(DEMO_PARTNERSHIP));
  // And invitation lists kept from before sessions were listed by their day (or written since by an
  // older copy) are listed by it, as the nightly sweep does in AWS: a list it cannot read is named, not fatal.
  const listed = await runAs(DEMO_PARTNERSHIP, () => store.invitationLists.listSessionsByDay(DEMO_PARTNERSHIP));
  if (listed.unreadable.length > 0) {
    console.warn(
      `Invitation lists left unlisted by day (their stored form could not be read): ${listed.unreadable.join(', ')}`,
    );
  }
  // Work an earlier start left part-way (stopped mid-upload) ends as failed, saying why, once its lease lapsed.
  await runAs(DEMO_PARTNERSHIP, () => settleStoppedWork(store, DEMO_PARTNERSHIP, new Date()));
  const demo = await runAs(DEMO_PARTNERSHIP, () => loadDemo(store));
  await runAs(DEMO_PARTNERSHIP, () => loadDemoSessions(store));
  const webRoot = join(settings.PEERMAP_DATA_DIR, '..', 'web');
  await buildWebApp(webRoot);
  const server = await startLocalServer({
    deps: { store, now: () => new Date() },
    identity: await createLocalIdentity(),
    logger: new Logger({ serviceName: 'peermap-local', logLevel: settings.LOG_LEVEL }),
    port: settings.PORT,
    runAs,
    web: { root: webRoot, partnerships: [DEMO_PARTNERSHIP] },
    largeUploadsFolder: join(settings.PEERMAP_DATA_DIR, '..', 'large-uploads'),
  });
  local.server = server;

  // Every week and analysis the partnership holds, not only the demo's: a chair may have sent more.
  const [held, runs] = await runAs(DEMO_PARTNERSHIP, () =>
    Promise.all([
      everyItem((page) => store.uploads.list(DEMO_PARTNERSHIP, page)),
      everyItem((page) => store.analyses.list(DEMO_PARTNERSHIP, page)),
    ]),
  );
  console.log(
    startBanner({
      readyInMs: Date.now() - started,
      dynamo: { endpoint: dynamo.endpoint, tableName: settings.TABLE_NAME, dataDirectory: settings.PEERMAP_DATA_DIR },
      partnershipId: DEMO_PARTNERSHIP,
      serverUrl: server.url,
      demo: {
        weeks: DEMO_WEEKS.map(({ week }) => week),
        loader: DEMO_LOADER,
        loadedUploadIds: demo.loadedUploadIds,
        ranAnalysisIds: demo.ranAnalysisIds,
      },
      uploads: held,
      analyses: runs,
    }),
  );
}

main().catch((error: unknown) => {
  // Work cut short by a stop under way is not a failure to start.
  if (stopping) return;
  if (error instanceof DynamoDbLocalStartError) {
    console.error(error.message);
  } else {
    console.error('peermap could not start:', error);
  }
  process.exit(1);
});
