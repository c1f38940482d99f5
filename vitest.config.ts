import { configDefaults, defineConfig } from 'vitest/config';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

/** One in-memory DynamoDB Local for the run, however many projects list it (see the file). */
const dynamoDbLocal = ['test/setup/dynamodb-local.ts'];

/*
 * The timeouts are sized for a busy machine: on two cores shared with other CPU-bound
 * processes, CPU-bound work takes several times as long as on an idle one. Each project
 * allows about three to six times what its slowest test without a limit of its own took here
 * with CPU-bound loops running beside other test runs (load average near 10), so that a hang
 * still fails but load alone does not. The figures below are from that machine.
 */
export default defineConfig({
  test: {
    // Two files at a time on two cores: most of an integration file's time is spent waiting on
    // DynamoDB Local, the local server or Chromium, so a second worker fills that wait.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'functions/**/*.test.ts'],
          environment: 'node',
          // The upload reader's fuzz tests build real workbooks: 1.3 s each when idle, 8 s busy.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/src/**/*.test.ts'],
          environment: 'node',
          // cdk-nag synthesizes both stages without bundling in one test (2 s idle, 23 s busy), and
          // a beforeAll builds the web app and synthesizes both stages (about 20 s busy). The real
          // bundling test (a minute, three under load) sets its own limit.
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [
            ...configDefaults.exclude,
            'test/integration/web/**',
            'test/integration/load/**',
            'test/integration/bundles/**',
          ],
          environment: 'node',
          globalSetup: dynamoDbLocal,
          // Loading the four demo weeks takes 15 s with the machine half as busy; tests that take
          // longer set their own limits.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/integration/web/**/*.test.ts'],
          environment: 'node',
          globalSetup: dynamoDbLocal,
          // Chromium, the local server and a build of the web app start in each file's beforeAll;
          // a page-by-page walk through a task takes up to 30 s here.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'load',
          include: ['test/integration/load/**/*.test.ts'],
          environment: 'node',
          globalSetup: dynamoDbLocal,
          // Each scenario runs 4-20 s (longer on a busy machine) after one request alone (up to
          // 5 s busy); the server and an analysis start first.
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Lambda bundles built by esbuild (tens of seconds when idle) and run from an empty
        // folder against DynamoDB Local: apart from `infra`, whose CDK tests need no database.
        test: {
          name: 'bundles',
          include: ['test/integration/bundles/**/*.test.ts'],
          environment: 'node',
          globalSetup: dynamoDbLocal,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
