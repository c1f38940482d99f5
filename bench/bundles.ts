import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_FILE, type BuiltBundle, buildBundles, copyAlone } from '@peermap/infra/build-bundles';

/**
 * `pnpm bench` (after the upload limits): what each Lambda bundle weighs and what loading it
 * costs a cold start. The bundles are built by `buildBundles` (the bytes CDK ships); each is
 * copied alone into an empty folder and imported there by a fresh `node`, which prints how
 * long the `import` took (wall-clock and CPU time) and its RSS after it. One unmeasured run
 * first (the file comes into the page cache), then the median of `RUNS`, with source maps on
 * (as the stack sets `NODE_OPTIONS`) and off. Where the bytes come from is read from esbuild's
 * metafile.
 */
const RUNS = 7;

/** Only what the handlers read at cold start; the import makes clients but calls nothing. */
const COLD_START_ENVIRONMENT = {
  TABLE_NAME: 'peermap-bench',
  TABLE_ARN: 'arn:aws:dynamodb:eu-west-2:111122223333:table/peermap-bench',
  TABLE_KEY_ARN: 'arn:aws:kms:eu-west-2:111122223333:key/00000000-0000-4000-8000-000000000000',
  DATA_ROLE_ARN: 'arn:aws:iam::111122223333:role/peermap-bench-data',
  UPLOAD_BUCKET: 'peermap-bench-large-uploads',
  ANALYSIS_FUNCTION_NAME: 'peermap-bench-run-analysis',
  AWS_REGION: 'eu-west-2',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const IMPORT = `
const started = performance.now();
const cpuBefore = process.cpuUsage();
await import('./${BUNDLE_FILE}');
const ms = performance.now() - started;
const { user, system } = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ ms, cpuMs: (user + system) / 1000, rss: process.memoryUsage().rss }));
`;

interface Measured {
  /** Wall-clock time of the import. */
  readonly ms: number;
  /** CPU time the process spent in it (all its threads): steadier than wall-clock time on shared cores. */
  readonly cpuMs: number;
  readonly rssBytes: number;
}

function importOnce(folder: string, sourceMaps: boolean): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', IMPORT], {
      cwd: folder,
      env: { ...COLD_START_ENVIRONMENT, HOME: folder, ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const measured: unknown = code === 0 ? JSON.parse(output) : undefined;
      if (
        typeof measured === 'object' &&
        measured !== null &&
        'ms' in measured &&
        typeof measured.ms === 'number' &&
        'cpuMs' in measured &&
        typeof measured.cpuMs === 'number' &&
        'rss' in measured &&
        typeof measured.rss === 'number'
      ) {
        resolve({ ms: measured.ms, cpuMs: measured.cpuMs, rssBytes: measured.rss });
      } else {
        reject(new Error(`bench/bundles: the import in ${folder} ended with ${code}: ${errors}`));
      }
    });
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function measure(folder: string, sourceMaps: boolean): Promise<Measured> {
  await importOnce(folder, sourceMaps);
  const runs: Measured[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await importOnce(folder, sourceMaps));
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssBytes: median(runs.map((r) => r.rssBytes)),
  };
}

/** A bundled module's package (`@smithy/core`, `exceljs`), or its workspace folder (`packages/store`). */
function partOf(input: string): string {
  const afterModules = input.split('node_modules/').at(-1) ?? input;
  if (afterModules !== input) {
    const [scopeOrName = '', name = ''] = afterModules.split('/');
    return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
  }
  return input.split('/').slice(0, 2).join('/');
}

const isAwsSdk = (part: string) => /^@(aws-sdk|smithy|aws-crypto)\//.test(part);

function composition(bundle: BuiltBundle) {
  const byPart = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(bundle.contents.inputs)) {
    const part = partOf(input);
    byPart.set(part, (byPart.get(part) ?? 0) + bytesInOutput);
  }
  const sdkBytes = [...byPart].filter(([part]) => isAwsSdk(part)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const largestOthers = [...byPart]
    .filter(([part, bytes]) => !isAwsSdk(part) && bytes >= 1000)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return { sdkBytes, largestOthers };
}

const kb = (bytes: number) => Math.round(bytes / 1000).toLocaleString('en-GB');
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024).toString();

async function main() {
  const outdir = await mkdtemp(join(tmpdir(), 'peermap-bench-bundles-'));
  const loadAtStart = loadavg()[0] ?? 0;
  const started = performance.now();
  const bundles = await buildBundles(outdir);
  const buildSeconds = (performance.now() - started) / 1000;
  const rows: string[][] = [];
  for (const bundle of [...bundles].sort((a, b) => b.bytes - a.bytes)) {
    const folder = copyAlone(bundle);
    const withMaps = await measure(folder, true);
    const withoutMaps = await measure(folder, false);
    await rm(folder, { recursive: true, force: true });
    const { sdkBytes, largestOthers } = composition(bundle);
    rows.push([
      bundle.entry,
      kb(bundle.bytes),
      kb(sdkBytes),
      kb(bundle.sourceMapBytes),
      withMaps.ms.toFixed(0),
      withMaps.cpuMs.toFixed(0),
      withoutMaps.ms.toFixed(0),
      withoutMaps.cpuMs.toFixed(0),
      mb(withMaps.rssBytes),
      largestOthers.map(([part, bytes]) => `${part} ${kb(bytes)}`).join(', '),
    ]);
    process.stderr.write('.');
  }
  await rm(outdir, { recursive: true, force: true });

  const header = [
    'function',
    'bundle kB',
    'of it AWS SDK kB',
    'source map kB',
    'import ms, source maps on (as shipped)',
    'CPU ms',
    'import ms, source maps off',
    'CPU ms',
    'RSS after import MB',
    'largest other parts, kB',
  ];
  const numeric = [false, true, true, true, true, true, true, true, true, false];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  process.stdout.write(
    `\nLambda bundles: built in ${buildSeconds.toFixed(1)} s; import in a fresh node ${process.version} from an empty folder, median of ${RUNS}; load average ${loadAtStart.toFixed(1)} at the start\n\n${[line(header), rule, ...rows.map(line)].join('\n')}\n`,
  );
}

await main();
