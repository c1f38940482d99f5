import { relationshipsRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** The relationships routes of the API, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(relationshipsRoutes(deps), handlerDeps);
