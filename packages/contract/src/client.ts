import type * as z from 'zod';
import type { Method } from './operation';
import type { OPERATIONS, RouteKey } from './operations';

type Operations = typeof OPERATIONS;
type JsonOf<C> = C extends { readonly json: infer Schema extends z.ZodType } ? z.output<Schema> : undefined;
type ResponsesOf<K extends RouteKey> = Operations[K]['responses'];

/** The JSON body a route answers with on success (every success status's, as one union). */
export type SuccessBody<K extends RouteKey> = {
  [Status in keyof ResponsesOf<K>]: JsonOf<ResponsesOf<K>[Status]>;
}[keyof ResponsesOf<K>];

/** A route's success answers as status and body, one per status it lists (a dry run's 200 beside an upload's 201). */
export type SuccessAnswer<K extends RouteKey> = {
  [Status in keyof ResponsesOf<K>]: { status: Status; body: JsonOf<ResponsesOf<K>[Status]> };
}[keyof ResponsesOf<K>];

/** The path templates of the routes of one method: `/v1/clusters/{id}` for `GET`. */
export type PathOf<M extends Method> = { [K in RouteKey]: K extends `${M} ${infer Path}` ? Path : never }[RouteKey];

/** What a route's path template names: `{ id: string }` for `/v1/clusters/{id}`. */
export type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? { [P in Name]: string } & PathParams<Rest>
  : unknown;

/** The JSON body of a route by method and path template. */
export type BodyOf<M extends Method, Path extends PathOf<M>> = `${M} ${Path}` extends RouteKey
  ? SuccessBody<`${M} ${Path}`>
  : never;

/** The success answers of a route by method and path template. */
export type AnswerOf<M extends Method, Path extends PathOf<M>> = `${M} ${Path}` extends RouteKey
  ? SuccessAnswer<`${M} ${Path}`>
  : never;
