import { Logger } from '@aws-lambda-powertools/logger';
import { sweepPartnershipNight } from '@peermap/api';
import { PartnershipId } from '@peermap/domain';
import * as z from 'zod';
import { awsRuntime } from './composition/aws-runtime';

const { deps, runAs } = awsRuntime(process.env);
const logger = new Logger({ serviceName: 'peermap' });

const SweepJob = z.strictObject({ partnershipIds: z.array(PartnershipId).min(1) });

/**
 * The nightly retention sweep, started by the schedule with the partnerships the stage serves.
 * Each partnership is swept as itself (its own credentials) and audited; one that fails does
 * not stop the others, and is thrown at the end so the night is retried (a sweep repeats safely).
 */
export const handler = async (event: unknown): Promise<void> => {
  const { partnershipIds } = SweepJob.parse(event);
  const failed: string[] = [];
  for (const partnershipId of partnershipIds) {
    try {
      const now = deps.now();
      const result = await runAs(partnershipId, () => sweepPartnershipNight(deps.store, partnershipId, now, logger));
      logger.info('retention sweep', {
        partnershipId,
        erased: result.erased,
        leftBehind: result.leftBehind,
        completed: result.completed,
        retentionUpdated: result.retentionUpdated.length,
        deferred: result.deferred,
        stoppedWork: result.stoppedWork,
      });
    } catch (error) {
      logger.error('retention sweep failed', { partnershipId, error: error instanceof Error ? error : String(error) });
      failed.push(partnershipId);
    }
  }
  if (failed.length > 0) throw new Error(`The retention sweep failed for ${failed.join(', ')}; it will be retried.`);
};
