import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LARGE_UPLOAD_WINDOW_MS } from '@peermap/api';
import type { LargeUploadFiles } from '@peermap/domain';

/** The local stand-in for S3 presigned uploads: files in a folder, URLs signed with a key made at start. */
export interface LocalLargeUploads extends LargeUploadFiles {
  /**
   * Stores a file sent to a signed URL, given the URL's query and a way to read the file. The
   * file is read only once the signature is this server's, for this slot, and has not expired;
   * otherwise nothing is read and the answer is false.
   */
  accept(partnershipId: string, id: string, query: URLSearchParams, file: () => Promise<Uint8Array>): Promise<boolean>;
}

/** The largest workbook a large upload takes locally. */
export const MAX_LARGE_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Large uploads on one machine: `target` gives a signed URL on the local server that expires
 * when the slot stops waiting (as S3 gives a presigned one), `accept` stores what arrives
 * there, `read` hands it to processing. `now` is the clock the URLs expire by.
 */
export function createLocalLargeUploads(
  folder: string,
  baseUrl: () => string,
  now: () => Date = () => new Date(),
): LocalLargeUploads {
  const key = randomBytes(32);
  const sign = (partnershipId: string, id: string, expires: string) =>
    createHmac('sha256', key).update(`${partnershipId}/${id}/${expires}`).digest('base64url');
  const path = (partnershipId: string, id: string) => join(folder, partnershipId, `${id}.xlsx`);
  const isSigned = (partnershipId: string, id: string, query: URLSearchParams) => {
    const expires = query.get('expires') ?? '';
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < now().getTime()) return false;
    const expected = Buffer.from(sign(partnershipId, id, expires));
    const given = Buffer.from(query.get('signature') ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return {
    target: async ({ partnershipId, id }) => {
      const expires = String(Math.floor((now().getTime() + LARGE_UPLOAD_WINDOW_MS) / 1000));
      const query = new URLSearchParams({ expires, signature: sign(partnershipId, id, expires) });
      return {
        method: 'PUT',
        url: `${baseUrl()}/local/large-uploads/${partnershipId}/${id}?${query}`,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      };
    },
    read: async ({ partnershipId, id }, maxBytes) => {
      try {
        if ((await stat(path(partnershipId, id))).size > maxBytes) return 'too-large';
        return new Uint8Array(await readFile(path(partnershipId, id)));
      } catch {
        return undefined;
      }
    },
    accept: async (partnershipId, id, query, file) => {
      if (!isSigned(partnershipId, id, query)) return false;
      const bytes = await file();
      await mkdir(join(folder, partnershipId), { recursive: true });
      // Written aside and renamed into place, as S3 replaces an object whole: a file sent twice
      // (a client retrying) never lets the processing of the first read half of the second.
      const aside = `${path(partnershipId, id)}.${randomUUID()}.part`;
      await writeFile(aside, bytes);
      await rename(aside, path(partnershipId, id));
      return true;
    },
  };
}
