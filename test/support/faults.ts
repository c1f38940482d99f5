import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type {
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DynamoDBDocumentClient,
  TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { DocumentSender } from '@peermap/store';

const WRITES = new Set(['PutCommand', 'DeleteCommand', 'UpdateCommand', 'BatchWriteCommand', 'TransactWriteCommand']);
const WRITE_OPERATIONS = new Set([
  'PutItemCommand',
  'DeleteItemCommand',
  'UpdateItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

/** The process stopped: nothing after this point ran. */
export class Crash extends Error {
  override readonly name = 'Crash';
}

/**
 * A client that lets `writes` write calls through and then stops for good, as a function does
 * when it is killed between two steps: the call that would be next and every call after it fail.
 */
export function crashingAfter(client: DocumentSender, writes: number) {
  let sent = 0;
  let stopped = false;
  const send = (...args: Parameters<DynamoDBDocumentClient['send']>) => {
    if (stopped) return Promise.reject(new Crash('stopped'));
    if (WRITES.has(args[0].constructor.name)) {
      if (sent >= writes) {
        stopped = true;
        return Promise.reject(new Crash(`stopped before write ${sent + 1}`));
      }
      sent += 1;
    }
    return client.send(...args);
  };
  return {
    client: { send: send as DynamoDBDocumentClient['send'] },
    writes: () => sent,
    stopped: () => stopped,
  };
}

export interface BusyTable {
  throttled: number;
  heldBack: number;
  transactionsCancelled: number;
  /** Refuse every write attempt, retries included, as a table that stays busy. */
  refuseAll: boolean;
  /** Back to a well table. */
  stop(): void;
}

const throttling = (commandName: string, input: unknown) => {
  if (commandName === 'TransactWriteItemsCommand') {
    const actions = (input as TransactWriteCommandInput).TransactItems ?? [];
    return new TransactionCanceledException({
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ThrottlingError]',
      $metadata: {},
      CancellationReasons: actions.map(() => ({
        Code: 'ThrottlingError',
        Message: 'Throughput exceeds the current capacity',
      })),
    });
  }
  return new ProvisionedThroughputExceededException({
    message: 'The level of configured provisioned throughput for the table was exceeded.',
    $metadata: { httpStatusCode: 400 },
  });
};

/**
 * Makes DynamoDB Local behave like a busy table on every write path: the first attempt of
 * every `throttleEvery`-th write call is refused as throttled (a transaction as cancelled for
 * throttling), below the SDK's own retries as DynamoDB's refusal would be; and every
 * BatchWriteItem holds back every other request the first time it is sent, answering them
 * as UnprocessedItems.
 */
export function injectBusyTable(client: DynamoDBDocumentClient, options: { throttleEvery: number }): BusyTable {
  const names = ['busyTable', 'holdBackHalfOfEachBatch'];
  const busy: BusyTable = {
    throttled: 0,
    heldBack: 0,
    transactionsCancelled: 0,
    refuseAll: false,
    stop: () => {
      for (const name of names) client.middlewareStack.remove(name);
    },
  };
  let calls = 0;
  const attempted = new WeakSet<object>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const commandName = String(context.commandName);
      if (!WRITE_OPERATIONS.has(commandName)) return next(args);
      const retry = attempted.has(context);
      attempted.add(context);
      if (!busy.refuseAll && (retry || ++calls % options.throttleEvery !== 0)) return next(args);
      if (commandName === 'TransactWriteItemsCommand') busy.transactionsCancelled += 1;
      else busy.throttled += 1;
      throw throttling(commandName, args.input);
    },
    // Inside the SDK's retry middleware, where DynamoDB's refusal arrives.
    { step: 'deserialize', name: 'busyTable' },
  );
  const seen = new Set<string>();
  holdingBackBatchWrites(
    client,
    (requests) => {
      const held = requests.filter((request, index) => {
        const id = JSON.stringify(request);
        if (index % 2 === 1 || seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      busy.heldBack += held.length;
      return held;
    },
    'holdBackHalfOfEachBatch',
  );
  return busy;
}

/**
 * A client that lets `writes` write calls through, then runs `kill` (which ends DynamoDB Local)
 * and sends on: the next call and those after it meet a table that is gone, through the real
 * SDK and its retries. `killed()` says when.
 */
export function killingBefore(client: DocumentSender, writes: number, kill: () => void) {
  let sent = 0;
  let killedAt: number | undefined;
  const send = (...args: Parameters<DynamoDBDocumentClient['send']>) => {
    if (WRITES.has(args[0].constructor.name)) {
      if (sent === writes && killedAt === undefined) {
        kill();
        killedAt = Date.now();
      }
      sent += 1;
    }
    return client.send(...args);
  };
  return {
    client: { send: send as DynamoDBDocumentClient['send'] },
    killed: () => {
      if (killedAt === undefined) throw new Error('DynamoDB Local was never killed: the work wrote less than expected');
      return killedAt;
    },
  };
}

/** One request of a BatchWriteItem, as the document client sends it. */
export type BatchWriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * Makes DynamoDB Local behave like a busy table: before each BatchWriteItem is marshalled,
 * `choose` picks requests to hold back; they are not sent, and come back as UnprocessedItems.
 */
export function holdingBackBatchWrites(
  client: DynamoDBDocumentClient,
  choose: (requests: BatchWriteRequest[], call: number) => BatchWriteRequest[],
  name = 'holdBackSomeWrites',
): void {
  let call = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      const input = args.input as BatchWriteCommandInput;
      const [tableName, requests = []] = Object.entries(input.RequestItems ?? {})[0] ?? [];
      const held = choose(requests, call++);
      const sent = requests.filter((request) => !held.includes(request));
      if (!tableName || sent.length === 0) {
        return { output: { UnprocessedItems: { [tableName ?? '']: held }, $metadata: {} }, response: {} };
      }
      const result = await next({ ...args, input: { ...input, RequestItems: { [tableName]: sent } } });
      const output = result.output as BatchWriteCommandOutput;
      const unprocessed = [...(output.UnprocessedItems?.[tableName] ?? []), ...held];
      return {
        ...result,
        output: { ...output, UnprocessedItems: unprocessed.length ? { [tableName]: unprocessed } : {} },
      };
    },
    { step: 'initialize', name },
  );
}
