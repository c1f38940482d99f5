import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Records the name of every command the client sends, e.g. to prove that nothing scans. */
export function recordCommands(client: DynamoDBDocumentClient): string[] {
  const names: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      names.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommandNames' },
  );
  return names;
}
