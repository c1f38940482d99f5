import { startDynamoDbLocal } from '@peermap/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole integration suite. `DYNAMODB_ENDPOINT` points
 * the suite at one that is already running instead.
 */
export default async function setup(project: TestProject) {
  const external = process.env['DYNAMODB_ENDPOINT'];
  if (external) {
    project.provide('dynamoEndpoint', external);
    return;
  }
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
