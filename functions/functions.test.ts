import { readdirSync } from 'node:fs';
import { FUNCTIONS } from '@peermap/api';
import { describe, expect, it } from 'vitest';

const files = readdirSync(import.meta.dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('the Lambda functions', () => {
  it('are one file per group of routes, and the API document', () => {
    expect(files.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(
      [...Object.keys(FUNCTIONS), 'openapi', 'process-large-upload', 'retention-sweep', 'run-analysis'].sort(),
    );
  });

  it('stop at cold start when TABLE_NAME is missing', async () => {
    expect.assertions(1);
    delete process.env['TABLE_NAME'];
    await expect(import('./carers')).rejects.toThrow(/TABLE_NAME/);
  });

  it.each(files)('%s exports only a handler', async (name) => {
    Object.assign(process.env, {
      TABLE_NAME: 'peermap-test',
      TABLE_ARN: 'arn:aws:dynamodb:eu-west-2:111122223333:table/peermap-test',
      TABLE_KEY_ARN: 'arn:aws:kms:eu-west-2:111122223333:key/00000000-0000-4000-8000-000000000000',
      DATA_ROLE_ARN: 'arn:aws:iam::111122223333:role/peermap-test-data',
      AWS_REGION: 'eu-west-2',
    });
    process.env['UPLOAD_BUCKET'] = 'peermap-uploads-test';
    process.env['ANALYSIS_FUNCTION_NAME'] = 'peermap-test-run-analysis';
    const module: Record<string, unknown> = await import(/* @vite-ignore */ `./${name}?with-table`);
    expect(Object.keys(module)).toEqual(['handler']);
    expect(typeof module['handler']).toBe('function');
  });

  it('serves the API document without touching data', async () => {
    const { handler } = await import('./openapi');
    const result = await handler();
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(String(result.body))).toMatchObject({ openapi: '3.1.0' });
  });
});
