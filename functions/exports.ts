import { exportRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/** Meeting papers (DOCX, HTML) and files for other tools (CSV, GeoJSON, GEXF, i2), behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(exportRoutes(deps), handlerDeps);
