import { analysisRoutes, awsRuntime } from '@peermap/api';
import { createApiHandler } from '@peermap/http';

const { deps, handlerDeps } = awsRuntime(process.env, { analyses: true });

/** The peer-group analysis: start a run (handed to run-analysis), follow it, read its clusters. */
export const handler = createApiHandler(analysisRoutes(deps), handlerDeps);
