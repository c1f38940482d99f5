import type { Content, Operation } from './operation';
import { OPERATIONS } from './operations';
import { Problem } from './schemas';

/** An answer as a client received it: the JSON body parsed, or `undefined` when there was none. */
export interface ReceivedAnswer {
  method: string;
  /** The path as requested, query string and all: `/v1/clusters/abc?week=2026-W45`. */
  path: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

export interface RouteTemplate {
  method: string;
  template: string;
  pattern: RegExp;
  operation: Operation;
}

// A path segment the API names (`/v1/uploads/large`) wins over a parameter (`/v1/uploads/{id}`).
const TEMPLATES: readonly RouteTemplate[] = Object.entries(OPERATIONS)
  .map(([key, operation]: [string, Operation]) => {
    const [method = '', template = ''] = key.split(' ');
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return { method, template, pattern, operation };
  })
  .sort((a, b) => parameterCount(a.template) - parameterCount(b.template));

function parameterCount(template: string): number {
  return template.split('{').length - 1;
}

/** The route of the contract a request went to: `GET /v1/clusters/{id}` for `GET /v1/clusters/abc`. */
export function routeOf(method: string, path: string): RouteTemplate | undefined {
  const bare = path.split('?')[0] ?? path;
  return TEMPLATES.find((t) => t.method === method && t.pattern.test(bare));
}

const mediaTypeOf = (contentType: string | null) => contentType?.split(';')[0]?.trim() ?? '';

/**
 * Why an answer does not fit the contract of the route it came from, or `undefined` when it
 * does (or when it is not an API route's answer at all: the web app, the API document). A
 * problem (4xx, 5xx) must be an RFC 9457 problem; a success must be of a status the route
 * lists, with the body or file that status describes.
 */
export function contractMismatch(answer: ReceivedAnswer): string | undefined {
  const route = routeOf(answer.method, answer.path);
  const where = `${answer.method} ${answer.path} answered ${answer.status}`;
  if (answer.status >= 400) {
    if (!route && !answer.path.startsWith('/v1/')) return undefined;
    const mediaType = mediaTypeOf(answer.contentType);
    if (mediaType !== 'application/problem+json') return `${where} as ${mediaType}, not a problem`;
    return issuesOf(where, Problem.safeParse(answer.body));
  }
  if (!route) return undefined;
  const content = route.operation.responses[answer.status];
  if (!content) return `${where}, a status ${route.method} ${route.template} does not list`;
  return successMismatch(where, content, answer);
}

/** Why a success does not carry what its status's contract says: the file, the JSON body, or nothing. */
function successMismatch(where: string, content: Content, answer: ReceivedAnswer): string | undefined {
  const mediaType = mediaTypeOf(answer.contentType);
  const files = content.files ?? [];
  if (files.includes(mediaType)) return undefined;
  if (!content.json) {
    if (files.length > 0) return `${where} as ${mediaType}, not one of ${files.join(', ')}`;
    return answer.body === undefined ? undefined : `${where} with a body where it lists none`;
  }
  if (mediaType !== 'application/json') return `${where} as ${mediaType}, not JSON`;
  return issuesOf(where, content.json.safeParse(answer.body));
}

function issuesOf(
  where: string,
  result:
    | { success: true }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } },
): string | undefined {
  if (result.success) return undefined;
  const issues = result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`,
  );
  return `${where} with a body its contract does not describe: ${issues.join('; ')}`;
}
