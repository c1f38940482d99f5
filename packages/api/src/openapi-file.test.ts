import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, openApiText } from './openapi-file';

describe('docs/openapi.json', () => {
  it('is the document of the routes as they are (if not: pnpm openapi)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8') === openApiText()).toBe(true);
  });
});
