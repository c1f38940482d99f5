import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from './store';
import { tenantSessionPolicy } from './tenant-scope';

/** Short sessions: a partnership's credentials are renewed every quarter of an hour. */
const SESSION_SECONDS = 15 * 60;

export interface TenantCredentialSettings {
  /** The function's own data role, the only role it may assume. */
  readonly roleArn: string;
  readonly tableArn: string;
  readonly tableKeyArn: string;
  readonly region: string;
}

/**
 * For each partnership, a document client whose credentials come from assuming the function's
 * data role with that partnership's session policy. The SDK's provider caches the session and
 * renews it before it expires.
 */
export function tenantClients(settings: TenantCredentialSettings): (partnershipId: string) => DynamoDBDocumentClient {
  return (partnershipId) =>
    createDocumentClient({
      region: settings.region,
      credentials: fromTemporaryCredentials({
        params: {
          RoleArn: settings.roleArn,
          RoleSessionName: `peermap-${partnershipId}`,
          DurationSeconds: SESSION_SECONDS,
          Policy: tenantSessionPolicy({ ...settings, partnershipId }),
        },
        clientConfig: { region: settings.region },
      }),
    });
}
