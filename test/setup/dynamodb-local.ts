import { randomUUID } from 'node:crypto';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from '@peermap/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** The table the run's demo weeks are loaded into once, to be copied (test/support/demo-template.ts). */
    demoTemplateTable: string;
  }
}

/** The instance the projects of this run share, and how many of them still use it. */
interface Shared {
  readonly started: Promise<RunningDynamoDbLocal>;
  readonly demoTemplateTable: string;
  users: number;
}

/*
 * Vitest 4 runs a globalSetup file once per project that lists it, each time through that
 * project's own module loader, so a variable of this module is not shared between projects.
 * The process is: the first project starts DynamoDB Local, the others wait for the same
 * start, and the last project to finish stops it.
 */
const SHARED: unique symbol = Symbol.for('peermap.test.dynamodb-local');
const holder = globalThis as typeof globalThis & { [SHARED]?: Shared };

/**
 * One in-memory DynamoDB Local for the whole run (integration, browser, load and bundle
 * tests alike). `DYNAMODB_ENDPOINT` points the tests at one that is already running instead.
 */
export default async function setup(project: TestProject) {
  const external = process.env['DYNAMODB_ENDPOINT'];
  if (external) {
    project.provide('dynamoEndpoint', external);
    project.provide('demoTemplateTable', `peermap-demo-template-${randomUUID()}`);
    return;
  }
  const shared = holder[SHARED] ?? {
    started: startDynamoDbLocal(),
    demoTemplateTable: `peermap-demo-template-${randomUUID()}`,
    users: 0,
  };
  holder[SHARED] = shared;
  shared.users++;
  const dynamo = await shared.started;
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('demoTemplateTable', shared.demoTemplateTable);
  return async () => {
    shared.users--;
    if (shared.users > 0) return;
    delete holder[SHARED];
    await dynamo.stop();
  };
}
