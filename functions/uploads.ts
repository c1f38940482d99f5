import { uploadRoutes } from '@peermap/api';
import { createS3LargeUploads, largeUploadsClient } from '@peermap/aws';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env, {
  largeUploads: (bucket) => createS3LargeUploads(largeUploadsClient(), bucket),
});

/** The weekly mapping upload and its templates, behind API Gateway's JWT authorizer. */
export const handler = createApiHandler(uploadRoutes(deps), handlerDeps);
