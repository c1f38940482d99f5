import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface FailureAlertsProps {
  readonly alarmEmail?: string;
  /** Keep the key and the dead letters when the stack goes (prod): failed work is replayed from them. */
  readonly keep: boolean;
}

export interface AsyncFailureOptions {
  /** What failed, in the alarm's words: "An analysis run". */
  readonly what: string;
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
}

/**
 * Where work started asynchronously (analysis runs, large uploads, the nightly sweep) goes
 * when it fails past its retries: a dead-letter queue per function (and one for the schedule
 * that starts the sweep), kept 14 days to replay, and an alarm on each that tells the
 * operations topic as soon as one message waits.
 */
export class FailureAlerts extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly keep: boolean;

  constructor(scope: Construct, id: string, props: FailureAlertsProps) {
    super(scope, id);
    // CloudWatch publishes to an encrypted topic only if the key lets it.
    this.keep = props.keep;
    const key = new Key(this, 'TopicKey', {
      description: 'peermap: encrypts the operations alerts topic',
      enableKeyRotation: true,
      removalPolicy: props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Only this account's alarms may use the key (no confused deputy).
    key.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      }),
      'kms:Decrypt',
      'kms:GenerateDataKey',
    );
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
    if (props.alarmEmail) {
      const subscription = this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'Alarm emails only: an alarm whose email is not delivered stays in ALARM in CloudWatch and the failed work stays on its dead-letter queue, so nothing is lost; a queue of undelivered alert emails could only alert through this same topic.',
      });
    }
  }

  /** Sends the function's failed asynchronous invocations to a dead-letter queue with an alarm. */
  watch(id: string, handler: IFunction, options: AsyncFailureOptions): Queue {
    const deadLetters = this.deadLetters(id, `${options.what} failed after its retries`);
    handler.configureAsyncInvoke({
      retryAttempts: options.retryAttempts,
      maxEventAge: options.maxEventAge,
      onFailure: new SqsDestination(deadLetters),
    });
    for (const rule of ['Serverless-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ']) {
      Validations.of(handler).acknowledge({
        id: rule,
        reason:
          'Failed asynchronous invocations go to an on-failure destination: an SQS queue with an alarm that receives the event with its error (a dead-letter queue gets the event alone). The rule reads only DeadLetterConfig.',
      });
    }
    return deadLetters;
  }

  /**
   * A dead-letter queue, kept 14 days to replay, with an alarm that tells the operations topic
   * as soon as one message waits on it. `failure` says what happened, in the alarm's words.
   */
  deadLetters(id: string, failure: string): Queue {
    const deadLetters = new Queue(this, `${id}DeadLetters`, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: this.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue.',
    });
    Validations.of(deadLetters).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself a dead-letter queue, and nothing consumes it: a dead-letter queue of a dead-letter queue would only move the same message again. Its alarm tells the operations topic when a message waits, and someone replays or removes it by hand.',
    });
    const alarm = new Alarm(this, `${id}DeadLettersAlarm`, {
      alarmDescription: `${failure}; the event waits on its dead-letter queue.`,
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return deadLetters;
  }
}
