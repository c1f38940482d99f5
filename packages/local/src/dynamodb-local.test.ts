import { describe, expect, it } from 'vitest';
import { DynamoDbLocalStartError, startDynamoDbLocal } from './dynamodb-local';

describe('starting DynamoDB Local', () => {
  it('says in one line that Java is needed when there is none', async () => {
    expect.assertions(2);
    const start = startDynamoDbLocal({ java: '/nonexistent/bin/java' });
    await expect(start).rejects.toBeInstanceOf(DynamoDbLocalStartError);
    await expect(start).rejects.toThrow(/needs Java 17 or later.*no `java` was found/);
  });
});
