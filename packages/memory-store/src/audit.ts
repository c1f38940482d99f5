import { AuditEvent, type AuditLog, type Page, type PageRequest, parseWith } from '@peermap/domain';
import { pageOf, sortedBy } from './repository';

/**
 * The audit log: events are only added, found by the person they name or the user who acted,
 * newest first. Events of the restricted layer are found by neither, as in the table.
 */
export class MemoryAuditLog implements AuditLog {
  private readonly events = new Map<string, AuditEvent>();

  async record(event: AuditEvent): Promise<void> {
    const parsed = parseWith(AuditEvent, event, 'audit event');
    this.events.set(`${parsed.partnershipId}|${parsed.id}`, structuredClone(parsed));
  }

  byYoungPerson(partnershipId: string, ref: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    return this.page(partnershipId, `young-person:${ref}`, (e) => e.subjects.youngPeople.includes(ref), page);
  }

  byCarer(partnershipId: string, ref: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    return this.page(partnershipId, `carer:${ref}`, (e) => e.subjects.carers.includes(ref), page);
  }

  byUser(partnershipId: string, userId: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    return this.page(partnershipId, `user:${userId}`, (e) => e.actor.userId === userId, page);
  }

  /** Every event of the partnership, restricted ones too (what an erasure rewrites). */
  all(partnershipId: string): AuditEvent[] {
    return [...this.events.values()].filter((e) => e.partnershipId === partnershipId).map((e) => structuredClone(e));
  }

  /** Puts an event back as given (an erasure's rewrite). */
  replace(event: AuditEvent): void {
    this.events.set(`${event.partnershipId}|${event.id}`, structuredClone(event));
  }

  private async page(
    partnershipId: string,
    scope: string,
    names: (event: AuditEvent) => boolean,
    page?: PageRequest,
  ): Promise<Page<AuditEvent>> {
    const found = this.all(partnershipId).filter((e) => !e.restricted && names(e));
    return pageOf(
      partnershipId,
      sortedBy(found, (e) => `${e.at}#${e.id}`, true),
      page,
      scope,
    );
  }
}
