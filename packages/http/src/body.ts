import { ValidationError } from '@peermap/domain';
import { HttpProblem } from './problems';

/** The largest JSON body a route takes: a record is a few kilobytes. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** The largest body a public route takes: a parent's few paragraphs and six numbers, never a record. */
export const MAX_PUBLIC_BODY_BYTES = 8 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The JSON body of a request: `application/json`, at most 64 KiB (or `maxBytes`), valid JSON, and without
 * keys that could reach an object's prototype. Anything else is refused with its own status.
 */
export function readJsonBody(
  body: string | undefined,
  isBase64Encoded: boolean,
  contentType: string | undefined,
  maxBytes = MAX_JSON_BODY_BYTES,
): unknown {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpProblem(415, 'Unsupported media type', 'Send the body as application/json.');
  }
  const text = isBase64Encoded ? Buffer.from(body ?? '', 'base64').toString('utf8') : (body ?? '');
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new HttpProblem(413, 'Body too large', `A request body may be at most ${maxBytes / 1024} KiB.`);
  }
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key))
        throw new ValidationError(`The key "${key}" is not allowed.`, [{ path: key, message: 'is not allowed' }]);
      return value;
    });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError('The body is not valid JSON.', [{ path: '(body)', message: 'is not valid JSON' }]);
  }
}
