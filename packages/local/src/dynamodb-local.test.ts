import { describe, expect, it } from 'vitest';
import { DynamoDbLocalStartError, startDynamoDbLocal } from './dynamodb-local';

describe('starting DynamoDB Local', () => {
  it('says in one line that Java is needed when there is none', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const start = startDynamoDbLocal();
      await expect(start).rejects.toBeInstanceOf(DynamoDbLocalStartError);
      await expect(start).rejects.toThrow(/needs Java 17 or later.*no `java` was found/);
    } finally {
      process.env['PATH'] = path;
    }
  });
});
