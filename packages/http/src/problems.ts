import type { FieldProblem } from '@peermap/domain';
import { LimitExceededError, PeermapError, ValidationError } from '@peermap/domain';

/** A refusal at the HTTP level (size, media type, a missing precondition), with its status. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: 404 | 405 | 413 | 415 | 428,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: readonly FieldProblem[];
  [extension: string]: unknown;
}

const BY_KIND: Record<PeermapError['kind'], { status: number; title: string }> = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Not allowed for your role' },
  'not-found': { status: 404, title: 'Not found' },
  'already-exists': { status: 409, title: 'Already exists' },
  conflict: { status: 409, title: 'Not possible now' },
  'version-conflict': { status: 412, title: 'Changed since you read it' },
  unavailable: { status: 503, title: 'Try again shortly' },
  'too-large': { status: 413, title: 'Too large to keep' },
  'over-limit': { status: 413, title: 'Larger than an upload may be' },
};

/**
 * The one place errors become HTTP. A typed error below 500 shows its message; anything
 * else is a plain 500 whose detail says nothing of the cause (the cause is logged instead).
 */
export function problemFor(error: unknown, requestId: string): Problem {
  const base = { instance: `urn:peermap:request:${requestId}` };
  if (error instanceof PeermapError) {
    const { status, title } = BY_KIND[error.kind];
    const errors =
      error instanceof ValidationError
        ? { errors: error.problems, ...error.details }
        : error instanceof LimitExceededError
          ? { limit: error.limit, allowed: error.allowed, ...error.details }
          : {};
    return {
      type: `https://peermap.dev/problems/${error.kind}`,
      title,
      status,
      detail: error.message,
      ...base,
      ...errors,
    };
  }
  if (error instanceof HttpProblem) {
    return { type: 'about:blank', title: error.title, status: error.status, detail: error.message, ...base };
  }
  return {
    type: 'about:blank',
    title: 'Something went wrong',
    status: 500,
    detail: 'peermap could not complete this request. It has been logged; quote the request id if you report it.',
    ...base,
  };
}
