import type { MapStore } from '@peermap/domain';
import { type AnyRoute, routeKey } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { allRoutes, FUNCTIONS, type FunctionName } from './routes';

const ProblemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

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

/**
 * The OpenAPI 3.1 document of a set of routes, generated from the same zod schemas that
 * parse the requests: it cannot describe a route that does not exist, or miss one that does.
 */
export function openApiDocument(routes: readonly AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const operations = paths[r.path] ?? {};
    operations[r.method.toLowerCase()] = {
      operationId: routeKey(r),
      summary: r.summary,
      tags: [r.resource],
      'x-peermap-permission': r.permission,
      parameters: parameters(r),
      ...requestBodyOf(r),
      responses: {
        [String(r.successStatus)]: {
          description: 'Success',
          ...(r.response ? { content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } } : {}),
          ...(r.produces
            ? {
                content: Object.fromEntries(
                  r.produces.split(', ').map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
                ),
              }
            : {}),
        },
        default: {
          description: 'A problem (RFC 9457)',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
    paths[r.path] = operations;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'peermap',
      version: '1',
      description:
        'Peer mapping and planning for multi-agency safeguarding partnerships. Everyone on the map is a child who may be at risk of harm.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: ProblemSchema },
    },
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

/** Each function's routes, method and path as API Gateway names them, for the stack. */
export function routesByFunction(): Record<FunctionName, Pick<AnyRoute, 'method' | 'path'>[]> {
  const entries = Object.entries(FUNCTIONS).map(([name, routes]) => [
    name,
    routes(DESCRIBE_ONLY).map(({ method, path }) => ({ method, path })),
  ]);
  return Object.fromEntries(entries);
}

/** The API document of every route. */
export function apiDocument() {
  return openApiDocument(allRoutes(DESCRIBE_ONLY));
}
