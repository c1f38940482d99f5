import { LambdaClient } from '@aws-sdk/client-lambda';
import { analysisRoutes } from '@peermap/api';
import { createLambdaAnalysisRunner } from '@peermap/aws';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env, {
  analysisRunner: (functionName) => createLambdaAnalysisRunner(new LambdaClient({}), functionName),
});

/** The peer-group analysis: start a run (handed to run-analysis), follow it, read its clusters. */
export const handler = createApiHandler(analysisRoutes(deps), handlerDeps);
