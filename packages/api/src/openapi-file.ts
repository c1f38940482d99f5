import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiDocument } from './openapi';

/**
 * The API document as a file, `docs/openapi.json`: readers find it there, and the openapi
 * function serves it (so that function carries one file, not the whole API's code). A test
 * fails when the file no longer matches the routes; `pnpm openapi` writes it again.
 */
export const OPENAPI_FILE = join(import.meta.dirname, '..', '..', '..', 'docs', 'openapi.json');

export const openApiText = () => `${JSON.stringify(apiDocument(), null, 2)}\n`;

export const openApiFileIsCurrent = () => readFileSync(OPENAPI_FILE, 'utf8') === openApiText();

if (process.argv[1] === import.meta.filename) writeFileSync(OPENAPI_FILE, openApiText());
