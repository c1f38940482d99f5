import { startDynamoDbLocal } from '@peermap/local';

/**
 * A process that starts DynamoDB Local and keeps running, for a test to kill: prints the
 * endpoint once DynamoDB Local answers.
 */
const dynamo = await startDynamoDbLocal();
process.stdout.write(`${dynamo.endpoint}\n`);
setInterval(() => {}, 60_000);
