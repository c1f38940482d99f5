import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebApp } from '@peermap/web';
import { App } from 'aws-cdk-lib';
import { buildApp } from './app';
import { REPO_ROOT } from './peermap-function';

/** The context `cdk.json` gives the CLI (the stages and CDK's feature flags), for apps built in tests. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context;
}

let webSource: string | undefined;

/** The web app, built once for the tests (half a second). */
export async function builtWebApp(): Promise<string> {
  if (!webSource) {
    const folder = mkdtempSync(join(tmpdir(), 'peermap-web-'));
    await buildWebApp(folder);
    webSource = folder;
  }
  return webSource;
}

/**
 * The app as `cdk synth` builds it, from the same `cdk.json` context, with bundling off (an
 * empty list of stacks to bundle): assertion tests read templates, they do not need the code.
 * Call `builtWebApp` first.
 */
export function appWithoutBundling(context: Record<string, unknown> = {}) {
  if (!webSource) throw new Error('Build the web app first (await builtWebApp()).');
  return buildApp(new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context } }), webSource);
}
