import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one method of a document client the store calls. A plain `DynamoDBDocumentClient` is one;
 * in AWS a tenant-scoped client stands in, sending each call with the caller's partnership's
 * credentials (`tenant-scope.ts`).
 */
export interface DocumentSender {
  send: DynamoDBDocumentClient['send'];
}
