import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { PeermapStack } from './peermap-stack';
import { Stage, stageSettingsFrom } from './stage-settings';

/** UK safeguarding data stays in the London region unless the `region` context says otherwise. */
export const DEFAULT_REGION = 'eu-west-2';

/**
 * Builds peermap's CDK app: one stack per stage from the `peermap:stages` context, both by
 * default or the one named by `-c stage=dev|prod`, with cdk-nag's AWS Solutions, Serverless
 * and NIST 800-53 rev 5 checks on every construct (an unacknowledged finding fails the
 * synthesis).
 */
export function buildApp(app: App, webSource: string): { app: App; stacks: Partial<Record<Stage, PeermapStack>> } {
  const region = String(app.node.tryGetContext('region') ?? DEFAULT_REGION);
  const account = process.env['CDK_DEFAULT_ACCOUNT'];
  const settings = stageSettingsFrom(app.node.tryGetContext('peermap:stages'));
  const only = app.node.tryGetContext('stage');
  const stages = only === undefined ? Stage.options : [Stage.parse(only)];
  const stacks: Partial<Record<Stage, PeermapStack>> = {};
  for (const stage of stages) {
    stacks[stage] = new PeermapStack(app, `peermap-${stage}`, {
      stage,
      settings: settings[stage],
      webSource,
      env: { region, ...(account ? { account } : {}) },
      description: `peermap (${stage}): peer mapping and planning for a multi-agency safeguarding partnership`,
      terminationProtection: stage === 'prod',
    });
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app), new NIST80053R5Checks(app));
  return { app, stacks };
}
