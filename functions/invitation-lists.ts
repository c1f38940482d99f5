import { parentSessionRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** Parent sessions: invitation lists, attendance and parents' feedback, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(parentSessionRoutes(deps), handlerDeps);
