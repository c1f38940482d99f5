import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './peermap-function';

/** The most a function's bundle may weigh: cold starts load and parse all of it. */
const MAX_BUNDLE_BYTES = 1_000_000;

type Resource = { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };

/**
 * The real thing, once: `cdk synth` of the dev stage through the CLI, offline, bundling every
 * handler with the local esbuild. The other infrastructure tests skip bundling.
 */
describe('the real bundles', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'peermap-synth-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('are built by an offline cdk synth of both stages, and each stays under 1 MB', () => {
    execFileSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'cdk'),
      ['synth', '--quiet', '--no-notices', '--output', outdir],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_VALIDATION: 'false' },
        stdio: 'pipe',
        // About a minute here, three on a busy machine: the synchronous call blocks the
        // test's own timer, so this is the limit that counts.
        timeout: 480_000,
      },
    );
    // Both stages synthesize; their bundles are the same files, so sizes are read from dev's.
    expect(existsSync(join(outdir, 'peermap-prod.template.json'))).toBe(true);
    const template = JSON.parse(readFileSync(join(outdir, 'peermap-dev.template.json'), 'utf8'));
    const functions = Object.values(template.Resources as Record<string, Resource>).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties['Runtime'] === 'nodejs24.x',
    );
    const sizes = functions.map((fn) => {
      const asset = join(outdir, String(fn.Metadata?.['aws:asset:path']));
      return {
        function: String(fn.Properties['Description']),
        bytes: statSync(join(asset, 'index.mjs')).size,
        sourceMapBytes: statSync(join(asset, 'index.mjs.map')).size,
      };
    });
    const kb = (bytes: number) => `${(bytes / 1000).toFixed(0).padStart(5)} kB`;
    process.stdout.write(
      `\nBundles (minified ES module; source map beside it):\n${sizes
        .sort((a, b) => b.bytes - a.bytes)
        .map((size) => `  ${kb(size.bytes)}  map ${kb(size.sourceMapBytes)}  ${size.function}`)
        .join('\n')}\n`,
    );
    expect(sizes).toHaveLength(18);
    for (const size of sizes) expect(size.bytes, size.function).toBeLessThan(MAX_BUNDLE_BYTES);
  }, 540_000);
});
