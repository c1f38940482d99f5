import { Logger } from '@aws-lambda-powertools/logger';
import { processLargeUpload } from '@peermap/api';
import { createS3LargeUploads, largeUploadsClient, slotOfKey } from '@peermap/aws';
import type { S3Event } from 'aws-lambda';
import { awsRuntime } from './composition/aws-runtime';

const { deps, runAs } = awsRuntime(process.env, {
  largeUploads: (bucket) => createS3LargeUploads(largeUploadsClient(), bucket),
});
const logger = new Logger({ serviceName: 'peermap' });

/**
 * Runs when a large upload's workbook lands in the bucket (S3 announces each object at least
 * once): processes the slot it belongs to, once. A failure is thrown so the event is retried
 * and, past its retries, kept on the dead-letter queue.
 */
export const handler = async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    const slot = slotOfKey(record.s3.object.key);
    if (!slot || !deps.largeUploads) {
      logger.warn('an object that is not a large upload was ignored');
      continue;
    }
    const uploads = deps.largeUploads;
    const processed = await runAs(slot.partnershipId, () =>
      processLargeUpload(deps.store, uploads, slot.partnershipId, slot.id),
    );
    logger.info('large upload processed', { slot: slot.id, status: processed?.status });
  }
};
