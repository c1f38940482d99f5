import { Logger } from '@aws-lambda-powertools/logger';
import { runAnalysis } from '@peermap/api';
import { PartnershipId, RecordId } from '@peermap/domain';
import * as z from 'zod';
import { awsRuntime } from './composition/aws-runtime';

const { deps, runAs } = awsRuntime(process.env);
const logger = new Logger({ serviceName: 'peermap' });

const AnalysisJob = z.strictObject({ partnershipId: PartnershipId, analysisId: RecordId });

/**
 * Runs one queued analysis, invoked asynchronously by the analyses function. A start for a run
 * that is no longer queued (a retry, a repeated event) does nothing; a fault in peermap is
 * thrown so Lambda retries it and, past its retries, sends the event to the failure destination.
 */
export const handler = async (event: unknown): Promise<void> => {
  const job = AnalysisJob.parse(event);
  const snapshot = await runAs(job.partnershipId, () => runAnalysis(deps.store, job));
  logger.info('analysis run', { analysisId: job.analysisId, status: snapshot?.status });
};
