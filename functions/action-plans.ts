import { planRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** Joint action plans for peer groups and places, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(planRoutes(deps), handlerDeps);
