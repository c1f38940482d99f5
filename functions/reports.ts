import { reportRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** Reports about the map as a whole (disproportionality): counts, no child named. */
export const handler = createApiHandler(reportRoutes(deps), handlerDeps);
