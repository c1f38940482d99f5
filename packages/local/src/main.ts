import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, createDynamoStore, createTenantScopedClient } from '@peermap/store';
import { buildWebApp } from '@peermap/web';
import * as z from 'zod';
import { DEMO_PARTNERSHIP, loadDemo } from './demo';
import {
  DynamoDbLocalStartError,
  ensureTable,
  localClientConfig,
  type RunningDynamoDbLocal,
  startDynamoDbLocal,
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
  const config = localClientConfig(dynamo.endpoint);
  await ensureTable(new DynamoDBClient(config), settings.TABLE_NAME);
  // The same tenant scope as in AWS, over one client: work outside a partnership is refused here too.
  const { client, runAs } = createTenantScopedClient(() => createDocumentClient(config));
  const store = createDynamoStore({ client, tableName: settings.TABLE_NAME });
  // Data kept from a start before restricted intelligence had its own layer is moved into it first.
  await runAs(DEMO_PARTNERSHIP, () => store.restrictedLayer.moveLegacy(DEMO_PARTNERSHIP));
  const { uploads, analyses } = await runAs(DEMO_PARTNERSHIP, () => loadDemo(store));
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

  console.log(`peermap (local) is ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(
    `  DynamoDB Local: ${dynamo.endpoint}, table "${settings.TABLE_NAME}", data in ${settings.PEERMAP_DATA_DIR}`,
  );
  console.log(`  Partnership "${DEMO_PARTNERSHIP}" (invented data) holds these weeks:`);
  for (const upload of uploads) {
    const created = Object.values(upload.counts).reduce((sum, count) => sum + (count?.created ?? 0), 0);
    const updated = Object.values(upload.counts).reduce((sum, count) => sum + (count?.updated ?? 0), 0);
    console.log(`    ${upload.week}: ${created} records created, ${updated} updated (upload ${upload.id})`);
  }
  console.log('  Analyses (one per week, as the chair ran them):');
  for (const analysis of analyses) {
    console.log(`    ${analysis.week}: ${analysis.summary?.clusterCount ?? 0} clusters, analysis ${analysis.id}`);
  }
  console.log(`  Open ${server.url}/ in a browser and sign in as one of the four roles.`);
  console.log(`  The API: ${server.url}/v1 (document: ${server.url}/v1/openapi.json)`);
  console.log(
    `  Sign in as a demo user: curl '${server.url}/local/token?role=madp-chair&partnership=${DEMO_PARTNERSHIP}'`,
  );
  console.log('    roles: madp-chair, early-help-lead, police-analyst, partnership-admin');
  console.log('Press Ctrl+C to stop.');
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
