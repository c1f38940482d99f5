import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { LargeUploadFiles } from '@peermap/domain';

/** A presigned PUT lasts as long as a slot waits for its file. */
const PRESIGNED_SECONDS = 15 * 60;

/** Where a slot's workbook lives: under its partnership, so a bucket policy can scope by prefix. */
export const largeUploadKey = (slot: { partnershipId: string; id: string }) =>
  `uploads/${slot.partnershipId}/${slot.id}.xlsx`;

/**
 * The S3 client for large uploads. A presigned PUT is signed before there is a body, so the
 * SDK's default checksum (of nothing) must not be signed into it, or S3 refuses the real file.
 */
export function largeUploadsClient(config: S3ClientConfig = {}): S3Client {
  return new S3Client({ ...config, requestChecksumCalculation: 'WHEN_REQUIRED' });
}

/** Large uploads in AWS: a presigned S3 PUT for the client, and the object once it is there. */
export function createS3LargeUploads(client: S3Client, bucket: string): LargeUploadFiles {
  return {
    target: async (slot) => {
      const contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const url = await getSignedUrl(
        client,
        new PutObjectCommand({ Bucket: bucket, Key: largeUploadKey(slot), ContentType: contentType }),
        { expiresIn: PRESIGNED_SECONDS },
      );
      return { method: 'PUT', url, headers: { 'content-type': contentType } };
    },
    read: async (slot, maxBytes) => {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: largeUploadKey(slot) }));
        const body = object.Body;
        if (!body) return undefined;
        // In Node the body is a stream: read it in chunks, never whole before it is counted.
        if (!(body instanceof Readable)) throw new Error('Large uploads are read from a Node.js stream.');
        return await readWithin(body, object.ContentLength, maxBytes);
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
  };
}

/** The slot a stored object belongs to, from its key; anything else is not a large upload. */
export function slotOfKey(key: string): { partnershipId: string; id: string } | undefined {
  const match = /^uploads\/([a-z0-9-]{1,40})\/([0-9a-f-]{36})\.xlsx$/.exec(
    decodeURIComponent(key.replaceAll('+', ' ')),
  );
  return match?.[1] && match[2] ? { partnershipId: match[1], id: match[2] } : undefined;
}

/**
 * A stored file's bytes, or `'too-large'` past `maxBytes`: refused from its stated length
 * before a byte is read, and counted as it is read in case no length was stated. A body that
 * is not read to its end is destroyed, so its connection is not left hanging.
 */
export async function readWithin(
  body: AsyncIterable<Uint8Array> & { destroy?: () => void },
  statedLength: number | undefined,
  maxBytes: number,
): Promise<Uint8Array | 'too-large'> {
  if (statedLength !== undefined && statedLength > maxBytes) {
    body.destroy?.();
    return 'too-large';
  }
  const chunks: Uint8Array[] = [];
  let read = 0;
  for await (const chunk of body) {
    read += chunk.byteLength;
    if (read > maxBytes) {
      body.destroy?.();
      return 'too-large';
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
