import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The live processes of this machine and their parents, from /proc (Linux). */
function processTree(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields that follow come after the last ")".
      const [state = '', parent = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      children.set(Number(parent), [...(children.get(Number(parent)) ?? []), Number(name)]);
    } catch {
      // The process ended while the list was read.
    }
  }
  return children;
}

/** Every live process under `pid`: children, their children, and so on. */
export function descendantsOf(pid: number): number[] {
  const tree = processTree();
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const child of tree.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** A process's command line, or '' once it has ended. */
export const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\u0000', ' ');
  } catch {
    return '';
  }
};

/** Whether a process runs (a zombie, ended but not yet reaped, does not). */
export const isRunning = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

/** The DynamoDB Local (its java) under `pid`, if one runs there. */
export const dynamoDbLocalUnder = (pid: number) =>
  descendantsOf(pid).find((child) => commandOf(child).includes('DynamoDBLocal.jar'));

/** A port nothing listens on at the moment, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
