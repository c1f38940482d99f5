import { randomUUID } from 'node:crypto';
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ActionPlan,
  type ActionPlansRepository,
  AlreadyExistsError,
  type AnalysesRepository,
  type AnalysisSnapshot,
  AuditEvent,
  type AuditLog,
  type Carer,
  type CarersRepository,
  type ClusterSnapshot,
  type Concern,
  type ConcernKey,
  type ConcernsRepository,
  type Draft,
  type InvitationList,
  type InvitationListsRepository,
  NotFoundError,
  type Page,
  type PageRequest,
  type Partnership,
  type PartnershipsRepository,
  parseWith,
  type Relationship,
  type RelationshipKey,
  type RelationshipsRepository,
  type SessionFeedback,
  type SessionFeedbackRepository,
  type SessionsRelisted,
  type Sighting,
  type SightingKey,
  type SightingsRepository,
  saveChange,
  UnavailableError,
  VersionConflictError,
} from '@peermap/domain';
import { batchGet } from './batch-get';
import { writeBatch } from './batch-writer';
import { fitted, fromItem, type Item, toItem } from './codec';
import { isTransactionConditionFailure, toDomainError } from './errors';
import { sendTransaction, TRANSACTION_SIZE, type WriteGroup, writeGroups } from './group-writer';
import * as keys from './keys';
import {
  actionPlanModel,
  actionPlanVersionModel,
  analysisModel,
  auditEventModel,
  carerLinkModel,
  carerModel,
  clusterSnapshotModel,
  concernModel,
  invitationListModel,
  partnershipModel,
  relationshipModel,
  restrictedRelationshipModel,
  restrictedSightingModel,
  sessionFeedbackModel,
  sightingModel,
} from './models';
import {
  atNextVersion,
  checkExpectedVersion,
  EntityRepository,
  type QuerySpec,
  query,
  type StoreContext,
  versionCondition,
} from './repository';
import { listSessionsByDay } from './sessions-by-day';

/** The relationships of one layer (see `keys.Layer`): a repository never reaches the other. */
export class DynamoRelationships
  extends EntityRepository<Relationship, RelationshipKey>
  implements RelationshipsRepository
{
  constructor(
    ctx: StoreContext,
    private readonly layer: keys.Layer = 'shared',
  ) {
    super(ctx, layer === 'restricted' ? restrictedRelationshipModel : relationshipModel);
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Relationship[]> {
    const pairs = keys.pairsOfPerson(partnershipId, ref, this.layer);
    const [asFirst, asSecond] = await Promise.all([
      query(this.ctx, pairs.asFirst, 'all'),
      query(this.ctx, pairs.asSecond, 'all'),
    ]);
    return [...asFirst, ...asSecond].map((item) => fromItem(this.model, item));
  }
}

/** The sightings of one layer (see `keys.Layer`): a repository never reaches the other. */
export class DynamoSightings extends EntityRepository<Sighting, SightingKey> implements SightingsRepository {
  constructor(
    ctx: StoreContext,
    private readonly layer: keys.Layer = 'shared',
  ) {
    super(ctx, layer === 'restricted' ? restrictedSightingModel : sightingModel);
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Sighting[]> {
    const items = await query(this.ctx, keys.sightingsOfPerson(partnershipId, ref, this.layer), 'all');
    return items.map((item) => fromItem(this.model, item));
  }

  async atLocation(partnershipId: string, locationRef: string, page?: PageRequest): Promise<Page<Sighting>> {
    const result = await query(this.ctx, keys.sightingsAtLocation(partnershipId, locationRef, this.layer), page);
    return { ...result, items: result.items.map((item) => fromItem(this.model, item)) };
  }
}

export class DynamoConcerns extends EntityRepository<Concern, ConcernKey> implements ConcernsRepository {
  constructor(ctx: StoreContext) {
    super(ctx, concernModel);
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Concern[]> {
    const items = await query(this.ctx, keys.concernsOfPerson(partnershipId, ref), 'all');
    return items.map((item) => fromItem(concernModel, item));
  }
}

/** Carers and their link items change in one transaction, so the two sides never disagree. */
export class DynamoCarers extends EntityRepository<Carer, string> implements CarersRepository {
  constructor(ctx: StoreContext) {
    super(ctx, carerModel);
  }

  override async save(draft: Draft<Carer>, expectedVersion?: number): Promise<Carer> {
    const record = this.validate(draft, expectedVersion);
    const previous = await this.current(record.partnershipId, record.ref, expectedVersion);
    const { puts, deletes } = carerModel.companions?.(record, previous) ?? { puts: [], deletes: [] };
    await this.transact(record.ref, expectedVersion, [
      {
        Put: { TableName: this.ctx.tableName, Item: toItem(carerModel, record), ...versionCondition(expectedVersion) },
      },
      ...puts.map((Item) => ({ Put: { TableName: this.ctx.tableName, Item } })),
      ...deletes.map((Key) => ({ Delete: { TableName: this.ctx.tableName, Key } })),
    ]);
    return record;
  }

  override async remove(partnershipId: string, ref: string, expectedVersion: number): Promise<void> {
    checkExpectedVersion(expectedVersion);
    const previous = await this.current(partnershipId, ref, expectedVersion);
    await this.transact(ref, expectedVersion, [
      {
        Delete: {
          TableName: this.ctx.tableName,
          Key: keys.carerKey(partnershipId, ref),
          ...versionCondition(expectedVersion),
        },
      },
      ...(previous?.youngPersonRefs ?? []).map((youngPersonRef) => ({
        Delete: { TableName: this.ctx.tableName, Key: keys.carerLinkKey(partnershipId, ref, youngPersonRef) },
      })),
    ]);
  }

  async ofYoungPerson(partnershipId: string, youngPersonRef: string): Promise<Carer[]> {
    const links = await query(this.ctx, keys.carerLinksOfYoungPerson(partnershipId, youngPersonRef), 'all');
    const carerRefs = links.map((item) => fromItem(carerLinkModel, item).carerRef);
    const items = await batchGet(
      this.ctx,
      carerRefs.map((ref) => keys.carerKey(partnershipId, ref)),
    );
    return items.map((item) => fromItem(carerModel, item));
  }

  async youngPeopleOf(partnershipId: string, carerRef: string): Promise<string[]> {
    const links = await query(this.ctx, keys.youngPeopleLinksOfCarer(partnershipId, carerRef), 'all');
    return links.map((item) => fromItem(carerLinkModel, item).youngPersonRef);
  }

  /** The carer as it stands, checked against the version the caller read. */
  private async current(partnershipId: string, ref: string, expectedVersion: number | undefined) {
    if (expectedVersion === undefined) return undefined;
    const previous = await this.get(partnershipId, ref);
    if (!previous) throw new NotFoundError(carerModel.label, ref);
    if (previous.version !== expectedVersion) throw new VersionConflictError(carerModel.label, ref, expectedVersion);
    return previous;
  }

  private async transact(
    ref: string,
    expectedVersion: number | undefined,
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
  ): Promise<void> {
    try {
      await sendTransaction(this.ctx.client, items);
    } catch (error) {
      if (!isTransactionConditionFailure(error)) throw toDomainError(error);
      throw expectedVersion === undefined
        ? new AlreadyExistsError(carerModel.label, ref, { cause: error })
        : new VersionConflictError(carerModel.label, ref, expectedVersion, { cause: error });
    }
  }
}

export class DynamoPartnerships implements PartnershipsRepository {
  private readonly repository: EntityRepository<Partnership & { partnershipId: string }, string>;

  constructor(ctx: StoreContext) {
    this.repository = new EntityRepository(ctx, partnershipModel);
  }

  async get(partnershipId: string): Promise<Partnership | undefined> {
    const found = await this.repository.get(partnershipId, partnershipId);
    if (!found) return undefined;
    const { partnershipId: _, ...partnership } = found;
    return partnership;
  }

  async save(record: Draft<Partnership>, expectedVersion?: number): Promise<Partnership> {
    const { partnershipId: _, ...saved } = await this.repository.save(
      { ...record, partnershipId: record.id },
      expectedVersion,
    );
    return saved;
  }

  change(current: Partnership, patch: Partial<Draft<Partnership>>, expectedVersion?: number): Promise<Partnership> {
    return saveChange(this, current, patch, expectedVersion);
  }
}

export class DynamoAnalyses extends EntityRepository<AnalysisSnapshot, string> implements AnalysesRepository {
  constructor(ctx: StoreContext) {
    super(ctx, analysisModel);
  }

  /** A completed snapshot is what the meeting decided on: it is never rewritten. */
  protected override writeCondition(expectedVersion: number | undefined) {
    const condition = versionCondition(expectedVersion);
    if (expectedVersion === undefined) return condition;
    return {
      ConditionExpression: `${condition.ConditionExpression} AND #status <> :completed`,
      ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, '#status': 'status' },
      ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ':completed': 'completed' },
    };
  }

  async latestCompleted(partnershipId: string, week?: string): Promise<AnalysisSnapshot | undefined> {
    const { items } = await query(this.ctx, keys.completedAnalyses(partnershipId, week), { limit: 1 });
    const [item] = items;
    return item ? fromItem(analysisModel, item) : undefined;
  }

  async latestCompletedBefore(partnershipId: string, week: string): Promise<AnalysisSnapshot | undefined> {
    const { items } = await query(this.ctx, keys.completedAnalysesBefore(partnershipId, week), { limit: 1 });
    const [item] = items;
    return item ? fromItem(analysisModel, item) : undefined;
  }

  async clusterHistory(partnershipId: string, clusterId: string): Promise<ClusterSnapshot[]> {
    const items = await query(this.ctx, keys.clusterHistory(partnershipId, clusterId), 'all');
    return items.map((item) => fromItem(clusterSnapshotModel, item));
  }

  async saveClusters(clusters: readonly ClusterSnapshot[]): Promise<void> {
    const groups: WriteGroup[] = clusters.map((cluster) => ({
      label: `cluster ${cluster.clusterId}`,
      actions: [
        {
          Put: {
            TableName: this.ctx.tableName,
            Item: toItem(
              clusterSnapshotModel,
              fitted(clusterSnapshotModel, parseWith(clusterSnapshotModel.schema, cluster, 'cluster')),
            ),
            ...versionCondition(undefined),
          },
        },
      ],
    }));
    const { failed } = await writeGroups(this.ctx.client, groups);
    if (failed.length > 0) {
      throw new UnavailableError(`${failed.length} of ${groups.length} clusters could not be stored; run it again.`);
    }
  }

  async discardClusters(partnershipId: string, analysisId: string): Promise<void> {
    const run = await this.get(partnershipId, analysisId);
    // A completed run's clusters are what the meeting decided on: never discarded.
    if (!run || run.status === 'completed') return;
    const items = await query(this.ctx, keys.clustersOfRun(partnershipId, analysisId), 'all');
    const { failed } = await writeBatch(
      this.ctx.client,
      this.ctx.tableName,
      items.map((item) => ({ DeleteRequest: { Key: keys.primaryKeyOf(item) } })),
    );
    if (failed.length > 0)
      throw new UnavailableError('The clusters of the stopped run could not be cleared; run it again.');
  }

  async clusters(partnershipId: string, analysisId: string): Promise<ClusterSnapshot[]> {
    const items = await query(this.ctx, keys.clustersOfRun(partnershipId, analysisId), 'all');
    return items.map((item) => fromItem(clusterSnapshotModel, item));
  }
}

/**
 * A plan is a head item (the current version, for reads and for locking) and one item per
 * version, written together in a transaction: an edit can never lose a version.
 */
export class DynamoActionPlans implements ActionPlansRepository {
  private readonly heads: EntityRepository<ActionPlan, string>;

  constructor(private readonly ctx: StoreContext) {
    this.heads = new EntityRepository(ctx, actionPlanModel);
  }

  get(partnershipId: string, planId: string): Promise<ActionPlan | undefined> {
    return this.heads.get(partnershipId, planId);
  }

  async save(draft: Draft<ActionPlan>, expectedVersion?: number): Promise<ActionPlan> {
    const record = atNextVersion(actionPlanModel, draft, expectedVersion);
    try {
      await sendTransaction(this.ctx.client, [
        {
          Put: {
            TableName: this.ctx.tableName,
            Item: toItem(actionPlanModel, record),
            ...versionCondition(expectedVersion),
          },
        },
        {
          Put: {
            TableName: this.ctx.tableName,
            Item: toItem(actionPlanVersionModel, record),
            ...versionCondition(undefined),
          },
        },
      ]);
    } catch (error) {
      if (!isTransactionConditionFailure(error)) throw toDomainError(error);
      if (expectedVersion === undefined) throw new AlreadyExistsError('action plan', record.id, { cause: error });
      const current = await this.get(record.partnershipId, record.id);
      if (!current) throw new NotFoundError('action plan', record.id);
      throw new VersionConflictError('action plan', record.id, expectedVersion, { cause: error });
    }
    return record;
  }

  /** A change is a new version, kept beside the others like any save. */
  change(current: ActionPlan, patch: Partial<Draft<ActionPlan>>, expectedVersion?: number): Promise<ActionPlan> {
    return saveChange(this, current, patch, expectedVersion);
  }

  async versions(partnershipId: string, planId: string): Promise<ActionPlan[]> {
    const items = await query(this.ctx, keys.planVersions(partnershipId, planId), 'all');
    return items.map((item) => fromItem(actionPlanVersionModel, item));
  }

  async ofCluster(partnershipId: string, clusterId: string): Promise<ActionPlan[]> {
    const items = await query(this.ctx, keys.plansOfCluster(partnershipId, clusterId), 'all');
    return items.map((item) => fromItem(actionPlanModel, item));
  }

  async ofLocation(partnershipId: string, locationRef: string): Promise<ActionPlan[]> {
    const items = await query(this.ctx, keys.plansOfLocation(partnershipId, locationRef), 'all');
    return items.map((item) => fromItem(actionPlanModel, item));
  }

  async ofParentGroup(partnershipId: string, parentGroupId: string): Promise<ActionPlan[]> {
    const items = await query(this.ctx, keys.plansOfParentGroup(partnershipId, parentGroupId), 'all');
    return items.map((item) => fromItem(actionPlanModel, item));
  }
}

export class DynamoInvitationLists
  extends EntityRepository<InvitationList, string>
  implements InvitationListsRepository
{
  constructor(ctx: StoreContext) {
    super(ctx, invitationListModel);
  }

  async ofCluster(partnershipId: string, clusterId: string): Promise<InvitationList[]> {
    const items = await query(this.ctx, keys.invitationListsOfCluster(partnershipId, clusterId), 'all');
    return items.map((item) => fromItem(invitationListModel, item));
  }

  async ofLocation(partnershipId: string, locationRef: string): Promise<InvitationList[]> {
    const items = await query(this.ctx, keys.invitationListsOfLocation(partnershipId, locationRef), 'all');
    return items.map((item) => fromItem(invitationListModel, item));
  }

  async ofParentGroup(partnershipId: string, parentGroupId: string): Promise<InvitationList[]> {
    const items = await query(this.ctx, keys.invitationListsOfParentGroup(partnershipId, parentGroupId), 'all');
    return items.map((item) => fromItem(invitationListModel, item));
  }

  async sessions(
    partnershipId: string,
    when: 'upcoming' | 'past',
    today: string,
    page?: PageRequest,
  ): Promise<Page<InvitationList>> {
    const spec =
      when === 'upcoming' ? keys.sessionsFrom(partnershipId, today) : keys.sessionsBefore(partnershipId, today);
    const result = await query(this.ctx, spec, page);
    return { ...result, items: result.items.map((item) => fromItem(invitationListModel, item)) };
  }

  listSessionsByDay(partnershipId: string): Promise<SessionsRelisted> {
    return listSessionsByDay(this.ctx, partnershipId);
  }
}

/** People one audit event item names at most: 2,000 refs of up to 64 characters stay well under 400 KB. */
const SUBJECTS_PER_EVENT = 2_000;

/**
 * The audit log. An event is one item (found by user through byLink) plus one index entry
 * per young person or carer it names (found by person through byLink). Events are only
 * ever added.
 */
export class DynamoAuditLog implements AuditLog {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Writes the event and one index entry per person it names, each only if absent (an event
   * is never replaced), in transactions of up to 100: an event naming fewer than 100 people
   * is written whole or not at all. An event naming more people than one item holds (an
   * analysis of a whole map) is written as several events, one per part, sharing its request id.
   */
  async record(event: AuditEvent): Promise<void> {
    const parsed = parseWith(AuditEvent, event, 'audit event');
    const named = [
      ...[...new Set(parsed.subjects.youngPeople)].map((ref) => ({ kind: 'youngPeople' as const, ref })),
      ...[...new Set(parsed.subjects.carers)].map((ref) => ({ kind: 'carers' as const, ref })),
    ];
    const parts = Math.max(1, Math.ceil(named.length / SUBJECTS_PER_EVENT));
    for (let part = 0; part < parts; part++) {
      const slice = named.slice(part * SUBJECTS_PER_EVENT, (part + 1) * SUBJECTS_PER_EVENT);
      const refsOf = (kind: 'youngPeople' | 'carers') => slice.filter((s) => s.kind === kind).map((s) => s.ref);
      const partNote = parts > 1 ? ` (part ${part + 1} of ${parts})` : '';
      await this.recordOne({
        ...parsed,
        ...(part > 0 ? { id: randomUUID() } : {}),
        subjects: { youngPeople: refsOf('youngPeople'), carers: refsOf('carers') },
        ...(parsed.detail || partNote
          ? { detail: `${(parsed.detail ?? '').slice(0, 500 - partNote.length)}${partNote}`.trim() }
          : {}),
      });
    }
  }

  private async recordOne(event: AuditEvent): Promise<void> {
    const stored = parseWith(auditEventModel.schema, event, 'audit event');
    const subjects = [
      ...stored.subjects.youngPeople.map((ref) => ({ kind: 'YP' as const, ref })),
      ...stored.subjects.carers.map((ref) => ({ kind: 'CR' as const, ref })),
    ];
    const items: Item[] = [
      toItem(auditEventModel, stored),
      ...subjects.map((subject) => ({
        ...keys.auditSubjectKey(stored.partnershipId, stored.id, subject),
        ...keys.auditSubjectIndexKeys(stored, subject),
        entity: 'AuditSubject',
        schemaVersion: 1,
        eventId: stored.id,
      })),
    ];
    const groups: WriteGroup[] = [];
    for (let start = 0; start < items.length; start += TRANSACTION_SIZE) {
      groups.push({
        label: `audit event ${stored.id}`,
        actions: items
          .slice(start, start + TRANSACTION_SIZE)
          .map((Item) => ({ Put: { TableName: this.ctx.tableName, Item, ...versionCondition(undefined) } })),
      });
    }
    const { failed } = await writeGroups(this.ctx.client, groups);
    if (failed.length > 0) throw new UnavailableError('The audit event could not be written.');
  }

  byYoungPerson(partnershipId: string, ref: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    return this.bySubject(keys.auditOfYoungPerson(partnershipId, ref), page);
  }

  byCarer(partnershipId: string, ref: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    return this.bySubject(keys.auditOfCarer(partnershipId, ref), page);
  }

  async byUser(partnershipId: string, userId: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    const result = await query(this.ctx, keys.auditOfUser(partnershipId, userId), page);
    return { ...result, items: result.items.map((item) => this.event(item)) };
  }

  private async bySubject(spec: QuerySpec, page?: PageRequest): Promise<Page<AuditEvent>> {
    const { partnershipId } = spec;
    const result = await query(this.ctx, spec, page);
    const events = await batchGet(
      this.ctx,
      result.items.map((item) => keys.auditEventKey(partnershipId, String(item['eventId']))),
    );
    return { ...result, items: events.map((item) => this.event(item)) };
  }

  private event(item: Item): AuditEvent {
    return fromItem(auditEventModel, item);
  }
}

/** Parents' feedback, found by its session in byLink. */
export class DynamoSessionFeedback
  extends EntityRepository<SessionFeedback, string>
  implements SessionFeedbackRepository
{
  constructor(ctx: StoreContext) {
    super(ctx, sessionFeedbackModel);
  }

  async ofSession(partnershipId: string, sessionId: string): Promise<SessionFeedback[]> {
    const items = await query(this.ctx, keys.feedbackOfSession(partnershipId, sessionId), 'all');
    return items.map((item) => fromItem(sessionFeedbackModel, item));
  }
}
