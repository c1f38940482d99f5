import type { AnyRoute } from '@peermap/http';
import { analysisRoutes } from './analysis-routes';
import { auditRoutes } from './audit-routes';
import { consentRoutes } from './consent-routes';
import type { ApiDeps } from './deps';
import { exportRoutes } from './export-routes';
import { feedbackFormRoutes } from './feedback-form-routes';
import {
  carersRoutes,
  concernsRoutes,
  locationsRoutes,
  relationshipsRoutes,
  sightingsRoutes,
  youngPeopleRoutes,
} from './map-routes';
import { parentSessionRoutes } from './parent-session-routes';
import { planRoutes } from './planning-routes';
import { reportRoutes } from './report-routes';
import { settingsRoutes } from './settings-routes';
import { uploadRoutes } from './upload-routes';

/** The routes each Lambda function serves: one function per resource. */
export const FUNCTIONS = {
  'young-people': youngPeopleRoutes,
  relationships: relationshipsRoutes,
  locations: locationsRoutes,
  sightings: sightingsRoutes,
  concerns: concernsRoutes,
  carers: (deps) => [...carersRoutes(deps), ...consentRoutes(deps)],
  audit: auditRoutes,
  uploads: uploadRoutes,
  analyses: analysisRoutes,
  'invitation-lists': parentSessionRoutes,
  'action-plans': planRoutes,
  exports: exportRoutes,
  settings: settingsRoutes,
  reports: reportRoutes,
  // The only routes open without signing in, in a function of their own behind a throttled route.
  'feedback-form': feedbackFormRoutes,
} as const satisfies Record<string, (deps: ApiDeps) => AnyRoute[]>;

/** The name of a function that serves routes (its file in `functions/`). */
export type FunctionName = keyof typeof FUNCTIONS;

/** Every route of the API, as the local server serves them and the API document lists them. */
export function allRoutes(deps: ApiDeps): AnyRoute[] {
  return Object.values(FUNCTIONS).flatMap((routes) => routes(deps));
}
