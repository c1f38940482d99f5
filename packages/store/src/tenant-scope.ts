import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DocumentSender } from './document-sender';
import { auditEventKey, partnershipPrefix } from './keys';
import { TABLE_DEFINITION } from './table';

/**
 * The item-level actions a function may be granted on the table. Reading functions still
 * write their audit events; Scan is never granted (no access pattern needs it, and a Scan
 * has no partition key for IAM to pin).
 */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  // Conditional puts and deletes, alone or in transactions, and conditional updates: a change of
  // state (an analysis run, an upload slot) writes only what changed (`transition`).
  write: ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem'],
  /** What a reading function may write: its audit events, and nothing else. */
  audit: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
} as const;

/** What a reading function may write to: the audit event partitions (`P#<partnership>#AUDIT#<id>`). */
export const AUDIT_PARTITIONS = auditEventKey('*', '*').PK;

/** The KMS actions DynamoDB needs of a caller to read and write a table under a customer-managed key. */
export const TABLE_KEY_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
] as const;

/** The table and each of its indexes by ARN: no wildcard reaches an index added later. */
export const tableResources = (tableArn: string): string[] => [
  tableArn,
  ...Object.keys(TABLE_DEFINITION.indexes).map((index) => `${tableArn}/index/${index}`),
];

export interface TenantPolicyInput {
  readonly partnershipId: string;
  readonly tableArn: string;
  readonly tableKeyArn: string;
  readonly region: string;
}

/**
 * The session policy a function attaches when it assumes its data role for one partnership.
 * The session's permissions are the intersection of this and the role's own policy, so even a
 * handler that built a key for another partnership is refused by IAM. `ForAllValues` with a
 * `Null` check is the pair that closes the gap of a request with no partition key at all.
 */
export function tenantSessionPolicy(input: TenantPolicyInput): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OnePartnershipsItems',
        Effect: 'Allow',
        Action: [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write],
        Resource: tableResources(input.tableArn),
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${partnershipPrefix(input.partnershipId)}*`] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      },
      {
        Sid: 'TheTablesKeyThroughDynamoDB',
        Effect: 'Allow',
        Action: [...TABLE_KEY_ACTIONS],
        Resource: input.tableKeyArn,
        Condition: { StringEquals: { 'kms:ViaService': `dynamodb.${input.region}.amazonaws.com` } },
      },
    ],
  });
}

/** Runs work as one partnership: every table call inside goes out with that partnership's client. */
export type RunAsPartnership = <T>(partnershipId: string, work: () => Promise<T>) => Promise<T>;

/** A table call was made outside a partnership's scope: a fault in peermap, refused rather than guessed. */
export class NoPartnershipScopeError extends Error {
  constructor(detail: string) {
    super(`A table call was refused: ${detail}.`);
    this.name = 'NoPartnershipScopeError';
  }
}

/**
 * A document client that sends each call with the client of the partnership whose work is
 * running (from `runAs`, set by the handler from the verified token, never from the data).
 * Outside `runAs` every call is refused, and work for one partnership cannot start another's.
 * One client per partnership is kept for the life of the container.
 */
export function createTenantScopedClient(clientFor: (partnershipId: string) => DynamoDBDocumentClient): {
  client: DocumentSender;
  runAs: RunAsPartnership;
} {
  const scope = new AsyncLocalStorage<string>();
  const clients = new Map<string, DynamoDBDocumentClient>();
  const current = () => {
    const partnershipId = scope.getStore();
    if (partnershipId === undefined) throw new NoPartnershipScopeError('no partnership is in scope');
    let client = clients.get(partnershipId);
    if (!client) {
      client = clientFor(partnershipId);
      clients.set(partnershipId, client);
    }
    return client;
  };
  const send = (...args: Parameters<DynamoDBDocumentClient['send']>) => current().send(...args);
  return {
    // The overloads of `send` are one function underneath; this forwards whichever was called.
    client: { send: send as DynamoDBDocumentClient['send'] },
    runAs: (partnershipId, work) => {
      const running = scope.getStore();
      if (running !== undefined && running !== partnershipId) {
        return Promise.reject(new NoPartnershipScopeError('work for one partnership tried to act for another'));
      }
      return scope.run(partnershipId, work);
    },
  };
}
