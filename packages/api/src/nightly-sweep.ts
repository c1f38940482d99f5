import type { StorePorts, SweepPorts } from '@peermap/domain';
import { type SweepResult, sweepAuditEvent, sweepRetention } from './retention-sweep';

/** What a night touches: the sweep's ports, the restricted layer's upkeep and the invitation lists. */
export type NightPorts = SweepPorts & StorePorts<'restrictedLayer' | 'invitationLists'>;

/** Where the night's work writes what it did (the Lambda's logger). */
export interface NightLog {
  info(message: string, details: Record<string, unknown>): void;
  warn(message: string, details: Record<string, unknown>): void;
}

/**
 * One partnership's night: a table written before restricted intelligence had its own layer
 * is moved into it first (the sweep must see the layers apart); then the retention sweep, and
 * its audit. Only then are the invitation lists listed by their session's day: that upkeep
 * serves the sessions page, so it never holds back an erasure that is due, and a list it cannot
 * read or write is logged and left for the next night rather than failing the sweep.
 */
export async function sweepPartnershipNight(
  store: NightPorts,
  partnershipId: string,
  now: Date,
  log: NightLog,
): Promise<SweepResult> {
  const moved = await store.restrictedLayer.moveLegacy(partnershipId);
  if (moved.records + moved.auditEvents > 0) log.info('restricted layer moved', { partnershipId, ...moved });
  const swept = await sweepRetention(store, partnershipId, now);
  await store.audit.record(sweepAuditEvent(partnershipId, swept, now));
  await listSessionsByDay(store, partnershipId, log);
  return swept;
}

async function listSessionsByDay(store: NightPorts, partnershipId: string, log: NightLog): Promise<void> {
  try {
    const { relisted, unreadable } = await store.invitationLists.listSessionsByDay(partnershipId);
    if (relisted > 0) log.info('sessions listed by day', { partnershipId, relisted });
    if (unreadable.length > 0) {
      log.warn('invitation lists left unlisted by day: their stored form could not be read', {
        partnershipId,
        unreadable: unreadable.length,
        listIds: unreadable,
      });
    }
  } catch (error) {
    log.warn('sessions not listed by day tonight; the next sweep tries again', {
      partnershipId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
