import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalLargeUploads } from './large-uploads';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A signed query for the slot, as the URL `target` hands out carries it. */
async function signedQuery(uploads: ReturnType<typeof createLocalLargeUploads>, id: string) {
  const { url } = await uploads.target({ partnershipId: 'p', id });
  return new URL(url).searchParams;
}

describe('large uploads on one machine', () => {
  it('replaces a file sent again whole, as S3 does: a read never sees half of the second sending', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'peermap-large-'));
    folders.push(folder);
    const uploads = createLocalLargeUploads(folder, () => 'http://127.0.0.1:1');
    const query = await signedQuery(uploads, 'UP1');
    const first = new Uint8Array(16 * 1024 * 1024).fill(1);
    const second = new Uint8Array(16 * 1024 * 1024).fill(2);
    expect(await uploads.accept('p', 'UP1', query, async () => first)).toBe(true);

    const sentAgain = uploads.accept('p', 'UP1', query, async () => second);
    const seen: number[] = [];
    let finished = false;
    void sentAgain.then(() => {
      finished = true;
    });
    while (!finished) {
      const read = await uploads.read({ partnershipId: 'p', id: 'UP1' }, Number.POSITIVE_INFINITY);
      if (read instanceof Uint8Array) seen.push(read.length);
      else seen.push(-1);
    }
    await sentAgain;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((length) => length === first.length)).toBe(true);
    const last = await uploads.read({ partnershipId: 'p', id: 'UP1' }, Number.POSITIVE_INFINITY);
    expect(last instanceof Uint8Array && last[0]).toBe(2);
  });
});
