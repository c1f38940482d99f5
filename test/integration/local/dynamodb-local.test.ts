import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const HOLDER = join(import.meta.dirname, 'dynamodb-local-holder.fixture.ts');

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

function descendantsOf(pid: number): number[] {
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

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\u0000', ' ');
  } catch {
    return '';
  }
};

const isRunning = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('the DynamoDB Local that the local runtime starts', () => {
  it('ends when the node process that started it is killed outright', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = holder.pid ?? 0;
    const started = await new Promise<boolean>((resolve) => {
      holder.stdout.once('data', () => resolve(true));
      holder.once('exit', () => resolve(false));
    });
    expect(started).toBe(true);
    const java = descendantsOf(pid).find((child) => commandOf(child).includes('DynamoDBLocal.jar'));
    expect(java).toBeDefined();
    const javaPid = java ?? 0;

    // As the kernel ends a process that ran out of memory: no exit handler runs.
    process.kill(pid, 'SIGKILL');
    let javaRunning = true;
    for (let waited = 0; waited < 200 && javaRunning; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      javaRunning = isRunning(javaPid);
    }
    if (javaRunning) process.kill(javaPid, 'SIGKILL');
    expect(javaRunning).toBe(false);
  }, 90_000);
});
