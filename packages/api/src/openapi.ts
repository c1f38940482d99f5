import { Problem } from '@peermap/contract';
import type { MapStore } from '@peermap/domain';
import type { AnyRoute } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { allRoutes, FUNCTIONS, type FunctionName } from './routes';

/** The problems any route may answer with, each described once and referred to by its status. */
const PROBLEM_RESPONSES = {
  '400': "The path, query or body does not fit: each error names where (an upload's, its sheet, row and column)",
  '401': 'Not signed in: no token, or one that is not valid',
  '403': 'Not allowed for your role',
  '404': 'Not found in your partnership (or not one your role may see)',
  '409': 'Not possible now (it already exists, or other work holds it: the problem says which)',
  '412': 'Changed since you read it: read it again (its ETag) and send your change with that',
  '413': 'The body is larger than this route takes, or past a limit of an upload',
  '415': 'The body is not of the media type this route takes',
  '428': 'A change of a record needs the ETag you read, in an If-Match header',
  '503': 'Try again shortly: the table is busy, or the request could not be audited (nothing was returned)',
} as const;
type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

/**
 * The problems a route can answer with, from what it takes: every route can refuse a caller
 * (401, 403), find nothing (404: a record, or a week's completed analysis), find its subject
 * not ready or held by other work (409) and be unable to audit (503); what takes input can
 * find it wrong (400) or, as a body, too large or of another type (413, 415); what changes a
 * record can need its ETag (428) and find it changed (412). A route that
 * never meets one of these documents it all the same: a client is told of every answer.
 */
function problemStatuses(route: AnyRoute): ProblemStatus[] {
  const takesBody = route.body !== undefined || route.files !== undefined;
  const signedIn = route.public === undefined;
  const statuses: (ProblemStatus | false)[] = [
    (takesBody || route.params !== undefined || route.query !== undefined) && '400',
    signedIn && '401',
    signedIn && '403',
    '404',
    '409',
    signedIn && route.method !== 'GET' && '412',
    takesBody && '413',
    takesBody && '415',
    signedIn && route.method !== 'GET' && '428',
    '503',
  ];
  return statuses.filter((status): status is ProblemStatus => status !== false);
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** Path and query parameters of a route, from its schemas. */
function parameters(route: AnyRoute) {
  const of = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const document = jsonSchema(schema, 'input');
    const properties = (document.properties ?? {}) as Record<string, object>;
    const required = new Set(document.required ?? []);
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: property,
    }));
  };
  return [...of(route.params, 'path'), ...of(route.query, 'query')];
}

/** A JSON body from the route's schema, or the files of a multipart upload. */
function requestBodyOf(route: AnyRoute) {
  if (route.body) {
    return {
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
    };
  }
  if (route.files) {
    const properties = Object.fromEntries(
      route.files.names.map((name) => [name, { type: 'string', format: 'binary' }]),
    );
    return {
      requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties } } } },
    };
  }
  return {};
}

/** What each success status of a route carries: its JSON schema, the media types of its files. */
function successResponses(route: AnyRoute) {
  return Object.fromEntries(
    Object.entries(route.responses).map(([status, { json, files = [] }]) => {
      const content = {
        ...(json ? { 'application/json': { schema: jsonSchema(json, 'output') } } : {}),
        ...Object.fromEntries(files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      };
      return [status, { description: 'Success', ...(Object.keys(content).length > 0 ? { content } : {}) }];
    }),
  );
}

const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** One route as an operation of the document. */
function operationOf(route: AnyRoute) {
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.resource],
    ...(route.public === undefined
      ? { 'x-peermap-permission': route.permission }
      : { security: [], 'x-peermap-public': route.public.because }),
    parameters: parameters(route),
    ...requestBodyOf(route),
    responses: {
      ...successResponses(route),
      ...Object.fromEntries(
        problemStatuses(route).map((status) => [status, { $ref: `#/components/responses/Problem${status}` }]),
      ),
      default: { description: 'A problem (RFC 9457)', content: PROBLEM_CONTENT },
    },
  };
}

/** What every operation refers to: the problem schema, its responses by status, and how to sign in. */
const components = () => ({
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  schemas: { Problem: jsonSchema(Problem, 'output') },
  responses: Object.fromEntries(
    Object.entries(PROBLEM_RESPONSES).map(([status, description]) => [
      `Problem${status}`,
      { description, content: PROBLEM_CONTENT },
    ]),
  ),
});

/**
 * The OpenAPI 3.1 document of a set of routes, generated from the same zod schemas that
 * parse the requests and shape the answers: it cannot describe a route that does not exist,
 * or miss one that does.
 */
export function openApiDocument(routes: readonly AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'peermap',
      version: '1',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      description:
        'Peer mapping and planning for multi-agency safeguarding partnerships. Everyone on the map is a child who may be at risk of harm.',
    },
    // Relative: the paths are served where the document is (locally http://127.0.0.1:3000, in AWS the stage's API).
    servers: [{ url: '/', description: 'The service that serves this document' }],
    security: [{ bearer: [] }],
    components: components(),
    paths,
  };
}

/** Dependencies for describing the routes only: reading data through them is a defect. */
const DESCRIBE_ONLY: ApiDeps = {
  get store(): MapStore {
    throw new Error('Describing the API reads no data.');
  },
  now: () => new Date(),
};

/** Each function's routes, method and path as API Gateway names them, and whether one is open without signing in, for the stack. */
export function routesByFunction(): Record<FunctionName, (Pick<AnyRoute, 'method' | 'path'> & { public: boolean })[]> {
  const entries = Object.entries(FUNCTIONS).map(([name, routes]) => [
    name,
    routes(DESCRIBE_ONLY).map((r) => ({ method: r.method, path: r.path, public: r.public !== undefined })),
  ]);
  return Object.fromEntries(entries);
}

/** The API document of every route. */
export function apiDocument() {
  return openApiDocument(allRoutes(DESCRIBE_ONLY));
}
