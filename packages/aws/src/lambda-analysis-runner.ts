import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { type AnalysisRunner, UnavailableError } from '@peermap/domain';

/**
 * Starts an analysis in its own Lambda function, invoked asynchronously (`Event`): the request
 * answers 202 at once, Lambda retries a failed run, and the run itself ignores a start for a
 * snapshot that is no longer queued.
 */
export function createLambdaAnalysisRunner(client: LambdaClient, functionName: string): AnalysisRunner {
  return {
    async start(job) {
      const response = await client.send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(job)),
        }),
      );
      if (response.StatusCode !== 202) {
        throw new UnavailableError(`The analysis function did not accept the run (status ${response.StatusCode}).`);
      }
    },
  };
}
