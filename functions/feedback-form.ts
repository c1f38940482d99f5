import { feedbackFormRoutes } from '@peermap/api';
import { createApiHandler } from '@peermap/http';
import { awsRuntime } from './composition/aws-runtime';

const { deps, handlerDeps } = awsRuntime(process.env);

/**
 * A parent's feedback form behind a one-time link: the only routes API Gateway serves without
 * its JWT authorizer, each with its own low throttle; the partnership comes from the link's key.
 */
export const handler = createApiHandler(feedbackFormRoutes(deps), handlerDeps);
