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
    // The modules of the domain the app runs, all pure: the age rule, the figures in plain words,
    // the UK day (a session is not in the past), the words a plan's paper and page share, and the
    // words of the feedback measures.
    expect(shared.map((source) => source.replace(/.*packages\//, '')).sort()).toEqual([
      'domain/src/age.ts',
      'domain/src/feedback-words.ts',
      'domain/src/paper-words.ts',
      'domain/src/plain-words.ts',
      'domain/src/uk-day.ts',
    ]);
  }, 60_000);
});
