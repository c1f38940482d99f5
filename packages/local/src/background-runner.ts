import type { Logger } from '@aws-lambda-powertools/logger';
import { runAnalysis } from '@peermap/api';
import type { AnalysisRunner, MapStore } from '@peermap/domain';
import type { RunAsPartnership } from '@peermap/store';

export interface BackgroundAnalysisRunner extends AnalysisRunner {
  /** Resolves once every run started so far has finished (for tests and a clean stop). */
  idle(): Promise<void>;
}

/**
 * Locally, an analysis runs in the background of the local server, as the run-analysis
 * function does in AWS: the request answers 202 first, the run follows on the next turn.
 */
export function createBackgroundAnalysisRunner(
  store: MapStore,
  logger: Logger,
  runAs: RunAsPartnership = (_partnershipId, work) => work(),
): BackgroundAnalysisRunner {
  const running = new Set<Promise<void>>();
  return {
    async start(job) {
      const run: Promise<void> = new Promise((resolve) => setImmediate(resolve))
        .then(() => runAs(job.partnershipId, () => runAnalysis(store, job)))
        .then(
          () => undefined,
          (error: unknown) => logger.error('an analysis could not be run', { error: String(error) }),
        )
        .finally(() => running.delete(run));
      running.add(run);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
