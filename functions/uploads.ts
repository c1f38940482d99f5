import { awsRuntime, uploadRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';

const { deps, handlerDeps } = awsRuntime(process.env, { largeUploads: true });

/** The weekly mapping upload and its templates, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(uploadRoutes(deps), handlerDeps);
