import { type Changes, type Draft, type Ref, Review, type ReviewsRepository, type YoungPerson } from '@peermap/domain';
import { MemoryRepository } from './repository';

/** Decisions to keep young people, and the day each was first shown overdue. */
export class MemoryReviews implements ReviewsRepository {
  readonly decisions = new MemoryRepository<Review, { youngPersonRef: string; decidedAt: string }>({
    label: 'review',
    schema: Review,
    keyOf: (r) => r,
    id: (r) => `${r.youngPersonRef}#${r.decidedAt}`,
    order: (r) => `${r.youngPersonRef}#${r.decidedAt}`,
  });
  private readonly overdue = new Map<string, Map<Ref, string>>();

  constructor(private readonly youngPeople: Changes<YoungPerson>) {}

  async add(review: Draft<Review>): Promise<void> {
    await this.decisions.save(review);
  }

  async ofPerson(partnershipId: string, ref: string): Promise<Review[]> {
    return this.decisions.where(partnershipId, (r) => r.youngPersonRef === ref);
  }

  async all(partnershipId: string): Promise<Review[]> {
    return this.decisions.where(partnershipId, () => true);
  }

  async moveExpiry(changes: readonly { person: YoungPerson; retainUntil: string }[]): Promise<{ notMoved: Ref[] }> {
    const notMoved: Ref[] = [];
    for (const { person, retainUntil } of changes) {
      await this.youngPeople.change(person, { retainUntil }).catch(() => notMoved.push(person.ref));
    }
    return { notMoved };
  }

  async overdueSince(partnershipId: string): Promise<Map<Ref, string>> {
    return new Map(this.overdue.get(partnershipId));
  }

  async markOverdue(partnershipId: string, changes: readonly { ref: Ref; since: string | undefined }[]): Promise<void> {
    const days = this.overdue.get(partnershipId) ?? new Map<Ref, string>();
    for (const { ref, since } of changes) {
      if (since === undefined) days.delete(ref);
      else days.set(ref, since);
    }
    this.overdue.set(partnershipId, days);
  }
}
