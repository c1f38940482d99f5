import { auditRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** The audit routes of the API, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(auditRoutes(deps), handlerDeps);
