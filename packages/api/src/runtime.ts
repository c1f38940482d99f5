import { Logger } from '@aws-lambda-powertools/logger';
import type { HandlerDeps } from '@peermap/http';
import { createDocumentClient, createDynamoStore } from '@peermap/store';
import { z } from 'zod';
import type { ApiDeps } from './deps';

/** What a function needs from its environment; a missing variable stops the cold start. */
const FunctionSettings = z.object({
  TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/),
});

/**
 * The dependencies of a function in AWS, built once per cold start from its environment:
 * the document client, the store and the logger (JSON, with the request id on every line,
 * never the request's body).
 */
export function awsRuntime(environment: Readonly<Record<string, string | undefined>>): {
  deps: ApiDeps;
  handlerDeps: HandlerDeps;
} {
  const settings = FunctionSettings.parse(environment);
  const store = createDynamoStore({ client: createDocumentClient(), tableName: settings.TABLE_NAME });
  return {
    deps: { store, now: () => new Date() },
    handlerDeps: { audit: store.audit, logger: new Logger({ serviceName: 'peermap' }) },
  };
}
