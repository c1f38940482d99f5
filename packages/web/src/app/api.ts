/** A problem the API answered with (`application/problem+json`), as the pages show it. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  /** An upload's problems, by sheet, row and column. */
  problems?: { sheet: string; row: number; column?: string; value?: string; message: string }[];
  problemCount?: number;
}

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

export interface Api {
  get<T>(path: string): Promise<Answer<T>>;
  send<T>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options?: { json?: unknown; form?: FormData; ifMatch?: string },
  ): Promise<Answer<T>>;
  /** Fetches a file (a Word document, a CSV) and hands it to the browser to save. */
  download(path: string): Promise<void>;
  /** Fetches a file to show in the page (a picture), kept in memory only. */
  blob(path: string): Promise<Blob>;
}

/**
 * The API as the pages call it: the bearer token from the session (kept in memory only), JSON
 * in and out, problems turned into `ApiError` with everything the API said.
 */
export function createApi(base: string, token: () => string | undefined, onSignedOut: () => void): Api {
  async function call(method: string, path: string, init: RequestInit & { ifMatch?: string } = {}) {
    const headers = new Headers(init.headers);
    const bearer = token();
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    if (init.ifMatch) headers.set('if-match', init.ifMatch);
    const response = await fetch(`${base}${path}`, { ...init, method, headers, cache: 'no-store' });
    if (response.status === 401) onSignedOut();
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }
  return {
    async get<T>(path: string) {
      const response = await call('GET', path);
      return {
        body: (await response.json()) as T,
        etag: response.headers.get('etag') ?? undefined,
        status: response.status,
      };
    },
    async send<T>(
      method: 'POST' | 'PATCH' | 'DELETE',
      path: string,
      options: { json?: unknown; form?: FormData; ifMatch?: string } = {},
    ) {
      const init: RequestInit & { ifMatch?: string } = {};
      if (options.ifMatch) init.ifMatch = options.ifMatch;
      // One key per action: a request the network repeats is answered once, never acted on twice.
      const headers: Record<string, string> = method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {};
      if (options.form) init.body = options.form;
      else if (options.json !== undefined) {
        init.body = JSON.stringify(options.json);
        headers['content-type'] = 'application/json';
      }
      init.headers = headers;
      const response = await call(method, path, init);
      const text = await response.text();
      return {
        body: (text ? JSON.parse(text) : undefined) as T,
        etag: response.headers.get('etag') ?? undefined,
        status: response.status,
      };
    },
    async blob(path: string) {
      return (await call('GET', path)).blob();
    },
    async download(path: string) {
      const response = await call('GET', path);
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
    },
  };
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { status: response.status, title: body.title ?? response.statusText, ...body };
  } catch {
    return { status: response.status, title: response.statusText || 'The request failed' };
  }
}
