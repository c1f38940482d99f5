import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { apiDocument } from './openapi';

/** A client's calls, typed by what openapi-typescript generates from the document. */
const CALLS = `
import type { operations } from './schema';

type Page = operations['listYoungPeople']['responses']['200']['content']['application/json'];
type Problem = operations['updateYoungPerson']['responses']['412']['content']['application/problem+json'];
type Change = NonNullable<operations['updateYoungPerson']['requestBody']>['content']['application/json'];

export const firstName = (page: Page): string | undefined => page.items[0]?.displayName;
export const said = (problem: Problem): string => problem.detail;
export const change: Change = { displayName: 'Sam T.' };
`;

/** The same client with a call the document does not allow: the check must find it. */
const WRONG_CALL = `
import type { operations } from './schema';

type Page = operations['listYoungPeople']['responses']['200']['content']['application/json'];

export const shoeSize = (page: Page): number => page.items[0]?.shoeSize;
`;

describe('a client generated from the API document', () => {
  const folder = mkdtempSync(join(tmpdir(), 'peermap-client-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const typeErrors = (calls: string) => {
    writeFileSync(join(folder, 'calls.ts'), calls);
    const program = ts.createProgram([join(folder, 'calls.ts')], {
      strict: true,
      noEmit: true,
      exactOptionalPropertyTypes: true,
      module: ts.ModuleKind.Preserve,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };

  it('type-checks calls the document allows, and refuses one it does not', async () => {
    const document = JSON.parse(JSON.stringify(apiDocument()));
    writeFileSync(join(folder, 'schema.ts'), astToString(await openapiTS(document)));
    expect(typeErrors(CALLS)).toEqual([]);
    expect(typeErrors(WRONG_CALL).join('\n')).toMatch(/shoeSize/);
  });
});
