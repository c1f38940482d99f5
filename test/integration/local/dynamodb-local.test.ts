import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dynamoDbLocalUnder, isRunning } from '../../support/processes';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const HOLDER = join(import.meta.dirname, 'dynamodb-local-holder.fixture.ts');

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
    const java = dynamoDbLocalUnder(pid);
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
