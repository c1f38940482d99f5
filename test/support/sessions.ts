import { expect } from 'vitest';
import type { Caller } from './api';

/** A risk assessment written in full, with nobody kept apart: enough to complete and approve. */
export const WRITTEN_ASSESSMENT = {
  groupDynamics: 'The families know each other from school; no tensions are known between them.',
  confidentiality: 'What is said stays in the room, unless a child needs keeping safe: then workers share it.',
  groupAgreement: 'We listen to each other, we take turns, and we keep what is shared here.',
  keepApart: [],
};

/**
 * Makes a session safe the way the service asks: the lead writes and completes its risk
 * assessment and a second person (the chair) approves it. Its contact details, exports and
 * pack are then open.
 */
export async function approveSession(
  people: { lead: Caller; approver: Caller },
  sessionId: string,
  assessment: object = WRITTEN_ASSESSMENT,
): Promise<void> {
  const path = `/v1/sessions/${sessionId}`;
  const read = await people.lead.request('GET', `${path}/risk-assessment`);
  expect(read.status).toBe(200);
  const written = await people.lead.request('PATCH', `${path}/risk-assessment`, {
    body: assessment,
    headers: { 'if-match': read.headers.get('etag') ?? '' },
  });
  expect(written.status).toBe(200);
  const completed = await people.lead.request('POST', `${path}/risk-assessment/complete`, {
    body: {},
    headers: { 'if-match': written.headers.get('etag') ?? '' },
  });
  expect(completed.status).toBe(200);
  const approved = await people.approver.request('POST', `${path}/approval`, {
    body: {},
    headers: { 'if-match': completed.headers.get('etag') ?? '' },
  });
  expect(approved.status, approved.text).toBe(200);
}
