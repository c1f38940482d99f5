import type { Permission } from './roles';

/** A field path and a plain-English message, as a validation problem is shown to a user. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * The errors a use case or adapter can end in. Each has a `kind` that the HTTP layer maps
 * to a status in one place; nothing matches errors by class name.
 */
export abstract class PeermapError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'not-found'
    | 'already-exists'
    | 'conflict'
    | 'version-conflict'
    | 'forbidden'
    | 'unauthenticated'
    | 'unavailable'
    | 'too-large'
    | 'over-limit';
}

export class ValidationError extends PeermapError {
  override readonly name = 'ValidationError';
  readonly kind = 'validation';
  constructor(
    message: string,
    readonly problems: readonly FieldProblem[] = [],
    options?: ErrorOptions & { details?: Readonly<Record<string, unknown>> },
  ) {
    super(message, options);
    this.details = options?.details;
  }

  /** More for the person who sent it (an upload's problems by sheet, row and column). */
  readonly details: Readonly<Record<string, unknown>> | undefined;
}

export class NotFoundError extends PeermapError {
  override readonly name = 'NotFoundError';
  readonly kind = 'not-found';
  constructor(
    readonly entity: string,
    readonly ref: string,
  ) {
    super(`No ${entity} ${ref} in this partnership.`);
  }
}

export class AlreadyExistsError extends PeermapError {
  override readonly name = 'AlreadyExistsError';
  readonly kind = 'already-exists';
  constructor(
    readonly entity: string,
    readonly ref: string,
    options?: ErrorOptions,
  ) {
    super(`A ${entity} ${ref} already exists in this partnership.`, options);
  }
}

/** The change cannot be made in the record's present state (a person still linked to others, say). */
export class ConflictError extends PeermapError {
  override readonly name = 'ConflictError';
  readonly kind = 'conflict';
}

/** Someone changed the record since it was read: reload it and apply the change again. */
export class VersionConflictError extends PeermapError {
  override readonly name = 'VersionConflictError';
  readonly kind = 'version-conflict';
  constructor(
    readonly entity: string,
    readonly ref: string,
    readonly expectedVersion: number,
    options?: ErrorOptions,
  ) {
    super(`The ${entity} ${ref} has changed since version ${expectedVersion} was read.`, options);
  }
}

export class ForbiddenError extends PeermapError {
  override readonly name = 'ForbiddenError';
  readonly kind = 'forbidden';
  constructor(readonly permission: Permission) {
    super(`Your role does not allow this (${permission}).`);
  }
}

export class UnauthenticatedError extends PeermapError {
  override readonly name = 'UnauthenticatedError';
  readonly kind = 'unauthenticated';
}

/** A dependency (the table) could not do the work now; the request can be tried again. */
export class UnavailableError extends PeermapError {
  override readonly name = 'UnavailableError';
  readonly kind = 'unavailable';
}

/** The record would be larger than the store keeps in one item (400 KB): it must be made smaller. */
export class TooLargeError extends PeermapError {
  override readonly name = 'TooLargeError';
  readonly kind = 'too-large';
}

/**
 * An upload past one of its named limits (rows, unpacked size, cell length, …): refused as
 * soon as the count passes, before the rest is read, so no file can exhaust memory or hold
 * the service up. Names the limit and its value, and says what to do instead.
 */
export class LimitExceededError extends PeermapError {
  override readonly name = 'LimitExceededError';
  readonly kind = 'over-limit';
  constructor(
    readonly limit: string,
    readonly allowed: number,
    message: string,
    options?: ErrorOptions & { details?: Readonly<Record<string, unknown>> },
  ) {
    super(message, options);
    this.details = options?.details;
  }

  /** More for the person who sent it (the id of the upload kept as refused). */
  readonly details: Readonly<Record<string, unknown>> | undefined;
}
