import { INITIAL_RETRY_TOKENS, Retry } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { DYNAMO_CLIENT_DEFAULTS } from './client-defaults';

describe('the DynamoDB client defaults', () => {
  it('can retry every pooled connection failing at once within the SDK’s retry tokens', () => {
    expect(DYNAMO_CLIENT_DEFAULTS.maxSockets * Retry.cost()).toBeLessThanOrEqual(INITIAL_RETRY_TOKENS);
  });

  it('closes an idle connection before DynamoDB Local does, after 30 s', () => {
    expect(DYNAMO_CLIENT_DEFAULTS.idleSocketMs).toBeLessThan(30_000);
  });
});
