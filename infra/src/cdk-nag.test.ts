import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { appWithoutBundling, builtWebApp } from './app.testing';

process.env['CDK_VALIDATION'] = 'false';

describe("cdk-nag's AWS Solutions checks", () => {
  beforeAll(async () => {
    await builtWebApp();
  });

  it('find no unacknowledged error in either stage (each acknowledgement carries its reason)', () => {
    const { app } = appWithoutBundling();
    expect(() => app.synth()).not.toThrow();
  });

  it('do run: a queue without TLS enforcement stops the synthesis', () => {
    const { app, stacks } = appWithoutBundling({ stage: 'dev' });
    if (stacks.dev) new Queue(stacks.dev, 'Careless', { enforceSSL: false });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
