import type * as z from 'zod';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What one status of a route answers with: a JSON body of this schema, files of these media types, or nothing. */
export interface Content {
  readonly json?: z.ZodType;
  readonly files?: readonly string[];
}

/** Every status a route answers with on success, and what each carries. */
export type Responses = Readonly<Record<number, Content>>;

/** A route as its clients know it: its name in the API document and its answers. */
export interface Operation {
  readonly operationId: string;
  readonly responses: Responses;
}

/** An answer of 200 with a JSON body. */
export const read = <Id extends string, Body extends z.ZodType>(operationId: Id, body: Body) =>
  ({ operationId, responses: { 200: { json: body } } }) as const;

/** An answer of 201 with the created record (or its view) as a JSON body. */
export const created = <Id extends string, Body extends z.ZodType>(operationId: Id, body: Body) =>
  ({ operationId, responses: { 201: { json: body } } }) as const;

/** An answer of 204: done, nothing to say. */
export const removed = <Id extends string>(operationId: Id) => ({ operationId, responses: { 204: {} } }) as const;

/** An answer of 200 with a file of one of these media types. */
export const file = <Id extends string>(operationId: Id, ...mediaTypes: string[]) =>
  ({ operationId, responses: { 200: { files: mediaTypes } } }) as const;
