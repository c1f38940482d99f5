import { settingsRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** A partnership's planning settings (action rules, its own blaming phrases), behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(settingsRoutes(deps), handlerDeps);
