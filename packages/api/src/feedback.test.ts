import { ConflictError, examples, ValidationError } from '@peermap/domain';
import { HttpProblem } from '@peermap/http';
import { createMemoryStore } from '@peermap/memory-store';
import { describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import {
  anonymiseFeedbackPastRetention,
  feedbackKeyOf,
  feedbackThroughLink,
  giveFeedbackLink,
  isPastFeedbackRetention,
  newFeedbackToken,
  openFeedbackLink,
  parseFeedbackKey,
  recordFeedback,
  sessionTakingFeedback,
  takesFeedback,
  tokenHashOf,
} from './feedback';

const p = 'kent';
/** 8 December 2026, mid-morning in London. */
const now = new Date('2026-12-08T10:00:00.000Z');
const measures = {
  knowsSigns: { before: 2, after: 4 },
  feelsAlone: { before: 4 },
  knowsWhoToContact: {},
};

const { version: _, ...exampleFeedback } = examples.sessionFeedback;

async function aSession(over: Parameters<typeof make.invitationList>[1] = {}) {
  const store = createMemoryStore();
  const session = await store.invitationLists.save(
    make.invitationList(p, {
      status: 'held',
      session: { ...examples.invitationList.session, date: '2026-12-03' },
      ...over,
    }),
  );
  return { store, session };
}

describe('one-time feedback links', () => {
  it('are 32 random bytes in base64url, kept as their SHA-256 in hex', () => {
    const token = newFeedbackToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newFeedbackToken()).not.toBe(token);
    expect(tokenHashOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('carry the partnership and the token in their key, and anything else is no key', () => {
    const token = newFeedbackToken();
    expect(parseFeedbackKey(feedbackKeyOf('south-kent', token))).toEqual({ partnershipId: 'south-kent', token });
    for (const bad of [undefined, '', token, `.${token}`, 'kent.short', `Kent.${token}`, `kent.${token}x`]) {
      expect(parseFeedbackKey(bad)).toBeUndefined();
    }
  });

  it('are given for a session whose day has come and that went ahead, not one planned only or cancelled', async () => {
    const { session } = await aSession();
    expect(takesFeedback(session, now)).toBe(true);
    expect(takesFeedback({ ...session, session: { ...session.session, date: '2026-12-08' } }, now)).toBe(true);
    expect(takesFeedback({ ...session, session: { ...session.session, date: '2026-12-09' } }, now)).toBe(false);
    expect(takesFeedback({ ...session, status: 'cancelled' }, now)).toBe(false);
    expect(takesFeedback({ ...session, status: 'planned' }, now)).toBe(false);
    const { store, session: cancelled } = await aSession({ status: 'cancelled' });
    await expect(sessionTakingFeedback(store, p, cancelled.id, now)).rejects.toBeInstanceOf(ConflictError);
  });

  it('open once: a second answer, an expired or an unknown link all meet the same refusal', async () => {
    const { store, session } = await aSession();
    const given = await giveFeedbackLink(store, { session, by: 'lead-1', now, days: 2 });
    expect(given.formPath).toBe(`/#/feedback/${given.key}`);
    expect(given.validUntil).toBe('2026-12-10T10:00:00.000Z');
    const { token } = parseFeedbackKey(given.key) ?? { token: '' };
    const stored = await store.feedbackLinks.get(p, tokenHashOf(token));
    expect(stored).toMatchObject({ sessionId: session.id, createdBy: 'lead-1' });
    expect(JSON.stringify(stored)).not.toContain(token);

    const saved = await feedbackThroughLink(store, { partnershipId: p, token, answers: { measures }, now });
    expect(saved).toMatchObject({ sessionId: session.id, enteredBy: 'parent_link', measures });
    expect(saved.carerRef).toBeUndefined();
    expect(saved.recordedBy).toBeUndefined();

    const refusals = await Promise.all([
      feedbackThroughLink(store, { partnershipId: p, token, answers: { measures }, now }).catch((e: unknown) => e),
      openFeedbackLink(store, p, newFeedbackToken(), now).catch((e: unknown) => e),
      (async () => {
        const later = await giveFeedbackLink(store, { session, by: 'lead-1', now, days: 1 });
        const t = parseFeedbackKey(later.key)?.token ?? '';
        return openFeedbackLink(store, p, t, new Date('2026-12-09T10:00:00.000Z')).catch((e: unknown) => e);
      })(),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(HttpProblem);
      expect(refusal).toEqual(refusals[0]);
    }
    expect(await store.sessionFeedback.ofSession(p, session.id)).toHaveLength(1);
  });

  it('take one answer of two sent at once', async () => {
    const { store, session } = await aSession();
    const { key } = await giveFeedbackLink(store, { session, by: 'lead-1', now });
    const token = parseFeedbackKey(key)?.token ?? '';
    const answers = { measures };
    const both = await Promise.allSettled([
      feedbackThroughLink(store, { partnershipId: p, token, answers, now }),
      feedbackThroughLink(store, { partnershipId: p, token, answers, now }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await store.sessionFeedback.ofSession(p, session.id)).toHaveLength(1);
  });
});

describe("a worker's record of a parent's feedback", () => {
  it('names a carer invited to the session or no one, and notes words the guide would put otherwise without refusing them', async () => {
    const { store, session } = await aSession();
    const words = 'People said he was choosing to go with them. Tonight I felt listened to.';
    const named = await recordFeedback(store, {
      session,
      entry: { carerRef: 'CR1', words, measures },
      by: 'lead-1',
      now,
    });
    expect(named.feedback).toMatchObject({ carerRef: 'CR1', words, enteredBy: 'worker', recordedBy: 'lead-1' });
    expect(named.languageNotes.map((n) => n.field)).toContain('words');
    const anonymous = await recordFeedback(store, { session, entry: { measures }, by: 'lead-1', now });
    expect(anonymous.feedback.carerRef).toBeUndefined();
    await expect(
      recordFeedback(store, { session, entry: { carerRef: 'CR2', measures }, by: 'lead-1', now }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("feedback's retention", () => {
  it('keeps the carer and the words for two years from when it was given, then only the measures', async () => {
    const { store, session } = await aSession();
    const old = await store.sessionFeedback.save({
      ...exampleFeedback,
      partnershipId: p,
      sessionId: session.id,
      createdAt: '2024-12-08T09:00:00.000Z',
    });
    const recent = await store.sessionFeedback.save({
      ...exampleFeedback,
      id: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
      partnershipId: p,
      sessionId: session.id,
      createdAt: '2024-12-08T11:00:00.000Z',
    });
    expect(isPastFeedbackRetention(old, now)).toBe(true);
    expect(isPastFeedbackRetention(recent, now)).toBe(false);

    const swept = await anonymiseFeedbackPastRetention(store, p, now);
    expect(swept).toEqual({ anonymised: 1, carers: ['CR1'], deferred: 0 });
    const kept = await store.sessionFeedback.get(p, old.id);
    expect(kept).toMatchObject({ measures: old.measures, enteredBy: 'worker', version: 2 });
    expect(kept?.carerRef).toBeUndefined();
    expect(kept?.words).toBeUndefined();
    expect(await store.sessionFeedback.get(p, recent.id)).toEqual(recent);
    expect(await anonymiseFeedbackPastRetention(store, p, now)).toEqual({ anonymised: 0, carers: [], deferred: 0 });
  });
});
