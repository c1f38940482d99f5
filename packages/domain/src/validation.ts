import type * as z from 'zod';
import { type FieldProblem, ValidationError } from './errors';

/**
 * Parses a value with a schema and turns zod's issues into a `ValidationError` whose
 * problems name each field by its dotted path (`consent.recordedOn`, `actions.2.dueOn`).
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(`The ${what} is not valid.`, problemsOf(result.error));
}

/** The field problems of a zod error, in the order zod found them. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
