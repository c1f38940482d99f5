import * as z from 'zod';
import type { ClusterSnapshot } from './analysis';
import { ActorRole, type AuditEvent } from './audit';
import type { Carer } from './map';
import type { ParentGroup, SessionFeedback } from './parent-session';
import { strengthsInWords } from './plain-words';
import type { InvitationList } from './planning';
import { LongText, PartnershipId, Ref, ShortText, Timestamp } from './primitives';

/**
 * Erasure removes a young person for real: their own records go, and everything the
 * partnership keeps that named them (the week's groups, plans, invitation lists, the audit,
 * other records' notes) names an anonymous marker instead. Their own strengths go only from the
 * plans that were for them: elsewhere the same words are someone else's ("goes to football
 * training" in another child's concern). These functions are the pure part: what a record
 * looks like once the person is erased from it.
 */

/** What a chair or admin sends to erase a young person. */
export const ErasureRequest = z.strictObject({
  reason: LongText(1000).pipe(z.string().min(10, 'say why the young person is erased')),
});
export type ErasureRequest = z.infer<typeof ErasureRequest>;

/** Who is erased and what stands in their place. Held only while the erasure is under way. */
export const ErasureTarget = z.strictObject({
  partnershipId: PartnershipId,
  ref: Ref,
  /** The names the person was known by on the map, searched for in free text. */
  names: z.array(ShortText(120)),
  /**
   * The person's own strengths in their words ("captain of the under-14 side"), searched for in
   * what people wrote as names are: a drafted plan's summary quotes them. Absent from an erasure
   * begun before strengths were carried.
   */
  strengths: z.array(ShortText(200)).max(20).optional(),
  /** The anonymous marker that takes the ref's place; random, so it cannot be traced back. */
  marker: Ref,
  /** Carers removed with them because they cared for no other young person on the map. */
  removedCarers: z.array(Ref),
});
export type ErasureTarget = z.infer<typeof ErasureTarget>;

/**
 * An erasure under way: the target, the reason (already cleared of the person's name) and
 * who asked. A retry, or the retention sweep, finds it by ref and completes it.
 */
export const ErasureJob = ErasureTarget.extend({
  reason: LongText(1000),
  requestedBy: ShortText(128),
  requestedByRole: ActorRole,
  requestedAt: Timestamp,
  /** What the erasure removes, by kind: counted once, with the carers to remove, so a retry removes the same. */
  removed: z.record(z.string(), z.number().int().nonnegative()).optional(),
  version: z.number().int().positive(),
});
export type ErasureJob = z.infer<typeof ErasureJob>;

/** What remains of an erasure: that it happened, when, by whom and why; no personal data. */
export const ErasureRecord = z.strictObject({
  partnershipId: PartnershipId,
  marker: Ref,
  reason: LongText(1000),
  requestedBy: ShortText(128),
  requestedByRole: ActorRole,
  requestedAt: Timestamp,
  completedAt: Timestamp,
  removed: z.record(z.string(), z.number().int().nonnegative()),
  version: z.literal(1),
});
export type ErasureRecord = z.infer<typeof ErasureRecord>;

/** The words that take an erased name's place in free text. */
export const ERASED_NAME = '[name removed]';

/** A marker for one erasure: `erased-` and eight random hex digits. */
export function erasureMarker(randomHex: string): string {
  return `erased-${randomHex.slice(0, 8)}`;
}

const MARKER = /^erased-[0-9a-f]{8}$/;

/** Whether a ref is an erasure's marker (refs of that shape are never given to a young person). */
export const isErasureMarker = (ref: string) => MARKER.test(ref);

/** How a page names the marker of an erased young person. */
export const ERASED_PERSON = 'a young person no longer on the map';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words that take an erased strength's place where it stood on its own in free text. */
export const ERASED_WORDS = '[words removed]';

const wholeWords = (phrase: string) => `(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`;

/**
 * The text with the person's ref and names taken out. A ref counts only as a whole ref
 * (`YP1` is not found in `YP10`); names are found whatever their case.
 */
export function eraseFromText(text: string, target: Pick<ErasureTarget, 'ref' | 'names' | 'marker'>): string {
  let result = text.replace(
    new RegExp(`(?<![A-Za-z0-9._-])${escapeRegExp(target.ref)}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g'),
    target.marker,
  );
  for (const name of target.names) {
    if (name.trim().length < 2) continue;
    result = result.replace(new RegExp(wholeWords(name.trim()), 'giu'), ERASED_NAME);
  }
  return result;
}

/**
 * The text with the person's ref, names and own strengths taken out. A strength in a list
 * ("What is going well: football; music.") goes with its separator, so the list still reads;
 * one standing alone is replaced by `[words removed]`. Only for text written about the person
 * (a plan that covered them, see `eraseFromPlan`): anywhere else the same words may be another
 * child's.
 */
export function eraseFromWords(
  text: string,
  target: Pick<ErasureTarget, 'ref' | 'names' | 'marker' | 'strengths'>,
): string {
  let result = eraseFromText(text, target);
  for (const strength of target.strengths ?? []) {
    const words = strength.trim();
    if (words.length < 2) continue;
    const phrase = wholeWords(words);
    result = result
      .replace(new RegExp(`${phrase}\\s*[;,]\\s*`, 'giu'), '')
      .replace(new RegExp(`\\s*[;,]\\s*${phrase}`, 'giu'), '')
      .replace(new RegExp(phrase, 'giu'), ERASED_WORDS);
  }
  return result;
}

/** Fields that hold a young person's ref in the records the partnership keeps. */
const YOUNG_PERSON_REF_FIELDS = new Set([
  'memberRefs',
  'joined',
  'left',
  'inside',
  'outside',
  'other',
  'onTheirOwn',
  'smallGroups',
  'youngPersonRefs',
  'coversRefs',
  'youngPeople',
  'personA',
  'personB',
  'personRef',
]);

/**
 * The fields people write in words, where a name or a ref can appear: the only strings
 * searched. Everything else (ids, dates, codes, another record's own name) is left as it is,
 * so a short ref such as `20` or `P` can never reach a timestamp or a grading.
 */
const FREE_TEXT_FIELDS = new Set([
  'strengths',
  'note',
  'notes',
  'accessNeeds',
  'safetyNote',
  'scope',
  'narrative',
  'assessment',
  'failureReason',
  'summary',
  'description',
  'value',
  'message',
  'detail',
  'reason',
  'groupDynamics',
  'confidentiality',
  'groupAgreement',
  'words',
  'cancelledReason',
  'accessibility',
  'meets',
  'topicsAsked',
]);

/**
 * A record with the person erased from it: their ref replaced by the marker wherever a field
 * holds a young person's ref, and their ref and names taken out of the free text (their
 * strengths stay: the same words in another record are someone else's).
 * `refFields` adds fields that hold a young person's ref in this kind of record (a cluster's
 * `ref`); a record's own `ref` (a place, a carer) is left alone.
 */
export function eraseFrom<T>(record: T, target: ErasureTarget, refFields: readonly string[] = []): T {
  return eraseWith(record, target, refFields, (text) => eraseFromText(text, target));
}

/** What a plan names of the young people it is for. */
interface PlanCover {
  readonly youngPersonRefs?: readonly string[] | undefined;
  readonly actions: readonly { readonly coversRefs: readonly string[] }[];
}

/** Whether a plan (or a version of it) was for the young person: drafted for their group, or an action covers them. */
export const planCovers = (plan: PlanCover, ref: string) =>
  Boolean(plan.youngPersonRefs?.includes(ref)) || plan.actions.some((action) => action.coversRefs.includes(ref));

/**
 * A plan with the person erased from it. A plan that was for them (see `planCovers`) quotes
 * their strengths in its summary, as drafted, and loses those words too; any other plan loses
 * only their ref and names, as every kept record does.
 */
export function eraseFromPlan<T extends PlanCover>(plan: T, target: ErasureTarget): T {
  if (!planCovers(plan, target.ref)) return eraseFrom(plan, target);
  return eraseWith(plan, target, [], (text) => eraseFromWords(text, target));
}

/** The record with young person refs replaced and each free-text field passed through `eraseText`. */
function eraseWith<T>(
  record: T,
  target: ErasureTarget,
  refFields: readonly string[],
  eraseText: (text: string) => string,
): T {
  const refs = new Set([...YOUNG_PERSON_REF_FIELDS, ...refFields]);
  const eraseString = (value: string, field: string | undefined): string => {
    if (field !== undefined && refs.has(field)) return value === target.ref ? target.marker : value;
    if (field !== undefined && FREE_TEXT_FIELDS.has(field)) return eraseText(value);
    return value;
  };
  const visit = (value: unknown, field: string | undefined): unknown => {
    if (typeof value === 'string') return eraseString(value, field);
    if (Array.isArray(value)) return value.map((item) => visit(item, field));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner, key)]));
    }
    return value;
  };
  return visit(record, undefined) as T;
}

/** A stored group with the person replaced by the marker; their strengths are theirs and go. */
export function eraseFromCluster<T extends ClusterSnapshot>(cluster: T, target: ErasureTarget): T {
  const strengths = cluster.strengths.filter((s) => s.ref !== target.ref);
  // The summary names the group's strengths in words: said again without the person's own.
  const narrative = cluster.narrative.replace(strengthsInWords(cluster.strengths), strengthsInWords(strengths));
  // Said again from the others' own strengths, the sentence is exact: a member who wrote the
  // same words as the person keeps them here.
  return eraseFrom({ ...cluster, strengths, narrative }, target, ['ref']);
}

/** An invitation list without the carers removed with the person, and with the person replaced. */
export function eraseFromInvitationList<T extends InvitationList>(list: T, target: ErasureTarget): T {
  const stays = (entry: { carerRef: string }) => !target.removedCarers.includes(entry.carerRef);
  const attendance = Object.fromEntries(
    Object.entries(list.attendance).filter(([carerRef]) => !target.removedCarers.includes(carerRef)),
  );
  const { sizeWarning, riskAssessment, followUps } = list;
  const removed = (carerRef: string) => target.removedCarers.includes(carerRef);
  return eraseFrom(
    {
      ...list,
      ...(riskAssessment
        ? {
            riskAssessment: {
              ...riskAssessment,
              keepApart: riskAssessment.keepApart.filter((pair) => !pair.carerRefs.some(removed)),
            },
          }
        : {}),
      ...(followUps ? { followUps: followUps.filter(stays) } : {}),
      invite: list.invite.filter(stays),
      askConsentFirst: list.askConsentFirst.filter(stays),
      notInvited: list.notInvited.filter(stays),
      attendance,
      ...(sizeWarning
        ? {
            sizeWarning: {
              ...sizeWarning,
              proposedSessions: sizeWarning.proposedSessions.map((s) => ({
                ...s,
                carerRefs: s.carerRefs.filter((ref) => !target.removedCarers.includes(ref)),
              })),
            },
          }
        : {}),
    },
    target,
  );
}

/**
 * Feedback given by a carer removed with the person stays counted, anonymous: without the carer
 * and without the words (which may name their family). Other feedback loses only the person's
 * ref and names from its words.
 */
export function eraseFromFeedback<T extends SessionFeedback>(feedback: T, target: ErasureTarget): T {
  if (!feedback.carerRef || !target.removedCarers.includes(feedback.carerRef)) return eraseFrom(feedback, target);
  const { carerRef: _, words: __, ...anonymous } = feedback;
  return anonymous as T;
}

/** A parent group without the carers removed with the person. */
export function eraseFromParentGroup<T extends ParentGroup>(group: T, target: ErasureTarget): T {
  return eraseFrom(
    { ...group, members: group.members.filter((member) => !target.removedCarers.includes(member.carerRef)) },
    target,
  );
}

/** An audit event that names the marker instead of the person, and no longer the carers removed with them. */
export function eraseFromAuditEvent<T extends AuditEvent>(event: T, target: ErasureTarget): T {
  return eraseFrom(
    {
      ...event,
      subjects: {
        youngPeople: event.subjects.youngPeople,
        carers: event.subjects.carers.filter((ref) => !target.removedCarers.includes(ref)),
      },
    },
    target,
  );
}

/** A carer without the erased young person; `undefined` when they care for no one else on the map. */
export function eraseFromCarer<T extends Carer>(carer: T, target: ErasureTarget): T | undefined {
  const youngPersonRefs = carer.youngPersonRefs.filter((ref) => ref !== target.ref);
  if (youngPersonRefs.length === 0) return undefined;
  return eraseFrom({ ...carer, youngPersonRefs }, target);
}

/**
 * A carer the partnership keeps, without the erased young person. A carer who cared for no one
 * else was removed with the person's own records, so one found after that is kept as it is.
 */
export function eraseFromKeptCarer<T extends Carer>(carer: T, target: ErasureTarget): T {
  return eraseFromCarer(carer, target) ?? carer;
}
