import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/**
 * How every DynamoDB client peermap builds retries and connects: each partnership's client in
 * the Lambda functions, the local server's, the tests' and the benchmarks'. The figures are
 * chosen together; change one with the others in mind.
 */
export const DYNAMO_CLIENT_DEFAULTS = {
  /**
   * The first try and four retries of a transient failure (a reset or timed-out connection, a
   * 5xx) or of throttling, in the SDK's standard mode with DynamoDB's backoff: random waits
   * below 25, 50, 100 and 200 ms before the retries of a transient failure (a reset connection
   * needs a new connection, not a long wait; the retry goes out on another one, so one retry
   * is usually enough), below 1, 2, 4 and 8 s for throttling (15 s at most, half that on
   * average, so a retried call still ends inside API Gateway's 29 s).
   */
  maxAttempts: 5,
  /**
   * Connections open at once to the endpoint; more calls wait for one. 32 holds the widest a
   * request goes (the batch and group writers' 8 each, and two bounded read fan-outs of 8)
   * without waiting. It is also what keeps retries possible when every idle connection turns
   * out to be closed by the server at once: the SDK (as pinned) spends 14 of the client's 500
   * retry tokens on each retry of a transient failure, so 32 failed at once cost 448 and each
   * is retried.
   * The SDK's default of 50 would cost 700: after 35 retries the other failures were answered
   * at once with `attempts: 1` ("socket hang up" on GET /v1/clusters after an analysis).
   */
  maxSockets: 32,
  /**
   * A connection idle this long in the pool is closed by the client, before DynamoDB Local
   * closes it (it does after 30 s), so a call is seldom written into a connection the server
   * is closing. Seldom, not never: when the event loop was busy past both, the call can go
   * out before the timer runs, and the retries above take over.
   */
  idleSocketMs: 20_000,
  /**
   * Connecting (to the regional endpoint, or to 127.0.0.1) takes milliseconds; the time spent
   * waiting for one of the `maxSockets` connections counts too. Past 5 s the call is abandoned
   * and retried.
   */
  connectionTimeoutMs: 5_000,
  /**
   * DynamoDB answers in milliseconds, DynamoDB Local on disk and busy within a few seconds: a
   * call still unanswered after 15 s is on a dead connection, and is abandoned and retried with
   * room left for the retry inside API Gateway's 29 s.
   */
  requestTimeoutMs: 15_000,
} as const;

/** The client settings that carry `DYNAMO_CLIENT_DEFAULTS`: retries, and the connections they go out on. */
export type DynamoClientDefaults = Required<Pick<DynamoDBClientConfig, 'maxAttempts' | 'retryMode' | 'requestHandler'>>;

/**
 * The retry settings and the HTTP handler's settings (with a keep-alive connection pool of its
 * own) for one DynamoDB client; `createDynamoClient` and `createDocumentClient` apply them. A
 * fresh pool each time, since destroying a client closes its pool. The handler is the SDK's
 * own `NodeHttpHandler`, built from these options (the SDK's copy is the one the bundles
 * already ship; nothing more of `@smithy/*` is imported). `maxAttempts` is for a caller that must
 * not retry, such as a probe that polls until DynamoDB Local answers.
 *
 * @example new DynamoDBClient({ region: 'eu-west-2', ...dynamoClientDefaults() })
 */
export function dynamoClientDefaults(options: { maxAttempts?: number } = {}): DynamoClientDefaults {
  const settings = DYNAMO_CLIENT_DEFAULTS;
  // Keep-alive spares a TCP (and in AWS a TLS) handshake per call; `timeout` is how long a
  // connection may stay idle in the pool.
  const agent = { keepAlive: true, maxSockets: settings.maxSockets, timeout: settings.idleSocketMs };
  return {
    // Said here, not left to AWS_MAX_ATTEMPTS, AWS_RETRY_MODE or a profile on the machine.
    maxAttempts: options.maxAttempts ?? settings.maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      httpAgent: new HttpAgent(agent),
      httpsAgent: new HttpsAgent(agent),
      connectionTimeout: settings.connectionTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Without it a call past its timeout is only warned about, and waits on.
      throwOnRequestTimeout: true,
    },
  };
}
