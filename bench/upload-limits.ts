import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { ApiDeps } from '@peermap/api';
import { DEFAULT_UPLOAD_LIMITS } from '@peermap/ingest';
import { inflatingWorkbook } from '@peermap/ingest/testing';
import {
  createLocalIdentity,
  ensureTable,
  localClientConfig,
  startDynamoDbLocal,
  startLocalServer,
} from '@peermap/local';
import { createDocumentClient, createDynamoClient, createDynamoStore } from '@peermap/store';

/**
 * `pnpm bench` (after the upload benchmark): what the upload limits cost and save, each part
 * in a process of its own so its peak memory is its own.
 *  - bomb: a 3.7 MB workbook whose sheet inflates to 3.8 GB, sent by a chair as a dry run to
 *    the local server: the answer, the time to it and the process's peak RSS (VmHWM).
 *  - latency: `GET /v1/me`, asked every 100 ms from another process, while the local server
 *    checks a 3.9 MB CSV of 200,000 rows (a dry run; `synchronousRows` raised so the check
 *    runs), and the time to refuse the same sheet under the default limits.
 */
const PARTNERSHIP = 'bench';
const ROWS = 200_000;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (from: number) => (performance.now() - from) / 1000;
const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

async function localServer(endpoint: string, uploadLimits?: ApiDeps['uploadLimits']) {
  const store = createDynamoStore({ client: createDocumentClient(localClientConfig(endpoint)), tableName: 'bench' });
  const identity = await createLocalIdentity();
  const server = await startLocalServer({
    deps: { store, now: () => new Date(), ...(uploadLimits ? { uploadLimits } : {}) },
    identity,
    logger: new Logger({ serviceName: 'peermap-bench', logLevel: 'SILENT' }),
    port: 0,
    largeUploadsFolder: await mkdtemp(join(tmpdir(), 'peermap-bench-')),
  });
  const token = await identity.issue({ role: 'madp-chair', partnership: PARTNERSHIP });
  const dryRun = async (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append(name, new Blob([bytes]), name);
    const started = performance.now();
    const response = await fetch(`${server.url}/v1/uploads?week=2026-W48&dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = (await response.json()) as { limit?: string; problemCount?: number };
    const answer = `${response.status} ${body.limit ?? `(${problems(body.problemCount ?? 0)})`}`;
    return { status: response.status, seconds: seconds(started), limit: body.limit ?? '', answer, body };
  };
  return { server, token, dryRun };
}

async function bomb(endpoint: string, declaredSheetBytes?: number) {
  const { server, dryRun } = await localServer(endpoint);
  const workbook = inflatingWorkbook({
    rows: 3,
    paddingBytes: 3_800_000_000,
    ...(declaredSheetBytes ? { declaredSheetBytes } : {}),
  });
  const rssBefore = process.memoryUsage().rss;
  const answer = await dryRun('workbook', workbook);
  await server.close();
  return { packedMb: workbook.length / 1e6, ...answer, rssBeforeMb: mb(rssBefore), peakRssMb: mb(peakRss()) };
}

/** Asks `GET /v1/me` every 100 ms until its standard input closes, then prints the latencies. */
const PROBE = `
const [url, token] = process.argv.slice(1);
const latencies = [];
let running = true;
process.stdin.on('end', () => { running = false; });
process.stdin.resume();
(async () => {
  while (running) {
    const started = performance.now();
    await fetch(url, { headers: { authorization: 'Bearer ' + token } }).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.stdout.write(JSON.stringify(latencies));
})();
`;

async function latency(endpoint: string) {
  const rows = Array.from({ length: ROWS }, (_, index) => `R${index.toString(36)},Al,2012-03-04`);
  const csv = new TextEncoder().encode(`ref,display_name,date_of_birth\n${rows.join('\n')}\n`);
  // The defaults, but with the row limits raised so that the 200,000 rows are checked.
  const raised = await localServer(endpoint, {
    ...DEFAULT_UPLOAD_LIMITS,
    sheetRows: ROWS,
    uploadRows: ROWS,
    synchronousRows: ROWS,
  });
  const probe = spawn(process.execPath, ['-e', PROBE, `${raised.server.url}/v1/me`, raised.token], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let printed = '';
  probe.stdout.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const probed = new Promise((resolve) => probe.once('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const check = await raised.dryRun('young_people.csv', csv);
  probe.stdin.end();
  await probed;
  await raised.server.close();
  const latencies = (JSON.parse(printed) as number[]).sort((a, b) => a - b);
  const at = (share: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0);
  const defaults = await localServer(endpoint);
  const refusal = await defaults.dryRun('young_people.csv', csv);
  await defaults.server.close();
  return {
    csvMb: csv.length / 1e6,
    check: { status: check.status, seconds: check.seconds, problemCount: check.body.problemCount },
    me: { asked: latencies.length, p50: at(0.5), p95: at(0.95), max: Math.round(latencies.at(-1) ?? 0) },
    refusal: { answer: refusal.answer, seconds: refusal.seconds },
  };
}

async function child(part: string, endpoint: string) {
  const result =
    part === 'bomb'
      ? await bomb(endpoint)
      : part === 'liar'
        ? await bomb(endpoint, 250_000_000)
        : await latency(endpoint);
  process.stdout.write(JSON.stringify(result));
}

function run(part: string, endpoint: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, part, endpoint], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    process_.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    process_.once('exit', (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`${part} ended with ${code ?? signal}: ${err.slice(-600)}`)),
    );
  });
}

async function main() {
  const dynamo = await startDynamoDbLocal();
  try {
    await ensureTable(createDynamoClient(localClientConfig(dynamo.endpoint)), 'bench');
    const date = new Date().toISOString().slice(0, 10);
    const bombResult = JSON.parse(await run('bomb', dynamo.endpoint)) as Awaited<ReturnType<typeof bomb>>;
    const liarResult = JSON.parse(await run('liar', dynamo.endpoint)) as Awaited<ReturnType<typeof bomb>>;
    const latencyResult = JSON.parse(await run('latency', dynamo.endpoint)) as Awaited<ReturnType<typeof latency>>;
    const { check, me, refusal } = latencyResult;
    const lines = [
      `Upload limits (${date}, \`pnpm bench\`, bench/upload-limits.ts)`,
      '',
      '| what | answer | seconds | peak RSS MB |',
      '| --- | --- | ---: | ---: |',
      `| dry run of a ${bombResult.packedMb.toFixed(1)} MB workbook that inflates to 3.8 GB | ${bombResult.answer} | ${bombResult.seconds.toFixed(2)} | ${bombResult.peakRssMb} (${bombResult.rssBeforeMb} before) |`,
      `| the same, its directory saying the sheet unpacks to 250 MB | ${liarResult.answer} | ${liarResult.seconds.toFixed(2)} | ${liarResult.peakRssMb} (${liarResult.rssBeforeMb} before) |`,
      `| dry run of ${ROWS.toLocaleString('en-GB')} CSV rows (${latencyResult.csvMb.toFixed(1)} MB), checked whole | ${check.status} (${problems(check.problemCount ?? 0)}) | ${check.seconds.toFixed(1)} | |`,
      `| the same under the default limits | ${refusal.answer} | ${refusal.seconds.toFixed(2)} | |`,
      '',
      '| `GET /v1/me` while the 200,000 rows are checked | asked | p50 ms | p95 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| every 100 ms from another process | ${me.asked} | ${me.p50} | ${me.p95} | ${me.max} |`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  } finally {
    await dynamo.stop();
  }
}

const [part, endpoint] = process.argv.slice(2);
(part && endpoint ? child(part, endpoint) : main()).catch((error: unknown) => {
  process.stderr.write(`the benchmark failed: ${String(error)}\n`);
  process.exit(1);
});

function problems(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}
