import { todayOf } from '@peermap/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, OTHER, startTestApi } from '../../support/api';
import * as make from '../../support/records';
import { WRITTEN_ASSESSMENT } from '../../support/sessions';

type Api = Awaited<ReturnType<typeof startTestApi>>;

interface ListedCarer {
  carerRef: string;
  phone?: string;
  email?: string;
  reason?: string;
}
interface ListBody {
  id: string;
  status?: string;
  session: { onlineLink?: string };
  invite: ListedCarer[];
  notInvited: ListedCarer[];
}
interface AssessmentBody {
  status: string;
  riskAssessment?: { completedBy?: string; approvedBy?: string; keepApart: { offeredAnotherSession?: string }[] };
  suggestions: {
    keepApart: { carerRefs: string[]; because: string }[];
    safetyNotes: { carerRef: string }[];
    missing: string[];
  };
}

const SAFETY_NOTE = 'Words of the safety note that stay on the carer record';
const KEPT_APART_BECAUSE = 'Their sons fell out badly in the summer';
const CHILDREN = [
  ['SF1', 'Jordan Safeside'],
  ['SF2', 'Riley Safeside'],
  ['SF3', 'Casey Safeside'],
] as const;

describe('a session made safe before anyone is invited', () => {
  let api: Api;
  let id = '';
  let etag = '';
  const lead = () => api.as('early-help-lead');
  const chair = () => api.as('madp-chair');
  const path = () => `/v1/sessions/${id}`;
  /** A step on the session at the version last read; the next step's version is kept. */
  const act = async (who: ReturnType<typeof lead>, method: string, to: string, body: object = {}) => {
    const answer = await who.request(method, `${path()}${to}`, { body, headers: { 'if-match': etag } });
    if (answer.status === 200) etag = answer.headers.get('etag') ?? '';
    return answer;
  };
  const list = async () => (await lead().request('GET', `/v1/invitation-lists/${id}`)).body as ListBody;

  beforeAll(async () => {
    api = await startTestApi();
    const { store } = api.table;
    for (const [ref, displayName] of CHILDREN)
      await store.youngPeople.save(make.youngPerson(DEMO, ref, { displayName }));
    await store.relationships.save(make.relationship(DEMO, 'SF1', 'SF2', { kind: 'conflict', restricted: false }));
    await store.carers.save(make.carer(DEMO, 'SC1', ['SF1'], { name: 'Ann Safeside' }));
    await store.carers.save(
      make.carer(DEMO, 'SC2', ['SF2'], { name: 'Bea Safeside', contact: { email: 'bea@example.org' } }),
    );
    await store.carers.save(make.carer(DEMO, 'SC3', ['SF3'], { name: 'Cal Safeside' }));
    await store.carers.save(make.carer(DEMO, 'SC4', ['SF1'], { name: 'Dee Safeside', safetyNote: SAFETY_NOTE }));
    const made = await lead().request('POST', '/v1/invitation-lists', {
      body: {
        youngPersonRefs: CHILDREN.map(([ref]) => ref),
        session: {
          date: todayOf(new Date(Date.now() + 14 * 86_400_000)),
          time: '18:00',
          endTime: '20:00',
          venue: 'Harbour Road Family Hub',
          onlineLink: 'https://meet.example.org/harbour',
          facilitators: [{ name: 'Pat Early', from: 'early_help' }],
        },
      },
    });
    expect(made.status).toBe(201);
    id = (made.body as ListBody).id;
    etag = made.headers.get('etag') ?? '';
  });
  afterAll(async () => {
    await api.close();
  });

  it('starts planned: no contact details, no online link, no export, no pack, no invitations yet', async () => {
    const before = await list();
    expect(before.status).toBe('planned');
    expect(before.invite.map((c) => c.carerRef)).toEqual(['SC1', 'SC2', 'SC3']);
    expect(before.invite.some((c) => c.phone || c.email)).toBe(false);
    expect(before.session.onlineLink).toBeUndefined();
    const sessions = (await lead().request('GET', '/v1/invitation-lists?when=upcoming&limit=50')).body as {
      items: { id: string; session: { onlineLink?: string } }[];
    };
    expect(sessions.items.find((item) => item.id === id)?.session).not.toHaveProperty('onlineLink');
    for (const format of ['csv', 'docx']) {
      const refused = await lead().request('GET', `/v1/invitation-lists/${id}/export?format=${format}`);
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((refused.body as { detail: string }).detail).toMatch(/risk assessment must be approved first/);
    }
    expect((await lead().request('GET', `${path()}/pack`)).status).toBe(409);
    expect((await act(lead(), 'POST', '/invitations-sent')).status).toBe(409);
  });

  it('suggests from the map: carers of young people in conflict, and a safety note as a flag only', async () => {
    const read = await lead().request('GET', `${path()}/risk-assessment`);
    expect(read.status).toBe(200);
    const view = read.body as AssessmentBody;
    expect(view.suggestions.keepApart).toContainEqual({
      carerRefs: ['SC1', 'SC2'],
      because: 'young_people_in_conflict',
      kept: false,
    });
    expect(view.suggestions.safetyNotes).toEqual([{ carerRef: 'SC4', name: 'Dee Safeside' }]);
    expect(view.suggestions.missing).toEqual(['groupDynamics', 'confidentiality', 'groupAgreement']);
    expect(read.text).not.toContain(SAFETY_NOTE);
  });

  it('keeps the assessment from police, who learn nothing of it, and from another partnership', async () => {
    const police = await api.as('police-analyst').request('GET', `${path()}/risk-assessment`);
    expect(police.status).toBe(403);
    expect(police.text).not.toMatch(/Safeside|SC[1-4]|planned|SF[1-3]/);
    expect((await api.as('police-analyst').request('GET', `${path()}/pack`)).status).toBe(403);
    const other = await api.as('early-help-lead', OTHER).request('GET', `${path()}/risk-assessment`);
    expect(other.status).toBe(404);
    expect(other.text).not.toMatch(/Safeside|SC[1-4]/);
  });

  it('is approved by a second person only, once the carers kept apart cannot both come', async () => {
    const pair = { carerRefs: ['SC1', 'SC2'], reason: KEPT_APART_BECAUSE };
    expect((await act(lead(), 'PATCH', '/risk-assessment', { ...WRITTEN_ASSESSMENT, keepApart: [pair] })).status).toBe(
      200,
    );
    const tooSoon = await act(chair(), 'POST', '/approval');
    expect(tooSoon.status).toBe(409);
    expect((await act(lead(), 'POST', '/risk-assessment/complete')).status).toBe(200);
    const self = await act(lead(), 'POST', '/approval');
    expect(self.status).toBe(409);
    expect((self.body as { detail: string }).detail).toMatch(/A second person approves/);
    const together = await act(chair(), 'POST', '/approval');
    expect(together.status).toBe(409);
    expect((together.body as { detail: string }).detail).toMatch(/offer one of each pair another session/);

    expect((await act(lead(), 'POST', '/offer-another-session', { carerRef: 'SC2' })).status).toBe(200);
    const approved = await act(chair(), 'POST', '/approval');
    expect(approved.status).toBe(200);
    const view = approved.body as AssessmentBody;
    expect(view.status).toBe('approved');
    expect(view.riskAssessment).toMatchObject({
      completedBy: 'demo-early-help-lead@demo',
      approvedBy: 'demo-madp-chair@demo',
    });
    const events = await api.table.store.audit.byCarer(DEMO, 'SC1');
    const details = events.items.map((event) => event.detail ?? '');
    expect(details).toContain('risk assessment completed by demo-early-help-lead@demo');
    expect(details).toContain(
      'risk assessment approved by demo-madp-chair@demo; completed by demo-early-help-lead@demo',
    );

    const after = await list();
    expect(after.invite.map((c) => c.carerRef)).toEqual(['SC1', 'SC3']);
    expect(after.notInvited).toContainEqual(
      expect.objectContaining({ carerRef: 'SC2', reason: 'another_session_offered' }),
    );
    expect(after.invite[0]?.phone).toBeDefined();
    expect(after.session.onlineLink).toBe('https://meet.example.org/harbour');
    expect(JSON.stringify(after)).not.toContain(KEPT_APART_BECAUSE);
    const csv = await lead().request('GET', `/v1/invitation-lists/${id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(KEPT_APART_BECAUSE);
  });

  it('gives the facilitators a pack naming no child of the map, by name or ref, nor why anyone is kept apart', async () => {
    const map = await api.table.store.mapReader.wholeMap(DEMO);
    const children = map.youngPeople.map((person) => [person.ref, person.displayName] as const);
    expect(children.length).toBeGreaterThan(10);
    const html = await lead().request('GET', `${path()}/pack?format=html`);
    expect(html.status).toBe(200);
    const docx = await lead().request('GET', `${path()}/pack?format=docx`);
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(docx.bytes ?? new Uint8Array());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const htmlText = html.text.replace(/<[^>]+>/g, ' ');
    for (const text of [htmlText, xml]) {
      expect(text).toContain('Ann Safeside');
      expect(text).toContain('We listen to each other');
      expect(text).not.toContain('Bea Safeside');
      expect(text).not.toContain(KEPT_APART_BECAUSE);
      for (const [ref, name] of children) {
        expect(text).not.toMatch(new RegExp(`\\b${ref}\\b`));
        expect(text).not.toContain(name);
      }
    }
    expect(html.text).toContain('OFFICIAL-SENSITIVE');
  });

  it('clears the approval when the assessment changes, and withholds contact details again', async () => {
    const changed = await act(lead(), 'PATCH', '/risk-assessment', {
      ...WRITTEN_ASSESSMENT,
      groupAgreement: 'We listen, we take turns, and phones stay in bags.',
      keepApart: [{ carerRefs: ['SC1', 'SC2'], reason: KEPT_APART_BECAUSE }],
    });
    expect(changed.status).toBe(200);
    const view = changed.body as AssessmentBody;
    expect(view.status).toBe('planned');
    expect(view.riskAssessment?.approvedBy).toBeUndefined();
    expect(view.riskAssessment?.completedBy).toBeUndefined();
    expect(view.riskAssessment?.keepApart[0]?.offeredAnotherSession).toBe('SC2');
    const again = await list();
    expect(again.invite.some((c) => c.phone || c.email)).toBe(false);
    expect((await lead().request('GET', `/v1/invitation-lists/${id}/export?format=csv`)).status).toBe(409);
  });
});
