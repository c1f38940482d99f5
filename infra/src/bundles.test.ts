import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BUNDLE_FILE, buildBundles, functionEntries, SOURCE_MAP_FILE } from './build-bundles';
import { REPO_ROOT } from './peermap-function';

/**
 * Not a target, a guard against a mistake (a whole SDK or a data file pulled in): the largest
 * bundle is about 1.5 MB, and `docs/benchmarks.md` has what each weighs and costs at cold start.
 */
const MAX_BUNDLE_BYTES = 5_000_000;

const Template = z.object({
  Resources: z.record(
    z.string(),
    z.object({
      Type: z.string(),
      Properties: z.record(z.string(), z.unknown()).default({}),
      Metadata: z.record(z.string(), z.unknown()).default({}),
    }),
  ),
});
const SourceMap = z.object({ mappings: z.string() });

/** `YoungPeople` (the function's construct id in the stack) → `young-people` (its entry). */
const entryOf = (constructId: string) => constructId.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase();

/**
 * The real thing, once: `cdk synth` through the CLI, offline, of both stages, bundling the dev
 * stage's handlers with the local esbuild (prod's bundles are the same files, so bundling them
 * too would only double the time). It proves the CLI synthesizes both stages and can bundle here,
 * and that what CDK ships is byte for byte what `buildBundles` builds, so the test that runs
 * those from an empty folder (`test/integration/bundles`) runs what ships.
 */
describe('cdk synth, and the bundles it ships', () => {
  const synthesized = mkdtempSync(join(tmpdir(), 'peermap-synth-'));
  const built = mkdtempSync(join(tmpdir(), 'peermap-bundles-'));
  afterAll(() => {
    for (const folder of [synthesized, built]) rmSync(folder, { recursive: true, force: true });
  });

  it('synthesizes both stages, and ships the bundles buildBundles builds, byte for byte, one per function', async () => {
    const [, bundles] = await Promise.all([
      promisify(execFile)(
        join(REPO_ROOT, 'node_modules', '.bin', 'cdk'),
        ['synth', '--quiet', '--no-notices', '--exclusively', 'peermap-dev', '--output', synthesized],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_VALIDATION: 'false' },
          // The CLI call's own limit is the one that counts on a busy machine: bundling can take minutes.
          timeout: 480_000,
        },
      ),
      buildBundles(built),
    ]);
    const template = Template.parse(JSON.parse(readFileSync(join(synthesized, 'peermap-dev.template.json'), 'utf8')));
    const shipped = Object.values(template.Resources)
      .filter(
        (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties['Runtime'] === 'nodejs24.x',
      )
      .map((fn) => ({
        entry: entryOf(String(fn.Metadata['aws:cdk:path']).split('/')[1] ?? ''),
        asset: join(synthesized, String(fn.Metadata['aws:asset:path'])),
      }))
      .sort((a, b) => a.entry.localeCompare(b.entry));

    expect(existsSync(join(synthesized, 'peermap-prod.template.json'))).toBe(true);
    expect(shipped.map(({ entry }) => entry)).toEqual(functionEntries());
    for (const { entry, asset } of shipped) {
      const bundle = bundles.find((candidate) => candidate.entry === entry);
      const ours = readFileSync(join(bundle?.folder ?? '', BUNDLE_FILE));
      expect(readFileSync(join(asset, BUNDLE_FILE)).equals(ours), `${entry}: CDK's bundle differs from ours`).toBe(
        true,
      );
      // The map names sources relative to where it was written, so its mappings are compared.
      const mappings = (folder: string) =>
        SourceMap.parse(JSON.parse(readFileSync(join(folder, SOURCE_MAP_FILE), 'utf8'))).mappings;
      expect(mappings(asset), `${entry}: CDK's source map differs from ours`).toBe(mappings(bundle?.folder ?? ''));
      expect(ours.byteLength, entry).toBeLessThan(MAX_BUNDLE_BYTES);
    }
  }, 540_000);
});
