import { reportRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** Reports in counts, no child named: the map as a whole (disproportionality) and what parent sessions achieved. */
export const handler = createApiHandler(reportRoutes(deps), handlerDeps);
