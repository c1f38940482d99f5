import { auditRoutes, awsRuntime } from '@peermap/api';
import { createApiHandler } from '@peermap/http';

const { deps, handlerDeps } = awsRuntime(process.env);

/** The audit routes of the API, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(auditRoutes(deps), handlerDeps);
