export type { AnswerOf, BodyOf, PathOf, PathParams, SuccessAnswer, SuccessBody } from './client';
export { contractMismatch, type ReceivedAnswer, type RouteTemplate, routeOf } from './conformance';
export { type Content, created, file, type Method, type Operation, type Responses, read, removed } from './operation';
export { endpoint, OPERATIONS, operationAt, type RouteKey, routeKeys } from './operations';
export * from './parent-groups';
export * from './schemas';
export * from './session-schemas';
