import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FeedbackEntry, FeedbackFormAnswers } from '@peermap/contract';
import {
  ConflictError,
  type FeedbackLink,
  type LanguageNote,
  languageNotes,
  NotFoundError,
  type ParentSession,
  PartnershipId,
  type SessionFeedback,
  type StorePorts,
  sessionStatusOf,
  todayOf,
  ValidationError,
  VersionConflictError,
} from '@peermap/domain';
import { HttpProblem } from '@peermap/http';
import { everyItem } from './paging';

/** What recording feedback and giving links reads and writes. */
export type FeedbackPorts = StorePorts<'invitationLists' | 'sessionFeedback' | 'feedbackLinks' | 'partnerships'>;
/** What a parent's one-time link may reach: its own link, the session's day, and a place to leave feedback. */
export type FeedbackFormPorts = StorePorts<'invitationLists' | 'sessionFeedback' | 'feedbackLinks'>;

/** A link lasts two weeks unless the worker says otherwise: long enough to think it over, short enough to be forgotten. */
export const FEEDBACK_LINK_DAYS = 14;
export const LONGEST_FEEDBACK_LINK_DAYS = 30;

/** 32 random bytes, written in base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A new link's secret part: never stored, answered once. */
export const newFeedbackToken = (): string => randomBytes(32).toString('base64url');

/** How a token is kept: its SHA-256, in hex. */
export const tokenHashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The key a link carries: the partnership (so the request runs as it) and the token. */
export const feedbackKeyOf = (partnershipId: string, token: string): string => `${partnershipId}.${token}`;

/** The partnership and token of a link's key; `undefined` for anything that is not one. */
export function parseFeedbackKey(key: string | undefined): { partnershipId: string; token: string } | undefined {
  const dot = key?.lastIndexOf('.') ?? -1;
  if (!key || dot < 1) return undefined;
  const partnershipId = key.slice(0, dot);
  const token = key.slice(dot + 1);
  if (!PartnershipId.safeParse(partnershipId).success || !TOKEN.test(token)) return undefined;
  return { partnershipId, token };
}

/** Where the parent's form is in the web app: in the fragment, which no server ever receives. */
export const feedbackFormPath = (key: string): string => `/#/feedback/${key}`;

/**
 * Whether parents can give feedback on a session yet: its day has come (UK time) and it went
 * ahead as approved (approved, invitations sent or held), not planned only nor cancelled.
 */
export function takesFeedback(session: ParentSession, now: Date): boolean {
  const status = sessionStatusOf(session);
  const delivered = status === 'approved' || status === 'invitations_sent' || status === 'held';
  return delivered && session.session.date <= todayOf(now);
}

/** The session feedback is given on: 404 if there is none, 409 if it has not taken place. */
export async function sessionTakingFeedback(
  store: FeedbackPorts,
  partnershipId: string,
  id: string,
  now: Date,
): Promise<ParentSession> {
  const session = await store.invitationLists.get(partnershipId, id);
  if (!session) throw new NotFoundError('session', id);
  if (!takesFeedback(session, now)) {
    throw new ConflictError(
      'Feedback is for a session that has taken place, or takes place today, and was not cancelled.',
    );
  }
  return session;
}

/**
 * A parent's feedback as a worker records it. A named carer must have been invited to the
 * session; without one it is anonymous. The words are the parent's own: the words guide only
 * notes what it would put otherwise, and nothing is refused for them.
 */
export async function recordFeedback(
  store: FeedbackPorts,
  asked: { session: ParentSession; entry: FeedbackEntry; by: string; now: Date },
): Promise<{ feedback: SessionFeedback; languageNotes: LanguageNote[] }> {
  const { session, entry, by, now } = asked;
  if (entry.carerRef && !session.invite.some((c) => c.carerRef === entry.carerRef)) {
    throw new ValidationError('Feedback names a carer invited to this session, or no one (anonymous).', [
      { path: 'carerRef', message: 'was not invited to this session' },
    ]);
  }
  const feedback = await store.sessionFeedback.save({
    id: randomUUID(),
    partnershipId: session.partnershipId,
    sessionId: session.id,
    ...(entry.carerRef ? { carerRef: entry.carerRef } : {}),
    ...(entry.words ? { words: entry.words } : {}),
    measures: entry.measures,
    enteredBy: 'worker',
    recordedBy: by,
    createdAt: now.toISOString(),
  });
  const partnership = await store.partnerships.get(session.partnershipId);
  const notes = entry.words ? languageNotes({ words: entry.words }, partnership?.languagePhrases ?? []) : [];
  return { feedback, languageNotes: notes };
}

/** A new one-time link for one parent: only its hash is kept; the key is answered once. */
export async function giveFeedbackLink(
  store: FeedbackPorts,
  asked: { session: ParentSession; by: string; now: Date; days?: number | undefined },
): Promise<{ key: string; formPath: string; validUntil: string }> {
  const { session, by, now } = asked;
  const token = newFeedbackToken();
  const validUntil = new Date(now.getTime() + (asked.days ?? FEEDBACK_LINK_DAYS) * DAY_MS).toISOString();
  await store.feedbackLinks.save({
    partnershipId: session.partnershipId,
    tokenHash: tokenHashOf(token),
    sessionId: session.id,
    validUntil,
    createdBy: by,
    createdAt: now.toISOString(),
  });
  const key = feedbackKeyOf(session.partnershipId, token);
  return { key, formPath: feedbackFormPath(key), validUntil };
}

/**
 * The one answer to a link that cannot be used: unknown, used or expired alike, so the answer
 * tells a guesser nothing about which keys exist.
 */
export const LINK_CANNOT_BE_USED =
  'This feedback link cannot be opened: it may have been used already, or its time has passed.';

export const linkCannotBeUsed = () => new HttpProblem(404, 'Not found', LINK_CANNOT_BE_USED);

/** A link that can still be used, with its session; otherwise `linkCannotBeUsed`. */
export async function openFeedbackLink(
  store: FeedbackFormPorts,
  partnershipId: string,
  token: string,
  now: Date,
): Promise<{ link: FeedbackLink; session: ParentSession }> {
  const link = await store.feedbackLinks.get(partnershipId, tokenHashOf(token));
  if (!link || link.usedAt || link.validUntil <= now.toISOString()) throw linkCannotBeUsed();
  const session = await store.invitationLists.get(partnershipId, link.sessionId);
  // A session called off (or otherwise no longer taking feedback) since the link was given closes it.
  if (!session || !takesFeedback(session, now)) throw linkCannotBeUsed();
  return { link, session };
}

/**
 * A parent's feedback through their link: the link is marked used first, by a write that holds
 * only while it is still unused at the version read, so of two racing answers one is kept and the
 * other refused like any used link. Link feedback is anonymous: the link names no one.
 */
export async function feedbackThroughLink(
  store: FeedbackFormPorts,
  asked: { partnershipId: string; token: string; answers: FeedbackFormAnswers; now: Date },
): Promise<SessionFeedback> {
  const { partnershipId, token, answers, now } = asked;
  const { link } = await openFeedbackLink(store, partnershipId, token, now);
  try {
    await store.feedbackLinks.change(link, { usedAt: now.toISOString() });
  } catch (error) {
    if (error instanceof VersionConflictError || error instanceof NotFoundError) throw linkCannotBeUsed();
    throw error;
  }
  return store.sessionFeedback.save({
    id: randomUUID(),
    partnershipId,
    sessionId: link.sessionId,
    ...(answers.words ? { words: answers.words } : {}),
    measures: answers.measures,
    enteredBy: 'parent_link',
    createdAt: now.toISOString(),
  });
}

/**
 * How long feedback keeps the carer it names and the parent's words: two years from the day it
 * was given (a funder's round and the next), counted from when it was given so feedback entered
 * late keeps its full time. After that it is kept without them, so the counts and the measures
 * before and after still add up.
 */
export const FEEDBACK_NAMED_FOR_YEARS = 2;

/** Whether feedback has passed the time it keeps a name and words, and still holds either. */
export function isPastFeedbackRetention(feedback: SessionFeedback, now: Date): boolean {
  if (feedback.carerRef === undefined && feedback.words === undefined) return false;
  const until = new Date(feedback.createdAt);
  until.setUTCFullYear(until.getUTCFullYear() + FEEDBACK_NAMED_FOR_YEARS);
  return until <= now;
}

/** What the retention sweep did to a partnership's feedback. */
export interface FeedbackSweep {
  /** Feedback now kept without its carer and words. */
  anonymised: number;
  /** The carers no longer named by it (for the audit event). */
  carers: string[];
  /** Feedback changed meanwhile: the next sweep tries again. */
  deferred: number;
}

/** Takes the carer and the words off every piece of feedback past its retention; the measures stay. */
export async function anonymiseFeedbackPastRetention(
  store: StorePorts<'sessionFeedback'>,
  partnershipId: string,
  now: Date,
): Promise<FeedbackSweep> {
  const all = await everyItem((page) => store.sessionFeedback.list(partnershipId, page));
  const result: FeedbackSweep = { anonymised: 0, carers: [], deferred: 0 };
  for (const feedback of all.filter((f) => isPastFeedbackRetention(f, now))) {
    const { carerRef, words: _, version, ...kept } = feedback;
    try {
      await store.sessionFeedback.save(kept, version);
    } catch (error) {
      if (!(error instanceof VersionConflictError || error instanceof NotFoundError)) throw error;
      result.deferred += 1;
      continue;
    }
    result.anonymised += 1;
    if (carerRef && !result.carers.includes(carerRef)) result.carers.push(carerRef);
  }
  return result;
}
