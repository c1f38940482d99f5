import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { TooLargeError, UnavailableError } from '@peermap/domain';

/** An item in the table does not match its schema: a defect or a migration gap, never user input. */
export class CorruptItemError extends Error {
  override readonly name = 'CorruptItemError';
}

/** Whether DynamoDB refused because the table is busy, so the same request can be tried again. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof ProvisionedThroughputExceededException ||
    error instanceof ThrottlingException ||
    error instanceof RequestLimitExceeded ||
    error instanceof InternalServerError ||
    error instanceof TransactionConflictException
  );
}

/** Whether a single write was refused because its condition failed. */
export function isConditionFailure(error: unknown): error is ConditionalCheckFailedException {
  return error instanceof ConditionalCheckFailedException;
}

/** Whether a transaction was cancelled because one of its conditions failed (not a conflict). */
export function isTransactionConditionFailure(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
}

/**
 * Turns a busy-table error into the domain's `UnavailableError`, and an item over DynamoDB's
 * 400 KB into `TooLargeError` (what someone wrote is too long to keep); anything else is
 * rethrown as it is.
 */
export function toDomainError(error: unknown): unknown {
  if (isRetryable(error) || isTransactionCancelledByConflict(error)) {
    return new UnavailableError('The store is busy; try again shortly.', { cause: error });
  }
  if (isItemTooLarge(error)) {
    return new TooLargeError('This is too large to keep as one record: shorten the text or split it.', {
      cause: error,
    });
  }
  return error;
}

const ITEM_TOO_LARGE = /item size (has exceeded|to update has exceeded) the maximum allowed size/i;

function isItemTooLarge(error: unknown): boolean {
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((reason) => ITEM_TOO_LARGE.test(reason.Message ?? ''));
  }
  return error instanceof Error && error.name === 'ValidationException' && ITEM_TOO_LARGE.test(error.message);
}

/**
 * Whether a transaction was cancelled only because the table was busy (throttled, or another
 * transaction held an item): nothing was written and the same transaction can be sent again.
 */
export function isBusyTransaction(error: unknown): boolean {
  return isRetryable(error) || (isTransactionCancelledByConflict(error) && !isTransactionConditionFailure(error));
}

function isTransactionCancelledByConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some(
      (reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError',
    )
  );
}
