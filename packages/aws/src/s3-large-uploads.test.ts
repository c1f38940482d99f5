import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createS3LargeUploads, largeUploadKey, largeUploadsClient, readWithin, slotOfKey } from './s3-large-uploads';

const slot = { partnershipId: 'kent', id: '3f2a1b7c-5d6e-4f80-9a1b-2c3d4e5f6a7b' };

describe('large uploads in S3', () => {
  it('give the client a presigned PUT under the partnership, valid for 15 minutes', async () => {
    const client = largeUploadsClient({
      region: 'eu-west-2',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const { method, url } = await createS3LargeUploads(client, 'peermap-uploads').target(slot);
    const parsed = new URL(url);
    expect(method).toBe('PUT');
    expect(parsed.pathname).toContain(`/uploads/kent/${slot.id}.xlsx`);
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(parsed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    // A checksum signed before the file exists would make S3 refuse the file itself.
    expect([...parsed.searchParams.keys()].filter((key) => /checksum/i.test(key))).toEqual([]);
  });

  it('find the slot of an object key, and nothing in any other key', () => {
    expect(slotOfKey(largeUploadKey(slot))).toEqual(slot);
    expect(slotOfKey('uploads/kent/../other/x.xlsx')).toBeUndefined();
    expect(slotOfKey('elsewhere/kent/3f2a1b7c-5d6e-4f80-9a1b-2c3d4e5f6a7b.xlsx')).toBeUndefined();
  });

  it('refuse a stored file past the limit from its length, unread, and count one that states none', async () => {
    const chunks = () => Readable.from([new Uint8Array(600), new Uint8Array(600)]);
    const stated = chunks();
    expect(await readWithin(stated, 5_000_000_000, 1_000)).toBe('too-large');
    expect(stated.destroyed).toBe(true);
    const unstated = chunks();
    expect(await readWithin(unstated, undefined, 1_000)).toBe('too-large');
    expect(unstated.destroyed).toBe(true);
    expect(await readWithin(chunks(), 1_200, 1_200)).toHaveLength(1_200);
  });
});
