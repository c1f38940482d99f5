import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DocumentSender } from './document-sender';
import { isRetryable } from './errors';

/** One put or delete, as BatchWriteItem takes it. */
export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

export interface BatchWriterOptions {
  /** Batches of 25 in flight at once. */
  concurrency: number;
  /** Tries per batch, the first included, before what is left is returned as failed. */
  maxAttempts: number;
  /** Backoff before retry n is a random delay up to min(maxDelayMs, baseDelayMs × 2^n) ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const BATCH_WRITER_DEFAULTS: BatchWriterOptions = {
  concurrency: 8,
  maxAttempts: 8,
  baseDelayMs: 25,
  maxDelayMs: 2_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface FailedWrite {
  request: WriteRequest;
  reason: string;
}

export interface BatchWriteResult {
  written: number;
  /** What could not be written within the retry budget, or was refused: never dropped. */
  failed: FailedWrite[];
  /** BatchWriteItem calls made, retries included. */
  calls: number;
}

/** DynamoDB takes at most 25 requests in one BatchWriteItem. */
export const BATCH_SIZE = 25;

/**
 * Writes many items with BatchWriteItem, several batches in parallel. The SDK retries a
 * throttled call but not the `UnprocessedItems` of a successful one; this does, with
 * exponential backoff and full jitter, and returns whatever still failed instead of dropping it.
 *
 * @example
 *   const { failed } = await writeBatch(doc, table, items.map((Item) => ({ PutRequest: { Item } })));
 *   if (failed.length > 0) … // mark the upload failed; a retry writes them again
 */
export async function writeBatch(
  client: DocumentSender,
  tableName: string,
  requests: readonly WriteRequest[],
  options: Partial<BatchWriterOptions> = {},
): Promise<BatchWriteResult> {
  const settings = { ...BATCH_WRITER_DEFAULTS, ...options };
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    batches.push(requests.slice(start, start + BATCH_SIZE));
  }
  const result: BatchWriteResult = { written: 0, failed: [], calls: 0 };
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      if (batch) await writeOneBatch(client, tableName, batch, settings, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, batches.length) }, worker));
  return result;
}

async function writeOneBatch(
  client: DocumentSender,
  tableName: string,
  batch: WriteRequest[],
  settings: BatchWriterOptions,
  result: BatchWriteResult,
): Promise<void> {
  let pending = batch;
  let lastReason = NOT_PROCESSED;
  for (let attempt = 0; attempt < settings.maxAttempts && pending.length > 0; attempt++) {
    if (attempt > 0) await settings.sleep(backoffDelay(attempt, settings));
    result.calls++;
    try {
      const response = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      const unprocessed: WriteRequest[] = response.UnprocessedItems?.[tableName] ?? [];
      result.written += pending.length - unprocessed.length;
      pending = unprocessed;
      lastReason = NOT_PROCESSED;
    } catch (error) {
      if (!isRetryable(error)) {
        result.failed.push(...pending.map((request) => ({ request, reason: messageOf(error) })));
        return;
      }
      lastReason = `${errorName(error)} after ${attempt + 1} tries`;
    }
  }
  result.failed.push(...pending.map((request) => ({ request, reason: lastReason })));
}

const NOT_PROCESSED = 'left unprocessed by DynamoDB after every retry';

/** The wait before retry `attempt`: random up to min(max, base × 2^attempt) ("full jitter"). */
export function backoffDelay(
  attempt: number,
  settings: Pick<BatchWriterOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
  return Math.floor(settings.random() * ceiling);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const errorName = (error: unknown) => (error instanceof Error ? error.name : 'error');
