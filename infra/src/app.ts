import { App } from 'aws-cdk-lib';
import { DataStack, type Stage } from './data-stack';

/** UK safeguarding data stays in the London region unless the `region` context says otherwise. */
export const DEFAULT_REGION = 'eu-west-2';

/** Builds every stage of peermap into one CDK app: `pnpm synth` writes both. */
export function buildApp(app: App = new App()): { app: App; data: Record<Stage, DataStack> } {
  const region = String(app.node.tryGetContext('region') ?? DEFAULT_REGION);
  const account = process.env['CDK_DEFAULT_ACCOUNT'];
  const dataStack = (stage: Stage) =>
    new DataStack(app, `peermap-${stage}-data`, {
      stage,
      env: { region, ...(account ? { account } : {}) },
      description: `peermap (${stage}): the safeguarding map's table and its key`,
    });
  return { app, data: { dev: dataStack('dev'), prod: dataStack('prod') } };
}
