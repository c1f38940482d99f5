import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Carer,
  type Draft,
  type ErasureJob,
  type ErasureRecord,
  type ErasureStore,
  eraseFromCarer,
  NotFoundError,
  type Page,
  type PageRequest,
  parseWith,
  UnavailableError,
  VersionConflictError,
  type YoungPerson,
} from '@peermap/domain';
import { batchGet } from './batch-get';
import { writeBatch } from './batch-writer';
import { type EntityModel, fromItem, type Item, type KeptRecord, toItem, versionOf } from './codec';
import { isTransactionConditionFailure, toDomainError } from './errors';
import { sendTransaction, type TransactAction, type WriteGroup, writeGroups } from './group-writer';
import type { PrimaryKey } from './keys';
import * as keys from './keys';
import {
  type AnyModel,
  carerLinkModel,
  carerModel,
  erasureJobModel,
  erasureRecordModel,
  everyModel,
  type HeldIn,
  type KeptErasure,
  youngPersonModel,
} from './models';
import {
  atNextVersion,
  call,
  EntityRepository,
  type QuerySpec,
  query,
  replaceAtVersion,
  type StoreContext,
  versionCondition,
} from './repository';

/**
 * The kinds of a young person's own records counted in the erasure's record, by the model each
 * item was written by, as the models declare them (restricted intelligence uncounted).
 */
const COUNTED_OWN_KINDS = everyModel.flatMap((model) => {
  const countedAs = model.erasure?.own?.countedAs;
  return countedAs ? [{ model, countedAs }] : [];
});

/** The kinds of record the partnership keeps that can name the person, as the models declare them. */
const KEPT_KINDS = everyModel.flatMap((model) => {
  const kept = model.erasure?.kept;
  return kept ? [{ model, kept }] : [];
});
type KeptKind = (typeof KEPT_KINDS)[number];

/** Kept records listed by their own model, held in another's partitions, or found through the audit. */
const isListed = ({ kept }: KeptKind) => kept.found === undefined;
const heldIn = ({ kept }: KeptKind): HeldIn | undefined => (typeof kept.found === 'object' ? kept.found : undefined);
const isFoundThroughAudit = ({ kept }: KeptKind) => kept.found === 'through-audit-index';

/** Whether an item was written by a model. */
const isOf = (model: { entity: string }) => (item: Item) => item['entity'] === model.entity;
const keyOf = keys.primaryKeyOf;

/**
 * The erasure steps against the one table. Every step reads what is left and acts on that,
 * so repeating a step (a retry after a crash) does only what the first try did not.
 * Items past their expiry are erased too: DynamoDB deletes them days late.
 */
export class DynamoErasures implements ErasureStore {
  private readonly jobs: EntityRepository<ErasureJob, string>;
  private readonly finished: EntityRepository<ErasureRecord, string>;

  constructor(private readonly ctx: StoreContext) {
    this.jobs = new EntityRepository(ctx, erasureJobModel);
    this.finished = new EntityRepository(ctx, erasureRecordModel);
  }

  pending(partnershipId: string, ref: string): Promise<ErasureJob | undefined> {
    return this.jobs.get(partnershipId, ref);
  }

  async expiredProfile(partnershipId: string, ref: string): Promise<YoungPerson | undefined> {
    const { Item } = await call(() =>
      this.ctx.client.send(
        new GetCommand({
          TableName: this.ctx.tableName,
          Key: keys.youngPersonKey(partnershipId, ref),
          ConsistentRead: true,
        }),
      ),
    );
    return Item ? fromItem(youngPersonModel, Item) : undefined;
  }

  async allPending(partnershipId: string): Promise<ErasureJob[]> {
    const items = await this.all(keys.ofKind(partnershipId, 'ERASURE'));
    return items.map((item) => fromItem(erasureJobModel, item));
  }

  async begin(draft: Omit<ErasureJob, 'version'>, profileVersion: number | undefined): Promise<ErasureJob> {
    const job = atNextVersion(erasureJobModel, draft);
    const actions: TransactAction[] = [
      { Put: { TableName: this.ctx.tableName, Item: toItem(erasureJobModel, job), ...versionCondition(undefined) } },
    ];
    if (profileVersion !== undefined) {
      actions.push({
        Delete: {
          TableName: this.ctx.tableName,
          Key: keys.youngPersonKey(job.partnershipId, job.ref),
          ...versionCondition(profileVersion),
        },
      });
    }
    try {
      await sendTransaction(this.ctx.client, actions);
      return job;
    } catch (error) {
      if (!isTransactionConditionFailure(error)) throw toDomainError(error);
      // Two requests to erase the same person: the second carries on the first one's erasure.
      const started = await this.pending(job.partnershipId, job.ref);
      if (started) return started;
      if (profileVersion === undefined) throw new NotFoundError('young person', job.ref);
      throw new VersionConflictError('young person', job.ref, profileVersion, { cause: error });
    }
  }

  async plan(job: ErasureJob): Promise<ErasureJob> {
    if (job.removed) return job;
    const { own, asSecondOfPair } = await this.ownItems(job);
    const count = (model: { entity: string }) => [...own, ...asSecondOfPair].filter(isOf(model)).length;
    const carers = await this.carersOf(job, own);
    const removedCarers = carers.filter((carer) => eraseFromCarer(carer, job) === undefined).map((c) => c.ref);
    // Restricted police intelligence goes too, uncounted: the record says what other roles could see.
    const removed: Record<string, number> = Object.fromEntries(
      COUNTED_OWN_KINDS.map(({ model, countedAs }) => [countedAs, count(model)]),
    );
    removed['carers'] = removedCarers.length;
    return this.jobs.transition(job, { removedCarers, removed });
  }

  async removeOwnRecords(job: ErasureJob): Promise<void> {
    const { own, asSecondOfPair } = await this.ownItems(job);
    const carers = await this.carersOf(job, own);
    const groups: WriteGroup[] = carers.map((carer) => this.carerChange(job, carer));
    await this.mustWrite(groups);
    const isLink = isOf(carerLinkModel);
    const rest = [...own.filter((item) => !isLink(item)), ...asSecondOfPair];
    // Links of carers no longer found (removed meanwhile) go with the rest.
    const orphanLinks = own.filter((item) => isLink(item) && !carers.some((c) => c.ref === item['carerRef']));
    await this.mustDelete([...rest, ...orphanLinks].map(keyOf));
  }

  async eraseFromAudit(job: ErasureJob): Promise<void> {
    const people = [
      { kind: 'YP' as const, ref: job.ref },
      ...job.removedCarers.map((ref) => ({ kind: 'CR' as const, ref })),
    ];
    for (const person of people) {
      const entries = (
        await Promise.all(keys.everyAuditOf(job.partnershipId, person).map((spec) => this.all(spec)))
      ).flat();
      const eventIds = [...new Set(entries.map((entry) => String(entry['eventId'])))];
      const events = await batchGet(
        this.ctx,
        eventIds.map((id) => keys.auditEventKey(job.partnershipId, id)),
      );
      await this.mustWrite(
        KEPT_KINDS.filter(isFoundThroughAudit).flatMap(({ model, kept }) =>
          this.rewrites(model, events.filter(isOf(model)), (event) => kept.without(event, job), kept),
        ),
      );
      // The index entries name the person in their keys: they go once the events are rewritten.
      await this.mustDelete(entries.map(keyOf));
    }
  }

  async eraseFromKeptRecords(jobs: readonly ErasureJob[]): Promise<void> {
    const [first] = jobs;
    if (!first) return;
    const p = first.partnershipId;
    const [kept, answers] = await Promise.all([this.keptRecords(p), this.all(keys.ofKind(p, 'IDEMPOTENCY'))]);
    // Each record is read once and erased of every person in turn, however many erasures.
    const ofAll =
      <T>(eraseOne: (record: T, job: ErasureJob) => T) =>
      (record: T) =>
        jobs.reduce((erased, job) => eraseOne(erased, job), record);
    await this.mustWrite(
      KEPT_KINDS.filter((kind) => !isFoundThroughAudit(kind)).flatMap(({ model, kept: rule }) =>
        this.rewrites(
          model,
          kept.get(model) ?? [],
          ofAll((record, job) => rule.without(record, job)),
          rule,
        ),
      ),
    );
    // Answers kept for a repeated request may hold anyone's data; a repeat after this acts again.
    // A claim still being answered holds no answer yet, and stays so its request is not run twice.
    await this.mustDelete(answers.filter((item) => item['state'] === 'done').map(keyOf));
  }

  /**
   * The kept records of each kind that can name a person, where their models say they are:
   * listed, or held in the partitions of listed records (a run's clusters, a plan's versions).
   */
  private async keptRecords(p: string): Promise<Map<AnyModel, Item[]>> {
    const held = KEPT_KINDS.flatMap((kind) => {
      const found = heldIn(kind);
      return found ? [{ model: kind.model, found }] : [];
    });
    const listedModels = new Set([
      ...KEPT_KINDS.filter(isListed).map(({ model }) => model),
      ...held.map((h) => h.found.heads),
    ]);
    // The indexes are read eventually consistent: each record is read again from the table,
    // so a record is never rewritten from an older copy.
    const listed = async (model: AnyModel) =>
      [model, model.list ? await this.consistent(await this.all(model.list(p))) : []] as const;
    const records = new Map<AnyModel, Item[]>(await Promise.all([...listedModels].map(listed)));
    const inPartitions = async ({ model, found }: (typeof held)[number]) =>
      [model, await this.inPartitions(records.get(found.heads) ?? [], (head) => found.partition(p, head))] as const;
    for (const [model, items] of await Promise.all(held.map(inPartitions))) records.set(model, items);
    return records;
  }

  /** The same items read again from the table, consistently. */
  private consistent(items: readonly Item[]): Promise<Item[]> {
    return batchGet(this.ctx, items.map(keyOf));
  }

  async complete(job: ErasureJob, record: Draft<ErasureRecord>): Promise<ErasureRecord> {
    const stored = atNextVersion(erasureRecordModel, record);
    try {
      await sendTransaction(this.ctx.client, [
        {
          Delete: {
            TableName: this.ctx.tableName,
            Key: keys.erasureJobKey(job.partnershipId, job.ref),
            ...versionCondition(job.version),
          },
        },
        {
          Put: {
            TableName: this.ctx.tableName,
            Item: toItem(erasureRecordModel, stored),
            ...versionCondition(undefined),
          },
        },
      ]);
    } catch (error) {
      if (!isTransactionConditionFailure(error)) throw toDomainError(error);
      // Completed already by a request racing this one: the record is there, the job gone.
      const finished = await this.finished.get(job.partnershipId, job.marker);
      if (finished) return finished;
      throw new UnavailableError('The erasure changed while it was completing; ask again to complete it.');
    }
    return stored;
  }

  records(partnershipId: string, page?: PageRequest): Promise<Page<ErasureRecord>> {
    return this.finished.list(partnershipId, page);
  }

  record(partnershipId: string, marker: string): Promise<ErasureRecord | undefined> {
    return this.finished.get(partnershipId, marker);
  }

  private all(spec: QuerySpec): Promise<Item[]> {
    return query(this.ctx, { ...spec, includeExpired: true }, 'all');
  }

  /** The items of the young person's collection, and the pairs where they are the second person. */
  private async ownItems(job: ErasureJob) {
    const asSecond = (layer: keys.Layer) => this.all(keys.pairsOfPerson(job.partnershipId, job.ref, layer).asSecond);
    const [own, shared, restricted] = await Promise.all([
      this.all(keys.personCollection(job.partnershipId, job.ref)),
      asSecond('shared'),
      asSecond('restricted'),
    ]);
    return { own, asSecondOfPair: [...shared, ...restricted] };
  }

  private async carersOf(job: ErasureJob, own: readonly Item[]) {
    const carerRefs = own.filter(isOf(carerLinkModel)).map((item) => fromItem(carerLinkModel, item).carerRef);
    const items = await batchGet(
      this.ctx,
      carerRefs.map((ref) => keys.carerKey(job.partnershipId, ref)),
    );
    return items.map((item) => fromItem(carerModel, item));
  }

  /** A carer of the young person: removed with their links if they care for no one else, otherwise changed. */
  private carerChange(job: ErasureJob, carer: Carer): WriteGroup {
    const table = this.ctx.tableName;
    const link = keys.carerLinkKey(job.partnershipId, carer.ref, job.ref);
    const staying = eraseFromCarer(carer, job);
    if (!staying) {
      return {
        label: `carer ${carer.ref}`,
        actions: [
          {
            Delete: {
              TableName: table,
              Key: keys.carerKey(job.partnershipId, carer.ref),
              ...versionCondition(carer.version),
            },
          },
          ...carer.youngPersonRefs.map((ref) => ({
            Delete: { TableName: table, Key: keys.carerLinkKey(job.partnershipId, carer.ref, ref) },
          })),
        ],
      };
    }
    return {
      label: `carer ${carer.ref}`,
      actions: [
        replaceAtVersion(table, toItem(carerModel, { ...staying, version: carer.version + 1 }), carer.version),
        { Delete: { TableName: table, Key: link } },
      ],
    };
  }

  /** The items each listed record holds in its partition (a run's clusters, a plan's versions). */
  private async inPartitions(heads: readonly Item[], held: (head: Item) => QuerySpec) {
    const lists = await Promise.all(heads.map((head) => this.all(held(head))));
    return lists.flat();
  }

  /**
   * The writes that put each changed record back with the person erased; unchanged records are
   * left as they are. A record moved to its next version may also be kept beside its others.
   */
  private rewrites<T extends KeptRecord, Key>(
    model: EntityModel<T, Key>,
    items: readonly Item[],
    erase: (record: T) => T,
    { versioning, versionsKeptAs }: Pick<KeptErasure<T>, 'versioning' | 'versionsKeptAs'>,
  ): WriteGroup[] {
    return items.flatMap((item) => {
      const record = fromItem(model, item);
      const erased = erase(record);
      if (JSON.stringify(erased) === JSON.stringify(record)) return [];
      const read = versionOf(model, record);
      const next = versioning === 'next-version' ? { ...erased, version: read + 1 } : erased;
      const checked = parseWith(model.schema, next, model.label);
      const actions: TransactAction[] = [replaceAtVersion(this.ctx.tableName, toItem(model, checked), read)];
      if (versionsKeptAs) {
        actions.push({
          Put: { TableName: this.ctx.tableName, Item: toItem(versionsKeptAs, checked), ...versionCondition(undefined) },
        });
      }
      return [{ label: `${model.label} ${model.describe(model.keyOf(record))}`, actions }];
    });
  }

  private async mustWrite(groups: readonly WriteGroup[]): Promise<void> {
    if (groups.length === 0) return;
    const { failed } = await writeGroups(this.ctx.client, groups);
    if (failed.length > 0) {
      throw new UnavailableError(
        `${failed.length} records changed or could not be written while the erasure ran; ask again to complete it.`,
      );
    }
  }

  private async mustDelete(itemKeys: readonly PrimaryKey[]): Promise<void> {
    if (itemKeys.length === 0) return;
    const { failed } = await writeBatch(
      this.ctx.client,
      this.ctx.tableName,
      itemKeys.map((Key) => ({ DeleteRequest: { Key } })),
    );
    if (failed.length > 0) throw new UnavailableError('The store is busy; ask again to complete the erasure.');
  }
}
