import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BATCH_WRITER_DEFAULTS, type BatchWriterOptions, backoffDelay } from './batch-writer';
import type { DocumentSender } from './document-sender';
import { isBusyTransaction, isRetryable } from './errors';

/** One conditional put, update, delete or check, as TransactWriteItems takes it. */
export type TransactAction = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Actions that must succeed or fail together: a record with its conditions and its link items. */
export interface WriteGroup {
  /** What the group is, for a failure report: `carer CR00012`. */
  readonly label: string;
  readonly actions: readonly TransactAction[];
}

export interface GroupWriteResult {
  written: number;
  /** Groups not written: a condition failed (changed since read) or the retry budget ran out. Never dropped. */
  failed: { group: WriteGroup; reason: string }[];
  /** TransactWriteItems calls made, retries included. */
  calls: number;
}

/**
 * Sends one transaction, again with backoff while DynamoDB cancels it for throttling or a
 * conflicting transaction: the SDK retries a throttled call, but not a cancelled transaction.
 * A cancelled transaction wrote nothing, so sending it again is safe (the SDK's own retries of
 * a lost answer keep the idempotency token it made); anything else (a failed condition, a table
 * that stays busy) is thrown to the caller.
 */
export async function sendTransaction(
  client: DocumentSender,
  actions: readonly TransactAction[],
  options: Partial<BatchWriterOptions> = {},
): Promise<void> {
  const settings = { ...BATCH_WRITER_DEFAULTS, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: [...actions] }));
      return;
    } catch (error) {
      if (!isBusyTransaction(error) || attempt >= settings.maxAttempts) throw error;
      await settings.sleep(backoffDelay(attempt, settings));
    }
  }
}

/** DynamoDB takes at most 100 actions in one transaction. */
export const TRANSACTION_SIZE = 100;

/**
 * Writes many groups of conditional actions, packing whole groups into transactions of up to
 * 100 actions, several transactions in parallel. A group whose condition fails is returned as
 * failed and the rest of its transaction is written again without it; a busy table or a
 * transaction conflict is retried with exponential backoff and full jitter; what still fails
 * after the retry budget is returned, never dropped.
 */
export async function writeGroups(
  client: DocumentSender,
  groups: readonly WriteGroup[],
  options: Partial<BatchWriterOptions> & { signal?: AbortSignal | undefined } = {},
): Promise<GroupWriteResult> {
  const { signal, ...writerOptions } = options;
  const settings = { ...BATCH_WRITER_DEFAULTS, ...writerOptions };
  const result: GroupWriteResult = { written: 0, failed: [], calls: 0 };
  const oversized = groups.filter((group) => group.actions.length > TRANSACTION_SIZE);
  result.failed.push(...oversized.map((group) => ({ group, reason: 'more than 100 actions in one group' })));
  const transactions = pack(groups.filter((group) => group.actions.length <= TRANSACTION_SIZE));
  let next = 0;
  const worker = async () => {
    while (next < transactions.length) {
      const transaction = transactions[next++];
      if (!transaction) continue;
      // Work that lost its hold (another process took it over) writes nothing more; what is left is reported.
      if (signal?.aborted) {
        result.failed.push(...transaction.map((group) => ({ group, reason: 'the work was taken over' })));
        continue;
      }
      await writeTransaction(client, transaction, settings, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, transactions.length) }, worker));
  return result;
}

function pack(groups: readonly WriteGroup[]): WriteGroup[][] {
  const transactions: WriteGroup[][] = [];
  let current: WriteGroup[] = [];
  let size = 0;
  for (const group of groups) {
    if (size + group.actions.length > TRANSACTION_SIZE) {
      transactions.push(current);
      current = [];
      size = 0;
    }
    current.push(group);
    size += group.actions.length;
  }
  if (current.length > 0) transactions.push(current);
  return transactions;
}

async function writeTransaction(
  client: DocumentSender,
  transaction: WriteGroup[],
  settings: BatchWriterOptions,
  result: GroupWriteResult,
): Promise<void> {
  let pending = transaction;
  let busyTries = 0;
  while (pending.length > 0) {
    if (busyTries >= settings.maxAttempts) {
      result.failed.push(
        ...pending.map((group) => ({ group, reason: `the table stayed busy for ${busyTries} tries` })),
      );
      return;
    }
    if (busyTries > 0) await settings.sleep(backoffDelay(busyTries, settings));
    result.calls++;
    const outcome = await attempt(client, pending);
    if (outcome.kind === 'written') {
      result.written += pending.length;
      return;
    }
    if (outcome.kind === 'invalid') {
      await writeAlone(client, pending, settings, result, outcome.error);
      return;
    }
    if (outcome.kind === 'refused') {
      result.failed.push(...outcome.groups.map((group) => ({ group, reason: 'it changed since it was read' })));
      pending = pending.filter((group) => !outcome.groups.includes(group));
    } else {
      busyTries++;
    }
  }
}

type Outcome =
  | { kind: 'written' }
  | { kind: 'refused'; groups: WriteGroup[] }
  | { kind: 'busy' }
  | { kind: 'invalid'; error: unknown };

async function attempt(client: DocumentSender, pending: WriteGroup[]): Promise<Outcome> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: pending.flatMap((group) => [...group.actions]) }));
    return { kind: 'written' };
  } catch (error) {
    const refused = refusedGroups(error, pending);
    if (refused) return { kind: 'refused', groups: refused };
    if (isRetryable(error) || error instanceof TransactionCanceledException) return { kind: 'busy' };
    return { kind: 'invalid', error };
  }
}

/** The groups whose own condition failed, when a transaction was cancelled for that reason. */
function refusedGroups(error: unknown, pending: WriteGroup[]): WriteGroup[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  let offset = 0;
  const refused: WriteGroup[] = [];
  for (const group of pending) {
    const own = reasons.slice(offset, offset + group.actions.length);
    if (own.some((reason) => reason.Code === 'ConditionalCheckFailed')) refused.push(group);
    offset += group.actions.length;
  }
  return refused.length > 0 ? refused : undefined;
}

/** A transaction DynamoDB refused outright (an item too large, say): find the group at fault. */
async function writeAlone(
  client: DocumentSender,
  pending: WriteGroup[],
  settings: BatchWriterOptions,
  result: GroupWriteResult,
  error: unknown,
): Promise<void> {
  if (pending.length === 1 && pending[0]) {
    result.failed.push({ group: pending[0], reason: error instanceof Error ? error.message : String(error) });
    return;
  }
  for (const group of pending) await writeTransaction(client, [group], settings, result);
}
