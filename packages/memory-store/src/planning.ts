import {
  ActionPlan,
  type ActionPlansRepository,
  AlreadyExistsError,
  type Draft,
  FeedbackLink,
  InvitationList,
  NotFoundError,
  type Page,
  type PageRequest,
  ParentGroup,
  Partnership,
  type PartnershipsRepository,
  parseWith,
  SessionFeedback,
  type SessionsRelisted,
  saveChange,
  VersionConflictError,
} from '@peermap/domain';
import { MemoryRepository, pageOf, sortedBy } from './repository';

/** A plan's head (its current version) and every version beside it, as the table keeps them. */
export class MemoryActionPlans implements ActionPlansRepository {
  readonly heads = new MemoryRepository<ActionPlan, string>({
    label: 'action plan',
    schema: ActionPlan,
    keyOf: (p) => p.id,
    id: (id) => id,
    order: (p) => p.id,
  });
  readonly everyVersion = new MemoryRepository<ActionPlan, { id: string; version: number }>({
    label: 'action plan version',
    schema: ActionPlan,
    keyOf: (p) => p,
    id: (p) => `${p.id}#${String(p.version).padStart(8, '0')}`,
    order: (p) => `${p.id}#${String(p.version).padStart(8, '0')}`,
  });

  get(partnershipId: string, planId: string): Promise<ActionPlan | undefined> {
    return this.heads.get(partnershipId, planId);
  }

  async save(draft: Draft<ActionPlan>, expectedVersion?: number): Promise<ActionPlan> {
    const saved = await this.heads.save(draft, expectedVersion);
    this.everyVersion.replace(saved);
    return saved;
  }

  change(current: ActionPlan, patch: Partial<Draft<ActionPlan>>, expectedVersion?: number): Promise<ActionPlan> {
    return saveChange(this, current, patch, expectedVersion);
  }

  async versions(partnershipId: string, planId: string): Promise<ActionPlan[]> {
    return this.everyVersion.where(partnershipId, (p) => p.id === planId);
  }

  async ofCluster(partnershipId: string, clusterId: string): Promise<ActionPlan[]> {
    return this.heads.where(partnershipId, (p) => p.clusterId === clusterId);
  }

  async ofLocation(partnershipId: string, locationRef: string): Promise<ActionPlan[]> {
    return this.heads.where(partnershipId, (p) => p.locationRef === locationRef);
  }

  async ofParentGroup(partnershipId: string, parentGroupId: string): Promise<ActionPlan[]> {
    return this.heads.where(partnershipId, (p) => p.parentGroupId === parentGroupId);
  }
}

export class MemoryInvitationLists extends MemoryRepository<InvitationList, string> {
  constructor() {
    super({
      label: 'invitation list',
      schema: InvitationList,
      keyOf: (l) => l.id,
      id: (id) => id,
      order: (l) => `${l.createdAt}#${l.id}`,
      newestFirst: true,
    });
  }

  async ofCluster(partnershipId: string, clusterId: string): Promise<InvitationList[]> {
    return this.where(partnershipId, (l) => l.clusterId === clusterId);
  }

  async ofLocation(partnershipId: string, locationRef: string): Promise<InvitationList[]> {
    return this.where(partnershipId, (l) => l.locationRef === locationRef);
  }

  async ofParentGroup(partnershipId: string, parentGroupId: string): Promise<InvitationList[]> {
    return this.where(partnershipId, (l) => l.parentGroupId === parentGroupId);
  }

  async sessions(
    partnershipId: string,
    when: 'upcoming' | 'past',
    today: string,
    page?: PageRequest,
  ): Promise<Page<InvitationList>> {
    const upcoming = when === 'upcoming';
    const found = this.all(partnershipId).filter((l) => l.session.date >= today === upcoming);
    const sorted = sortedBy(found, (l) => `${l.session.date}#${l.createdAt}#${l.id}`, !upcoming);
    return pageOf(partnershipId, sorted, page, `sessions:${when}:${today}`);
  }

  /** Memory never held lists in the older order. */
  async listSessionsByDay(): Promise<SessionsRelisted> {
    return { relisted: 0, unreadable: [] };
  }
}

/** Parents' feedback, found by its session. */
export class MemorySessionFeedback extends MemoryRepository<SessionFeedback, string> {
  constructor() {
    super({
      label: 'session feedback',
      schema: SessionFeedback,
      keyOf: (f) => f.id,
      id: (id) => id,
      order: (f) => `${f.createdAt}#${f.id}`,
    });
  }

  async ofSession(partnershipId: string, sessionId: string): Promise<SessionFeedback[]> {
    return this.where(partnershipId, (f) => f.sessionId === sessionId);
  }
}

export const feedbackLinks = () =>
  new MemoryRepository<FeedbackLink, string>({
    label: 'feedback link',
    schema: FeedbackLink,
    keyOf: (l) => l.tokenHash,
    id: (hash) => hash,
    order: (l) => `${l.createdAt}#${l.tokenHash}`,
  });

export const parentGroups = () =>
  new MemoryRepository<ParentGroup, string>({
    label: 'parent group',
    schema: ParentGroup,
    keyOf: (g) => g.id,
    id: (id) => id,
    order: (g) => `${g.createdAt}#${g.id}`,
  });

/** A partnership's settings: one record per partnership, changed only at the version read. */
export class MemoryPartnerships implements PartnershipsRepository {
  private readonly records = new Map<string, Partnership>();

  async get(partnershipId: string): Promise<Partnership | undefined> {
    const record = this.records.get(partnershipId);
    return record && structuredClone(record);
  }

  async save(draft: Draft<Partnership>, expectedVersion?: number): Promise<Partnership> {
    const current = this.records.get(draft.id);
    if (expectedVersion === undefined && current) throw new AlreadyExistsError('partnership', draft.id);
    if (expectedVersion !== undefined && !current) throw new NotFoundError('partnership', draft.id);
    if (expectedVersion !== undefined && current?.version !== expectedVersion) {
      throw new VersionConflictError('partnership', draft.id, expectedVersion);
    }
    const record = parseWith(Partnership, { ...draft, version: (expectedVersion ?? 0) + 1 }, 'partnership');
    this.records.set(record.id, structuredClone(record));
    return record;
  }

  change(current: Partnership, patch: Partial<Draft<Partnership>>, expectedVersion?: number): Promise<Partnership> {
    return saveChange(this, current, patch, expectedVersion);
  }
}
