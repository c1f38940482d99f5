export { batchGet } from './batch-get';
export {
  BATCH_SIZE,
  BATCH_WRITER_DEFAULTS,
  type BatchWriteResult,
  type BatchWriterOptions,
  type FailedWrite,
  type WriteRequest,
  writeBatch,
} from './batch-writer';
export { planUpserts, type UpsertPlan } from './bulk-upsert';
export { DYNAMO_CLIENT_DEFAULTS, type DynamoClientDefaults, dynamoClientDefaults } from './client-defaults';
export { decodeCursor, type EntityModel, encodeCursor, fromItem, type Item, MAX_PAGE_SIZE, toItem } from './codec';
export type { DocumentSender } from './document-sender';
export { CorruptItemError } from './errors';
export {
  type GroupWriteResult,
  TRANSACTION_SIZE,
  type TransactAction,
  type WriteGroup,
  writeGroups,
} from './group-writer';
export * as keys from './keys';
export * as models from './models';
export type { StoreContext } from './repository';
export { moveRestrictedIntoOwnLayer, type RestrictedLayerMove } from './restricted-layer';
export { createDocumentClient, createDynamoClient, createDynamoStore, type DynamoClientSettings } from './store';
export { createTableInput, type IndexName, KEY_ATTRIBUTES, TABLE_DEFINITION } from './table';
export { type TenantCredentialSettings, tenantClients } from './tenant-credentials';
export {
  AUDIT_PARTITIONS,
  createTenantScopedClient,
  NoPartnershipScopeError,
  type RunAsPartnership,
  TABLE_ACTIONS,
  TABLE_KEY_ACTIONS,
  type TenantPolicyInput,
  tableResources,
  tenantSessionPolicy,
} from './tenant-scope';
