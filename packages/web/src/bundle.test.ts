import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWebApp } from './index';

describe('the web app bundle', () => {
  it('takes only types from the contract: no zod and no schema reaches the browser', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peermap-web-bundle-'));
    await buildWebApp(out);
    const { sources } = JSON.parse(readFileSync(join(out, 'app.js.map'), 'utf8')) as { sources: string[] };
    expect(sources.filter((source) => /node_modules\/(\.pnpm\/)?zod/.test(source))).toEqual([]);
    const shared = sources.filter((source) => /packages\/(contract|domain)\//.test(source));
    // The one module of the domain the app runs: the age rule, a pure function.
    expect(shared.map((source) => source.replace(/.*packages\//, ''))).toEqual(['domain/src/age.ts']);
  }, 60_000);
});
