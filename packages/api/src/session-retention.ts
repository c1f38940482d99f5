import { type InvitationList, NotFoundError, type StorePorts, todayOf, VersionConflictError } from '@peermap/domain';
import { everyItem } from './paging';

/**
 * How long a session keeps what was written about its families: its risk assessment's words
 * (the group's dynamics, who is kept apart from whom and why), the notes on follow-ups, costs and
 * the session itself. Two years after its day, as feedback keeps a carer's name and words: a
 * funder's round and the next. After that the session keeps what it counts (who was invited, who
 * came, what was owed and done, what it cost) and who completed and approved its assessment, when.
 */
export const SESSION_WORDS_KEPT_FOR_YEARS = 2;

/** The day from which a session held on `day` no longer keeps its words. */
function wordsKeptUntil(day: string): string {
  const until = new Date(`${day}T00:00:00.000Z`);
  until.setUTCFullYear(until.getUTCFullYear() + SESSION_WORDS_KEPT_FOR_YEARS);
  return until.toISOString().slice(0, 10);
}

/** Whether a session is past the time it keeps its words, and still holds some. */
export function isPastSessionRetention(list: InvitationList, now: Date): boolean {
  if (wordsKeptUntil(list.session.date) > todayOf(now)) return false;
  const assessment = list.riskAssessment;
  return Boolean(
    (assessment &&
      (assessment.groupDynamics ||
        assessment.confidentiality ||
        assessment.groupAgreement ||
        assessment.keepApart.length)) ||
      list.notes ||
      list.cancelledReason ||
      list.followUps?.some((f) => f.note) ||
      list.budget?.some((line) => line.note),
  );
}

/** The session without its words: counts, costs, dates and who approved stay. */
export function withoutSessionWords(list: InvitationList): InvitationList {
  const { notes: _notes, cancelledReason: _reason, riskAssessment, followUps, budget, ...kept } = list;
  return {
    ...kept,
    ...(riskAssessment
      ? {
          riskAssessment: {
            ...riskAssessment,
            groupDynamics: '',
            confidentiality: '',
            groupAgreement: '',
            keepApart: [],
          },
        }
      : {}),
    ...(followUps ? { followUps: followUps.map(({ note: _note, ...followUp }) => followUp) } : {}),
    ...(budget ? { budget: budget.map(({ note: _note, ...line }) => line) } : {}),
  };
}

export interface SessionSweep {
  cleared: number;
  /** The carers its words named (kept apart, followed up), for the audit event. */
  carers: string[];
  deferred: number;
}

/** Takes the words off every session past its retention; a session changed meanwhile waits for the next sweep. */
export async function clearSessionWordsPastRetention(
  store: StorePorts<'invitationLists'>,
  partnershipId: string,
  now: Date,
): Promise<SessionSweep> {
  const all = await everyItem((page) => store.invitationLists.list(partnershipId, page));
  const result: SessionSweep = { cleared: 0, carers: [], deferred: 0 };
  for (const list of all.filter((l) => isPastSessionRetention(l, now))) {
    try {
      // Saved whole at the version read: a patch would keep the fields it leaves out.
      const { version, ...kept } = withoutSessionWords(list);
      await store.invitationLists.save(kept, version);
    } catch (error) {
      if (!(error instanceof VersionConflictError || error instanceof NotFoundError)) throw error;
      result.deferred += 1;
      continue;
    }
    result.cleared += 1;
    const named = [
      ...(list.riskAssessment?.keepApart.flatMap((pair) => pair.carerRefs) ?? []),
      ...(list.followUps ?? []).filter((f) => f.note).map((f) => f.carerRef),
    ];
    for (const ref of named) if (!result.carers.includes(ref)) result.carers.push(ref);
  }
  return result;
}
