import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LargeUploadFiles } from '@peermap/domain';

/** The local stand-in for S3 presigned uploads: files in a folder, URLs signed with a key made at start. */
export interface LocalLargeUploads extends LargeUploadFiles {
  /** Stores a file sent to a signed URL; false when the signature is not this server's. */
  accept(partnershipId: string, id: string, signature: string, bytes: Uint8Array): Promise<boolean>;
}

/** The largest workbook a large upload takes locally. */
export const MAX_LARGE_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Large uploads on one machine: `target` gives a signed URL on the local server (as S3 gives a
 * presigned one), `accept` stores what arrives there, `read` hands it to processing.
 */
export function createLocalLargeUploads(folder: string, baseUrl: () => string): LocalLargeUploads {
  const key = randomBytes(32);
  const sign = (partnershipId: string, id: string) =>
    createHmac('sha256', key).update(`${partnershipId}/${id}`).digest('base64url');
  const path = (partnershipId: string, id: string) => join(folder, partnershipId, `${id}.xlsx`);
  return {
    target: async ({ partnershipId, id }) => ({
      method: 'PUT',
      url: `${baseUrl()}/local/large-uploads/${partnershipId}/${id}?signature=${sign(partnershipId, id)}`,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
    read: async ({ partnershipId, id }) => {
      try {
        return new Uint8Array(await readFile(path(partnershipId, id)));
      } catch {
        return undefined;
      }
    },
    accept: async (partnershipId, id, signature, bytes) => {
      const expected = Buffer.from(sign(partnershipId, id));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      await mkdir(join(folder, partnershipId), { recursive: true });
      await writeFile(path(partnershipId, id), bytes);
      return true;
    },
  };
}
