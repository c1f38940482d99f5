export { type HeldAnalysis, type HeldUpload, type StartFacts, startBanner } from './banner';
export { DEMO_LOADER, DEMO_PARTNERSHIP, DEMO_WEEKS, type DemoLoad, demoFiles, loadDemo } from './demo';
export { DEMO_LEAD, loadDemoSessions } from './demo-sessions';
export {
  type DynamoDbLocalOptions,
  DynamoDbLocalStartError,
  ensureTable,
  localClientConfig,
  type RunningDynamoDbLocal,
  startDynamoDbLocal,
} from './dynamodb-local';
export { createLocalIdentity, type GatewayClaims, type LocalIdentity, TokenRequest } from './identity';
export { createLocalLargeUploads, type LocalLargeUploads, MAX_LARGE_UPLOAD_BYTES } from './large-uploads';
export { type LocalServerOptions, type RunningServer, startLocalServer } from './server';
