export { type ApiEvent, type ApiResult, createApiHandler, type HandlerDeps } from './api-handler';
export { MAX_JSON_BODY_BYTES, MAX_PUBLIC_BODY_BYTES, readJsonBody } from './body';
export { etagOf, expectedVersion } from './etag';
export { MAX_UPLOAD_BYTES, readMultipart } from './multipart';
export { Principal, principalFromClaims } from './principal';
export { HttpProblem, type Problem, problemFor } from './problems';
export {
  type AnonymousCaller,
  type AnyRoute,
  type Method,
  NO_SUBJECTS,
  type PublicAccess,
  type PublicRequest,
  type PublicRoute,
  publicRoute,
  type Route,
  type RouteRequest,
  type RouteResponse,
  route,
  routeKey,
  type Subjects,
} from './route';
export { ContractBreach, shapedByContract } from './shape';
