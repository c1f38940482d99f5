import type { Logger } from '@aws-lambda-powertools/logger';
import type { AuditLog, IdempotencyStore } from '@peermap/domain';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Principal } from './principal';
import type { AnonymousCaller, AnyRoute, Subjects } from './route';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** What a handler needs besides its routes: the audit log, a logger and a clock. */
export interface HandlerDeps {
  audit: AuditLog;
  logger: Logger;
  now?: () => Date;
  newId?: () => string;
  /**
   * Runs a request's work as the caller's partnership (in AWS: with credentials that reach only
   * that partnership's items). Without it the work runs as it is.
   */
  runAs?: <T>(partnershipId: string, work: () => Promise<T>) => Promise<T>;
  /** Where answers to requests sent with an `Idempotency-Key` are kept; without it the header is ignored. */
  idempotency?: IdempotencyStore;
}

/** The handler's dependencies, with a default for each optional one. */
export type PipelineDeps = Required<Omit<HandlerDeps, 'idempotency'>> & Pick<HandlerDeps, 'idempotency'>;

/** One request on its way through the pipeline, before its route and caller are known. */
export interface Exchange {
  event: ApiEvent;
  requestId: string;
  /** The handler's logger, with the request id and route key on every line. */
  logger: Logger;
  deps: PipelineDeps;
}

/** A request whose route and caller are known: someone signed in, or (on a public route only) no one. */
export interface Authenticated extends Exchange {
  route: AnyRoute;
  principal: Principal | AnonymousCaller;
}

/** An answer with whose data it holds, for its audit and for keeping it against a repeat. */
export interface Answered {
  result: ApiResult;
  subjects: Subjects;
  restricted: boolean;
}

/** A request header by its lower-case name (API Gateway passes them as sent). */
export function header(event: ApiEvent, name: string): string | undefined {
  return Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}
