import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamoDbLocalUnder, freePort, isRunning } from '../../support/processes';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * `npm start` as a person runs it, through npm, the pnpm script and node, on ports and in a
 * data folder of its own. Slow (it loads the demo weeks into an on-disk DynamoDB Local), so
 * it is the only test that starts the whole thing.
 */
describe('npm start', () => {
  const folder = mkdtempSync(join(tmpdir(), 'peermap-start-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('stops on Ctrl+C with exit status 0, DynamoDB Local ended, and nothing reported as failed', async () => {
    const port = await freePort();
    let dynamoPort = await freePort();
    while (dynamoPort === port) dynamoPort = await freePort();
    // A process group of its own, as a terminal gives a foreground job.
    const npm = spawn('npm', ['start'], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        DYNAMODB_PORT: String(dynamoPort),
        PEERMAP_DATA_DIR: join(folder, 'dynamodb'),
        LOG_LEVEL: 'ERROR',
      },
    });
    const group = npm.pid ?? 0;
    let output = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.once('close', (code, signal) => resolve({ code, signal })),
    );
    const ready = new Promise<boolean>((resolve) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl+C to stop.')) resolve(true);
      };
      npm.stdout.on('data', collect);
      npm.stderr.on('data', collect);
      void ended.then(() => resolve(false));
    });

    try {
      expect(await ready, output).toBe(true);
      expect(output).toContain('    loaded the demo week 2026-W45: ');
      expect(output).toContain('    ran the analyses of 2026-W45, 2026-W46, 2026-W47 and 2026-W48');
      const java = dynamoDbLocalUnder(group);
      expect(java, 'a DynamoDB Local under npm start').toBeDefined();

      // What the terminal does on Ctrl+C: SIGINT to every process of the foreground group.
      process.kill(-group, 'SIGINT');

      expect(await ended, output).toEqual({ code: 0, signal: null });
      expect(output).toContain('Stopped.');
      expect(output).not.toMatch(/ELIFECYCLE|Command failed|npm error/);
      expect(isRunning(java ?? 0)).toBe(false);
    } finally {
      // Only if an expectation failed on the way: nothing of this start is left running.
      if (npm.exitCode === null && npm.signalCode === null) process.kill(-group, 'SIGKILL');
    }
  }, 240_000);
});
