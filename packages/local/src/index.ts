export { DEMO_PARTNERSHIP, DEMO_WEEKS, demoSheets, loadDemo } from './demo';
export {
  type DynamoDbLocalOptions,
  DynamoDbLocalStartError,
  ensureTable,
  localClientConfig,
  type RunningDynamoDbLocal,
  startDynamoDbLocal,
} from './dynamodb-local';
export { createLocalIdentity, type GatewayClaims, type LocalIdentity, TokenRequest } from './identity';
export { hashSheets, type ImportWeekRequest, importWeek, uploadIdFor } from './import-week';
export { type LocalServerOptions, type RunningServer, startLocalServer } from './server';
