import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildApp } from './app';
import { REPO_ROOT } from './peermap-function';

/** The context `cdk.json` gives the CLI, for apps built in tests. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context;
}

/**
 * The app as `cdk synth` builds it, with bundling off (an empty list of stacks to bundle):
 * assertion tests read templates, they do not need the code.
 */
export function appWithoutBundling(context: Record<string, unknown> = {}) {
  return buildApp(new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context } }));
}
