import { invitationRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** Parent session invitation lists and attendance, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(invitationRoutes(deps), handlerDeps);
