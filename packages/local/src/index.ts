export {
  type DynamoDbLocalOptions,
  ensureTable,
  JavaMissingError,
  localClientConfig,
  type RunningDynamoDbLocal,
  startDynamoDbLocal,
} from './dynamodb-local';
