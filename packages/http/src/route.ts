import type { Method, Responses } from '@peermap/contract';
import type { AuditAction, Permission } from '@peermap/domain';
import type * as z from 'zod';
import type { Principal } from './principal';

export type { Method };

/** Whose personal data a response returned or a request changed, for the audit event. */
export interface Subjects {
  youngPeople: string[];
  carers: string[];
}

export const NO_SUBJECTS: Subjects = { youngPeople: [], carers: [] };

/** What every route's code gets besides who asks: the parsed input of the request. */
export interface ParsedRequest<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  /** The files of a `multipart/form-data` request, by part name, for routes that take `files`. */
  files: Readonly<Record<string, Uint8Array>>;
  headers: Readonly<Record<string, string | undefined>>;
  requestId: string;
}

/** A signed-in request: who asks, from the verified token, and what they sent. */
export interface RouteRequest<Params, Query, Body> extends ParsedRequest<Params, Query, Body> {
  principal: Principal;
}

/** A request to a public route: no one is signed in; the partnership is the one its path names. */
export interface PublicRequest<Params, Query, Body> extends ParsedRequest<Params, Query, Body> {
  partnershipId: string;
}

/** Who made a request to a public route, as the audit records them. */
export interface AnonymousCaller {
  userId: 'anonymous';
  role: 'anonymous';
  partnershipId: string;
}

/**
 * Why a route may be reached without signing in, and how it learns its partnership. Every public
 * route is an explicit, reviewed exception: its code gets no principal, only the partnership
 * its path names, and the route table decides which narrow ports it is built with.
 */
export interface PublicAccess {
  /** The reason this route is open, as agreed when it was reviewed. */
  readonly because: string;
  /**
   * The partnership the request concerns, read from its path parameters (a feedback link's key
   * names it). `undefined` answers 404 before anything is read or recorded.
   */
  partnershipOf(pathParameters: Readonly<Record<string, string | undefined>>): string | undefined;
  /**
   * The detail of the 404 for a path naming no partnership: the route's own not-found, so a key
   * that is malformed cannot be told from one that is unknown.
   */
  readonly notFound: string;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  /** A file to send instead of JSON (a template, an export). */
  file?: { contentType: string; filename: string; bytes: Uint8Array };
  headers?: Record<string, string>;
  /** The people whose data this response returned or changed. */
  subjects: Subjects;
  /**
   * Whether a route of the shared map (an export of the whole map, say) also returned restricted
   * police intelligence: besides its ordinary audit event, a restricted event records that part.
   */
  restricted?: boolean;
  /** What the audit event should say besides who and what (an erasure's marker and reason); no personal data. */
  auditDetail?: string;
}

/** Where a route is, how its input is parsed, what it answers and how the audit names it. */
interface RouteShape<Params, Query, Body> {
  method: Method;
  path: `/v1/${string}`;
  /** The operation's name in the API document and in clients generated from it: an identifier (`listYoungPeople`). */
  operationId: string;
  summary: string;
  /** The kind of resource and action, as the audit log records them. */
  resource: string;
  action: AuditAction;
  /**
   * A route of the restricted layer (police intelligence alone): what police do there is
   * audited in the restricted layer's own events, which other roles' audit never lists.
   */
  layer?: 'restricted';
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** The route takes files as `multipart/form-data` instead of a JSON body. */
  files?: { names: readonly string[] };
  /**
   * What the route answers on success, by status (from the contract): the handler sends only
   * what this describes, and the API document describes it.
   */
  responses: Responses;
}

/**
 * One API route: where it is, what permission it needs, how its input is parsed, what it
 * answers, and what it does. `handle` gets parsed, authorized input and returns the response and its subjects.
 */
export interface Route<Params = unknown, Query = unknown, Body = unknown> extends RouteShape<Params, Query, Body> {
  permission: Permission;
  public?: undefined;
  handle(request: RouteRequest<Params, Query, Body>): Promise<RouteResponse>;
}

/** A route anyone may reach without signing in (see `PublicAccess`): audited with an anonymous actor. */
export interface PublicRoute<Params = unknown, Query = unknown, Body = unknown>
  extends RouteShape<Params, Query, Body> {
  permission?: undefined;
  public: PublicAccess;
  handle(request: PublicRequest<Params, Query, Body>): Promise<RouteResponse>;
}

/** A route of any shape, as route tables hold them (`handle` is a method, so any input types fit). */
export type AnyRoute = Route<unknown, unknown, unknown> | PublicRoute<unknown, unknown, unknown>;

/** Declares a route, inferring its input types from its schemas. */
export function route<Params, Query, Body>(definition: Route<Params, Query, Body>): Route<Params, Query, Body> {
  return definition;
}

/** Declares a route open without signing in: a reviewed exception (see `PublicAccess`). */
export function publicRoute<Params, Query, Body>(
  definition: PublicRoute<Params, Query, Body>,
): PublicRoute<Params, Query, Body> {
  return definition;
}

/** `GET /v1/young-people/{ref}`: how API Gateway names a route. */
export const routeKey = (r: Pick<AnyRoute, 'method' | 'path'>) => `${r.method} ${r.path}`;
