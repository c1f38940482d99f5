import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type AnyRoute, NO_SUBJECTS, route } from './route';
import { ContractBreach, shapedByContract } from './shape';

const thing: AnyRoute = route({
  method: 'GET',
  path: '/v1/things/{ref}',
  operationId: 'getThing',
  summary: 'A thing',
  permission: 'young-people:read',
  resource: 'things',
  action: 'read',
  responses: { 200: { json: z.object({ ref: z.string() }) }, 204: {}, 201: { files: ['text/csv'] } },
  handle: async () => ({ status: 204, subjects: NO_SUBJECTS }),
});
const answer = (status: number, rest: object) => ({ status, subjects: NO_SUBJECTS, ...rest });

describe('an answer shaped by its contract', () => {
  it('sends only the fields the contract names', () => {
    const shaped = shapedByContract(thing, answer(200, { body: { ref: 'T1', secret: 'not for you' } }));
    expect(shaped.body).toEqual({ ref: 'T1' });
  });

  it('passes a file of a listed type and an empty answer where none is described', () => {
    const file = { contentType: 'text/csv; charset=utf-8', filename: 't.csv', bytes: new Uint8Array() };
    expect(shapedByContract(thing, answer(201, { file })).file).toBe(file);
    expect(shapedByContract(thing, answer(204, {})).body).toBeUndefined();
  });

  it('is a fault of peermap when the answer does not fit, naming the field but not its value', () => {
    const wrong = () => shapedByContract(thing, answer(200, { body: { ref: ['Alex Example'] } }));
    expect(wrong).toThrow(ContractBreach);
    expect(wrong).toThrow(/ref: invalid_type/);
    expect(wrong).not.toThrow(/Alex/);
    expect(() => shapedByContract(thing, answer(202, { body: {} }))).toThrow(/does not list/);
    expect(() => shapedByContract(thing, answer(204, { body: { ref: 'T1' } }))).toThrow(ContractBreach);
    expect(() => shapedByContract(thing, answer(200, {}))).toThrow(/without the body/);
  });
});
