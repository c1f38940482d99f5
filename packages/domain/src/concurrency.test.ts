import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './concurrency';

/** A call that ends when the test says, so the test decides the order calls finish in. */
function controlledCalls() {
  let underWay = 0;
  let mostAtOnce = 0;
  const started: number[] = [];
  const finish = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  const call = (item: number) =>
    new Promise<string>((resolve, reject) => {
      underWay++;
      mostAtOnce = Math.max(mostAtOnce, underWay);
      started.push(item);
      finish.set(item, {
        resolve: (value) => {
          underWay--;
          resolve(value);
        },
        reject: (error) => {
          underWay--;
          reject(error);
        },
      });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { call, started, finish, settle, mostAtOnce: () => mostAtOnce };
}

describe('mapWithConcurrency', () => {
  it('never has more than the limit under way, starting the next as soon as one ends', async () => {
    const calls = controlledCalls();
    const all = mapWithConcurrency([0, 1, 2, 3, 4, 5, 6], 3, calls.call);
    await calls.settle();
    expect(calls.started).toEqual([0, 1, 2]);

    calls.finish.get(1)?.resolve('one');
    await calls.settle();
    expect(calls.started).toEqual([0, 1, 2, 3]);

    for (const item of [0, 2, 3, 4, 5, 6]) {
      calls.finish.get(item)?.resolve(String(item));
      await calls.settle();
    }
    await all;
    expect(calls.mostAtOnce()).toBe(3);
  });

  it('keeps the order of the items, whatever order the calls end in', async () => {
    const calls = controlledCalls();
    const all = mapWithConcurrency([10, 20, 30, 40], 2, calls.call);
    await calls.settle();
    calls.finish.get(20)?.resolve('twenty');
    await calls.settle();
    calls.finish.get(30)?.resolve('thirty');
    await calls.settle();
    calls.finish.get(40)?.resolve('forty');
    calls.finish.get(10)?.resolve('ten');

    expect(await all).toEqual(['ten', 'twenty', 'thirty', 'forty']);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    expect.assertions(2);
    const calls = controlledCalls();
    const rejected = expect(mapWithConcurrency([1, 2, 3, 4, 5], 2, calls.call)).rejects.toThrow('the store is busy');
    await calls.settle();
    calls.finish.get(2)?.reject(new Error('the store is busy'));
    calls.finish.get(1)?.resolve('one');
    await calls.settle();

    await rejected;
    expect(calls.started).toEqual([1, 2]);
  });

  it('passes each item’s index, and answers an empty list at once', async () => {
    expect(await mapWithConcurrency(['a', 'b', 'c'], 8, async (item, index) => `${index}${item}`)).toEqual([
      '0a',
      '1b',
      '2c',
    ]);
    expect(await mapWithConcurrency([], 8, async () => 'never')).toEqual([]);
  });

  it('refuses a limit that is not a whole number from 1', async () => {
    expect.assertions(2);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
    await expect(mapWithConcurrency([1], 1.5, async () => 1)).rejects.toThrow(/whole number from 1/);
  });
});
