import { spawn } from 'node:child_process';
import { BUNDLE_FILE } from '@peermap/infra/build-bundles';

/**
 * What the child runs: it imports the bundle from its own folder as Lambda's runtime does, calls
 * `handler(event, context)` with what it reads on standard input, and writes the outcome on
 * file descriptor 3, since the handler's own logs take standard output.
 */
const INVOKE = `
import { writeSync } from 'node:fs';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { event, context } = JSON.parse(input);
let outcome;
try {
  const { handler } = await import('./${BUNDLE_FILE}');
  const result = await handler(event, { ...context, getRemainingTimeInMillis: () => 29000 });
  outcome = { result: result ?? null };
} catch (error) {
  outcome = { error: error instanceof Error ? error.stack ?? error.message : String(error) };
}
writeSync(3, JSON.stringify(outcome));
process.exit(outcome.error === undefined ? 0 : 1);
`;

export interface Invoked {
  /** What the handler returned (`null` for nothing), or why it failed. */
  readonly result?: unknown;
  readonly error?: string;
  /** The handler's log lines and anything else it printed, for the failure message. */
  readonly output: string;
}

/**
 * Invokes the bundle in `folder` once, in a fresh `node` (a cold start) with only the given
 * environment, the way the Lambda runtime would with `event`.
 */
export function invoke(
  folder: string,
  environment: Record<string, string>,
  event: unknown,
  context: Record<string, unknown>,
): Promise<Invoked> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', INVOKE], {
      cwd: folder,
      env: environment,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let outcome = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      outcome += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (!outcome) {
        resolve({ error: `node ended with ${code} before the handler answered`, output });
        return;
      }
      const answered: unknown = JSON.parse(outcome);
      if (typeof answered === 'object' && answered !== null && 'error' in answered) {
        resolve({ error: String(answered.error), output });
      } else if (typeof answered === 'object' && answered !== null && 'result' in answered) {
        resolve({ result: answered.result, output });
      } else {
        resolve({ error: `the child answered neither a result nor an error: ${outcome}`, output });
      }
    });
    child.stdin.end(JSON.stringify({ event, context }));
  });
}
