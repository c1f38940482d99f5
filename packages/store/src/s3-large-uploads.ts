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
    read: async (slot) => {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: largeUploadKey(slot) }));
        return object.Body ? await object.Body.transformToByteArray() : undefined;
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
