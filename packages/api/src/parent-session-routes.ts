import type { AnyRoute } from '@peermap/http';
import type { ApiDeps } from './deps';
import { feedbackRoutes } from './feedback-routes';
import { parentGroupRoutes } from './parent-group-routes';
import { invitationRoutes } from './planning-routes';
import { sessionFollowUpRoutes } from './session-follow-up-routes';
import { sessionPlanRoutes } from './session-plan-routes';
import { sessionRoutes } from './session-routes';
import { sessionSafetyRoutes } from './session-safety-routes';

/**
 * The routes of Parent Empowerment Sessions, from the invitation list to the parent group: one
 * function's worth, in a module of its own so that function's bundle holds only what they use.
 */
export const parentSessionRoutes = (deps: ApiDeps): AnyRoute[] => [
  ...invitationRoutes(deps),
  ...sessionRoutes(deps),
  ...sessionPlanRoutes(deps),
  ...sessionSafetyRoutes(deps),
  ...sessionFollowUpRoutes(deps),
  ...feedbackRoutes(deps),
  ...parentGroupRoutes(deps),
];
