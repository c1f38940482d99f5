import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MapStore } from '@peermap/domain';
import { dynamoClientDefaults } from './client-defaults';
import { DynamoErasures } from './erasure';
import { DynamoIdempotency } from './idempotency';
import { DynamoLeases } from './leases';
import { DynamoMapReader } from './map-reader';
import { DynamoMapWriter } from './map-writer';
import {
  feedbackLinkModel,
  locationModel,
  parentGroupModel,
  uploadModel,
  uploadSlotModel,
  youngPersonModel,
} from './models';
import {
  DynamoActionPlans,
  DynamoAnalyses,
  DynamoAuditLog,
  DynamoCarers,
  DynamoConcerns,
  DynamoInvitationLists,
  DynamoPartnerships,
  DynamoRelationships,
  DynamoSessionFeedback,
  DynamoSightings,
} from './repositories';
import { EntityRepository, type StoreContext } from './repository';
import { moveRestrictedIntoOwnLayer } from './restricted-layer';
import { DynamoReviews } from './reviews';

/**
 * Where a client sends its calls and as whom. How it retries and connects is not for a caller
 * to set: `dynamoClientDefaults()` decides it for every client.
 */
export type DynamoClientSettings = Omit<
  DynamoDBClientConfig,
  'maxAttempts' | 'retryMode' | 'retryStrategy' | 'requestHandler'
>;

/** A DynamoDB client with peermap's retries and connection pool (`dynamoClientDefaults`). */
export function createDynamoClient(settings: DynamoClientSettings = {}): DynamoDBClient {
  return new DynamoDBClient({ ...settings, ...dynamoClientDefaults() });
}

/**
 * A document client (over `createDynamoClient`) with the marshalling the store relies on:
 * optional fields that are `undefined` are left out of the item rather than refused.
 */
export function createDocumentClient(settings: DynamoClientSettings = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(settings), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** The DynamoDB adapter behind the domain's `MapStore` port. */
export function createDynamoStore(ctx: StoreContext): MapStore {
  return {
    mapWriter: new DynamoMapWriter(ctx),
    mapReader: new DynamoMapReader(ctx),
    partnerships: new DynamoPartnerships(ctx),
    youngPeople: new EntityRepository(ctx, youngPersonModel),
    relationships: new DynamoRelationships(ctx),
    restrictedRelationships: new DynamoRelationships(ctx, 'restricted'),
    locations: new EntityRepository(ctx, locationModel),
    sightings: new DynamoSightings(ctx),
    restrictedSightings: new DynamoSightings(ctx, 'restricted'),
    concerns: new DynamoConcerns(ctx),
    carers: new DynamoCarers(ctx),
    uploads: new EntityRepository(ctx, uploadModel),
    uploadSlots: new EntityRepository(ctx, uploadSlotModel),
    analyses: new DynamoAnalyses(ctx),
    actionPlans: new DynamoActionPlans(ctx),
    invitationLists: new DynamoInvitationLists(ctx),
    sessionFeedback: new DynamoSessionFeedback(ctx),
    feedbackLinks: new EntityRepository(ctx, feedbackLinkModel),
    parentGroups: new EntityRepository(ctx, parentGroupModel),
    audit: new DynamoAuditLog(ctx),
    reviews: new DynamoReviews(ctx),
    erasures: new DynamoErasures(ctx),
    idempotency: new DynamoIdempotency(ctx),
    leases: new DynamoLeases(ctx),
    restrictedLayer: { moveLegacy: (partnershipId) => moveRestrictedIntoOwnLayer(ctx, partnershipId) },
  };
}
