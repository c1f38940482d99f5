import type { AnswerOf, Problem as ContractProblem, PathOf, PathParams, UploadRefusal } from '@peermap/contract';

/**
 * A problem the API answered with (`application/problem+json`), as the pages show it: the
 * contract's problem, with what an upload's refusal adds; a failure with no problem document
 * has its status and the status's words alone.
 */
export type Problem = Pick<ContractProblem, 'status' | 'title'> &
  Partial<Pick<ContractProblem, 'detail' | 'errors'>> &
  Pick<UploadRefusal, 'problems' | 'problemCount'>;

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export interface Answer<T> {
  body: T;
  etag: string | undefined;
  status: number;
}

/** A route's answer: its status and body as the route's contract pairs them, and its ETag. */
export type RouteAnswer<Route> = Route & { etag: string | undefined };

type Query = Readonly<Record<string, string | number | undefined>>;
type Change = 'POST' | 'PATCH' | 'DELETE';

/** Where a call goes: the values of the path's parameters (when its template has any) and the query. */
export type Where<Path extends string> = (Path extends `${string}{${string}`
  ? { params: PathParams<Path> }
  : { params?: undefined }) & { query?: Query };
/** `Where` as arguments: required when the path has parameters, optional otherwise. */
type WhereArgs<Path extends string> = Path extends `${string}{${string}` ? [where: Where<Path>] : [where?: Where<Path>];

export interface Payload {
  json?: unknown;
  form?: FormData;
  ifMatch?: string;
}

/** The API client, typed by route: a path template of the contract gives the type of its answer. */
export interface Api {
  get<P extends PathOf<'GET'>>(path: P, ...where: WhereArgs<P>): Promise<RouteAnswer<AnswerOf<'GET', P>>>;
  send<M extends Change, P extends PathOf<M>>(
    method: M,
    path: P,
    options: Where<P> & Payload,
  ): Promise<RouteAnswer<AnswerOf<M, P>>>;
  /** Fetches a file (a Word document, a CSV) and hands it to the browser to save. */
  download(path: string): Promise<void>;
  /** Fetches a file to show in the page (a picture), kept in memory only. */
  blob<P extends PathOf<'GET'>>(path: P, ...where: WhereArgs<P>): Promise<Blob>;
}

/** `/v1/clusters/{id}` with `{ params: { id: 'C1' }, query: { week } }`: `/v1/clusters/C1?week=…`. */
export function urlOf(path: string, where: { params?: object | undefined; query?: Query | undefined } = {}): string {
  const params = new Map(Object.entries(where.params ?? {}).map(([name, value]) => [name, String(value)]));
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params.get(name) ?? ''));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(where.query ?? {}))
    if (value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text ? `${filled}?${text}` : filled;
}

/**
 * The API as the pages call it: the bearer token from the session (kept in memory only), JSON
 * in and out, problems turned into `ApiError` with everything the API said.
 */
export function createApi(base: string, token: () => string | undefined, onSignedOut: () => void): Api {
  async function call(method: string, url: string, init: RequestInit & { ifMatch?: string } = {}) {
    const headers = new Headers(init.headers);
    const bearer = token();
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    if (init.ifMatch) headers.set('if-match', init.ifMatch);
    const response = await fetch(`${base}${url}`, { ...init, method, headers, cache: 'no-store' });
    if (response.status === 401) onSignedOut();
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }
  return {
    async get(path, ...[where]) {
      return answerOf(await call('GET', urlOf(path, where)));
    },
    async send(method, path, options) {
      return answerOf(await call(method, urlOf(path, options), requestOf(method, options)));
    },
    async blob(path, ...[where]) {
      return (await call('GET', urlOf(path, where))).blob();
    },
    async download(path) {
      await saveFile(await call('GET', path));
    },
  };
}

/** The request of a change: its body (JSON or a form), the version it changes, and its idempotency key. */
function requestOf(method: Change, options: Payload): RequestInit & { ifMatch?: string } {
  // One key per action: a request the network repeats is answered once, never acted on twice.
  const headers: Record<string, string> = method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {};
  const init: RequestInit & { ifMatch?: string } = { headers };
  if (options.ifMatch) init.ifMatch = options.ifMatch;
  if (options.form) init.body = options.form;
  else if (options.json !== undefined) {
    init.body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  return init;
}

/**
 * An answer with its body as its route's contract describes it. The API shapes every answer
 * by that same contract before it leaves (one that does not fit is a 500, never sent), so the
 * body is taken as the route's type rather than parsed again in the browser.
 */
async function answerOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  const answer = {
    body: text ? JSON.parse(text) : undefined,
    etag: response.headers.get('etag') ?? undefined,
    status: response.status,
  };
  return answer as T;
}

/** Hands a fetched file to the browser to save, under the name the API gave it. */
async function saveFile(response: Response): Promise<void> {
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'peermap-download';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { status: response.status, title: body.title ?? response.statusText, ...body };
  } catch {
    return { status: response.status, title: response.statusText || 'The request failed' };
  }
}
