import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { appWithoutBundling, builtWebApp } from './app.testing';

process.env['CDK_VALIDATION'] = 'false';

/** Both stages under three packs take a few seconds, more than vitest's default on a busy machine. */
const SYNTH_TIMEOUT = 30_000;

describe("cdk-nag's AWS Solutions, Serverless and NIST 800-53 rev 5 checks", () => {
  beforeAll(async () => {
    await builtWebApp();
  }, SYNTH_TIMEOUT);

  it(
    'find no unacknowledged error in either stage (each acknowledgement carries its reason)',
    () => {
      const { app } = appWithoutBundling();
      expect(() => app.synth()).not.toThrow();
    },
    SYNTH_TIMEOUT,
  );

  it(
    'do run AWS Solutions: a queue without TLS enforcement stops the synthesis',
    () => {
      const { app, stacks } = appWithoutBundling({ stage: 'dev' });
      if (stacks.dev) new Queue(stacks.dev, 'Careless', { enforceSSL: false });
      expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'do run Serverless: a scheduled target without a dead-letter queue stops the synthesis',
    () => {
      const { app, stacks } = appWithoutBundling({ stage: 'dev' });
      const target = stacks.dev?.functions.get('openapi')?.function;
      if (stacks.dev && target) {
        new Rule(stacks.dev, 'Careless', {
          schedule: Schedule.rate(Duration.hours(1)),
          targets: [new LambdaFunction(target)],
        });
      }
      expect(() => app.synth()).toThrow(/Serverless-EventBusDLQ/);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'do run NIST 800-53 rev 5: a log group without a customer-managed key stops the synthesis',
    () => {
      const { app, stacks } = appWithoutBundling({ stage: 'dev' });
      if (stacks.dev) new LogGroup(stacks.dev, 'Careless');
      expect(() => app.synth()).toThrow(/NIST\.800\.53\.R5-CloudWatchLogGroupEncrypted/);
    },
    SYNTH_TIMEOUT,
  );
});
