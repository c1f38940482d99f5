import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { approveSession } from '../../support/sessions';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const SESSION = {
  date: '2099-12-10',
  time: '18:30',
  venue: 'Community Centre',
  facilitators: [
    { name: 'Early Help', from: 'early_help' as const },
    { name: 'Police', from: 'police' as const },
  ],
};

interface ListBody {
  id: string;
  invite: { carerRef: string; youngPersonRefs: string[]; contactRoute: string }[];
  askConsentFirst: { carerRef: string; askedBy?: string }[];
  notInvited: { carerRef: string; reason: string }[];
  sizeWarning?: { proposedSessions: { carerRefs: string[] }[] };
  attendance: Record<string, string>;
}

interface PlanBody {
  plan: {
    id: string;
    status: string;
    version: number;
    summary: string;
    actions: { id: string; description: string; coversRefs: string[]; status: string; basis?: unknown }[];
  };
  languageNotes: { field: string; phrase: string; suggestion: string }[];
  uncovered: string[];
}

describe('planning for the MADP on the demo map (week 4)', () => {
  let api: Api;
  let clusters: { clusterId: string; memberRefs: string[] }[] = [];
  const chair = () => api.as('madp-chair');
  const lead = () => api.as('early-help-lead');

  beforeAll(async () => {
    api = await startTestApi();
    const listed = await chair().request('GET', '/v1/clusters?week=2026-W48');
    clusters = (listed.body as { clusters: typeof clusters }).clusters;
  });
  afterAll(async () => {
    await api.close();
  });

  it('gives every week-4 cluster an invitation list and an agreed action plan', async () => {
    expect(clusters.length).toBeGreaterThan(5);
    for (const cluster of clusters) {
      const list = await lead().request('POST', `/v1/clusters/${cluster.clusterId}/invitation-lists`, {
        body: { session: SESSION },
      });
      expect(list.status).toBe(201);
      const drafted = await lead().request('POST', `/v1/clusters/${cluster.clusterId}/action-plans`, { body: {} });
      expect(drafted.status).toBe(201);
      const { plan, uncovered } = drafted.body as PlanBody;
      expect(uncovered).toEqual([]);
      const agreed = await chair().request('POST', `/v1/action-plans/${plan.id}/status`, {
        body: { status: 'agreed' },
        headers: { 'if-match': `"${plan.version}"` },
      });
      expect(agreed.status).toBe(200);
      expect((agreed.body as PlanBody).plan.status).toBe('agreed');
    }
  });

  it('sorts the demo carers by consent and safety, each carer once, siblings together', async () => {
    const response = await lead().request('POST', '/v1/invitation-lists', {
      body: { session: SESSION, youngPersonRefs: ['YP00001', 'YP00002'] },
    });
    expect(response.status).toBe(201);
    const list = response.body as ListBody;
    // CR00001 (not asked yet) and CR00002 (consent given) care for both brothers.
    expect(list.askConsentFirst.map((c) => c.carerRef)).toContain('CR00001');
    expect(list.invite.find((c) => c.carerRef === 'CR00002')?.youngPersonRefs).toEqual(['YP00001', 'YP00002']);
    const everyone = [...list.invite, ...list.askConsentFirst, ...list.notInvited].map((c) => c.carerRef);
    expect(new Set(everyone).size).toBe(everyone.length);
  });

  it('records attendance for invited carers only, against the version read', async () => {
    const created = await lead().request('POST', '/v1/invitation-lists', {
      body: { session: SESSION, youngPersonRefs: ['YP00001', 'YP00002'] },
    });
    const list = created.body as ListBody;
    const [invited] = list.invite;
    const path = `/v1/invitation-lists/${list.id}`;
    expect((await lead().request('PATCH', path, { body: { attendance: {} } })).status).toBe(428);
    const ok = await lead().request('PATCH', path, {
      body: { attendance: { [invited?.carerRef ?? '']: 'attended' } },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.status).toBe(200);
    expect((ok.body as ListBody).attendance).toEqual({ [invited?.carerRef ?? '']: 'attended' });
    const stale = await lead().request('PATCH', path, {
      body: { attendance: { [invited?.carerRef ?? '']: 'apologies' } },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const stranger = await lead().request('PATCH', path, {
      body: { attendance: { CR99999: 'attended' } },
      headers: { 'if-match': '"2"' },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('keeps invitation lists and plans from police analysts, and audits every read of a list', async () => {
    const police = api.as('police-analyst');
    const cluster = clusters[0]?.clusterId ?? '';
    expect(
      (await police.request('POST', `/v1/clusters/${cluster}/invitation-lists`, { body: { session: SESSION } })).status,
    ).toBe(403);
    expect((await police.request('GET', `/v1/clusters/${cluster}/invitation-lists`)).status).toBe(403);
    expect((await police.request('GET', `/v1/clusters/${cluster}/action-plans`)).status).toBe(403);
    const created = await lead().request('POST', '/v1/invitation-lists', {
      body: { session: SESSION, youngPersonRefs: ['YP00003'] },
    });
    const list = created.body as ListBody;
    await chair().request('GET', `/v1/invitation-lists/${list.id}`);
    const events = await api.table.store.audit.byCarer(DEMO, 'CR00003');
    const reads = events.items.filter((e) => e.resource === 'invitation-lists' && e.action === 'read');
    expect(reads.length).toBeGreaterThan(0);
  });

  it('takes a carer off a stored list, contact details and all, once a safety flag is added to their record', async () => {
    const cluster = clusters[2];
    const created = await lead().request('POST', `/v1/clusters/${cluster?.clusterId}/invitation-lists`, {
      body: { session: SESSION },
    });
    const list = created.body as ListBody & { invite: { phone?: string }[] };
    const [carer] = list.invite;
    if (!carer) throw new Error('the week-4 group has an invited carer');
    const record = await lead().request('GET', `/v1/carers/${carer.carerRef}`);
    const flagged = await lead().request('PATCH', `/v1/carers/${carer.carerRef}`, {
      body: { doNotContact: true },
      headers: { 'if-match': record.headers.get('etag') ?? '' },
    });
    expect(flagged.status).toBe(200);
    const read = (await lead().request('GET', `/v1/invitation-lists/${list.id}`)).body as ListBody;
    expect(read.invite.map((c) => c.carerRef)).not.toContain(carer.carerRef);
    expect(read.notInvited).toContainEqual(
      expect.objectContaining({ carerRef: carer.carerRef, reason: 'do_not_contact' }),
    );
    const csv = await lead().request('GET', `/v1/invitation-lists/${list.id}/export?format=csv`);
    if (carer.phone) expect(csv.text).not.toContain(carer.phone);
    const attended = await lead().request('PATCH', `/v1/invitation-lists/${list.id}`, {
      body: { attendance: { [carer.carerRef]: 'attended' } },
      headers: { 'if-match': '"1"' },
    });
    expect(attended.status).toBe(400);
  });

  it('lets one of two edits made from the same version win, refuses the other with 412, and keeps every version', async () => {
    const drafted = await lead().request('POST', `/v1/clusters/${clusters[1]?.clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const path = `/v1/action-plans/${plan.id}`;
    const edit = (summary: string) =>
      lead().request('PATCH', path, { body: { summary }, headers: { 'if-match': `"${plan.version}"` } });
    const results = await Promise.all([edit('First edit of the summary.'), edit('Second edit of the summary.')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const versions = await lead().request('GET', `${path}/versions`);
    const items = (versions.body as { items: { version: number; summary: string }[] }).items;
    expect(items.map((v) => v.version)).toEqual([1, 2]);
    expect(items[0]?.summary).toBe(plan.summary);
  });

  it('answers blaming words with better ones, and writes none itself', async () => {
    const drafted = await lead().request('POST', `/v1/clusters/${clusters[2]?.clusterId}/action-plans`, { body: {} });
    const { plan, languageNotes } = drafted.body as PlanBody;
    expect(languageNotes).toEqual([]);
    const edited = await lead().request('PATCH', `/v1/action-plans/${plan.id}`, {
      body: { summary: 'Two gang members are putting themselves at risk.' },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    expect((edited.body as PlanBody).languageNotes).toEqual([
      { field: 'summary', phrase: 'putting themselves at risk', suggestion: 'is at risk of harm' },
      { field: 'summary', phrase: 'gang member', suggestion: 'young person at risk of criminal exploitation' },
    ]);
  });

  it('does not agree a plan with blaming words until each is changed or kept with a reason, printed on its paper', async () => {
    const drafted = await lead().request('POST', `/v1/clusters/${clusters[4]?.clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const [first, ...rest] = plan.actions;
    if (!first) throw new Error('the draft has actions');
    const quoted = { ...first, description: `${first.description}; in his words, "I was only the runner"` };
    const path = `/v1/action-plans/${plan.id}`;
    const worded = await lead().request('PATCH', path, {
      body: { summary: `${plan.summary} The school calls them a gang.`, actions: [quoted, ...rest] },
      headers: { 'if-match': '"1"' },
    });
    expect(worded.status).toBe(200);

    const refused = await chair().request('POST', `${path}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': '"2"' },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const { errors } = refused.body as { errors: { path: string; message: string }[] };
    expect(errors.map((e) => e.path)).toEqual(['summary', `actions.${first.id}.description`]);
    expect(errors[0]?.message).toContain('“gang” in the summary');
    expect(errors[1]?.message).toContain(`“runner” in action ${first.id}`);

    const notThere = await lead().request('PATCH', path, {
      body: { keptWords: [{ phrase: 'gang', actionId: first.id, reason: 'The school’s words, quoted.' }] },
      headers: { 'if-match': '"2"' },
    });
    expect(notThere.status).toBe(400);
    const reason = 'His own words, quoted with his agreement at the review.';
    const settled = await lead().request('PATCH', path, {
      body: {
        summary: `${plan.summary} The school calls them a peer group.`,
        keptWords: [{ phrase: 'runner', actionId: first.id, reason }],
      },
      headers: { 'if-match': '"2"' },
    });
    expect(settled.status).toBe(200);
    const kept = (settled.body as { plan: { keptWords: Record<string, string>[] } }).plan.keptWords;
    expect(kept).toEqual([
      { phrase: 'runner', actionId: first.id, reason, keptBy: 'demo-early-help-lead@demo', keptAt: expect.any(String) },
    ]);
    const agreed = await chair().request('POST', `${path}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': '"3"' },
    });
    expect(agreed.status).toBe(200);

    const paper = await chair().request('GET', `${path}/export?format=html`);
    expect(paper.text).toContain('Words kept, and why');
    expect(paper.text).toContain(reason);
    expect(paper.text).not.toContain('gang');
    const trail = await api.table.store.audit.byYoungPerson(DEMO, first.coversRefs[0] ?? '', { limit: 500 });
    expect(trail.items.map((e) => e.requestId)).toContain(settled.headers.get('x-request-id'));
  });

  it("keeps each action's basis itself: one sent is ignored, one no longer true is dropped", async () => {
    const cluster = clusters[5];
    const drafted = await lead().request('POST', `/v1/clusters/${cluster?.clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const [first, second, ...rest] = plan.actions;
    if (!first?.basis || !second?.basis || !cluster) throw new Error('the draft has actions with their basis');
    const path = `/v1/action-plans/${plan.id}`;
    // A place typed by hand, claimed for an action the draft made for another reason.
    const typed = { kind: 'place', locationRef: 'LOC0001', name: 'Typed by hand: the park where they deal' };
    const otherPeople = second.coversRefs.length > 1 ? second.coversRefs.slice(1) : cluster.memberRefs;
    const changed = await lead().request('PATCH', path, {
      body: {
        actions: [
          { ...first, basis: typed },
          { ...second, coversRefs: otherPeople },
          ...rest,
          { ...first, id: 'added-1', basis: typed },
        ],
      },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    const actions = (changed.body as PlanBody).plan.actions;
    expect(actions[0]?.basis).toEqual(first.basis);
    expect(actions[1]).not.toHaveProperty('basis');
    expect(actions.at(-1)).not.toHaveProperty('basis');
    expect(changed.text).not.toContain('Typed by hand');
    // Dropped, it stays dropped even when the action covers the young people it did before.
    const back = await lead().request('PATCH', path, {
      body: { actions: [first, second, ...rest] },
      headers: { 'if-match': '"2"' },
    });
    expect((back.body as PlanBody).plan.actions[1]).not.toHaveProperty('basis');
    const paper = await chair().request('GET', `${path}/export?format=html`);
    expect(paper.text).not.toContain('Typed by hand');
  });

  it('refuses the same words kept twice, a reason that blames, and two actions with one id', async () => {
    const drafted = await lead().request('POST', `/v1/clusters/${clusters[5]?.clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const [first] = plan.actions;
    if (!first) throw new Error('the draft has actions');
    const path = `/v1/action-plans/${plan.id}`;
    const summary = `${plan.summary} The school calls them a gang.`;
    const refusals = [
      {
        summary,
        keptWords: [
          { phrase: 'gang', reason: 'The school’s words, quoted.' },
          { phrase: 'gang', reason: 'Quoted from the school’s referral.' },
        ],
      },
      { summary, keptWords: [{ phrase: 'gang', reason: 'He chose to be with them, the school says.' }] },
      { actions: [first, { ...first, description: 'Another step' }] },
    ];
    const paths = [];
    for (const body of refusals) {
      const refused = await lead().request('PATCH', path, { body, headers: { 'if-match': '"1"' } });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      paths.push((refused.body as { errors: { path: string }[] }).errors.map((e) => e.path));
    }
    expect(paths).toEqual([['keptWords.1'], ['keptWords.0.reason'], ['actions']]);
    const quoted = await lead().request('PATCH', path, {
      body: { summary, keptWords: [{ phrase: 'gang', reason: 'The school wrote “a gang”; quoted as written.' }] },
      headers: { 'if-match': '"1"' },
    });
    expect(quoted.status).toBe(200);
  });

  it('does not agree a plan while a young person in the group has no action', async () => {
    const cluster = clusters[3];
    const drafted = await lead().request('POST', `/v1/clusters/${cluster?.clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const [first] = cluster?.memberRefs ?? [];
    const actions = plan.actions.map((a) => ({ ...a, coversRefs: a.coversRefs.filter((ref) => ref !== first) }));
    const edited = await lead().request('PATCH', `/v1/action-plans/${plan.id}`, {
      body: { actions },
      headers: { 'if-match': '"1"' },
    });
    expect((edited.body as PlanBody).uncovered).toEqual([first]);
    const refused = await chair().request('POST', `/v1/action-plans/${plan.id}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': '"2"' },
    });
    expect(refused.status).toBe(409);
    expect((refused.body as { detail: string }).detail).toContain(first);
    const byLead = await lead().request('POST', `/v1/action-plans/${plan.id}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': '"2"' },
    });
    expect(byLead.status).toBe(403);
  });

  it('sends an agreed plan back to draft when it is changed, and refuses actions for people outside it', async () => {
    const cluster = clusters[0];
    const drafted = await lead().request('POST', `/v1/clusters/${cluster?.clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const agreed = await chair().request('POST', `/v1/action-plans/${plan.id}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': '"1"' },
    });
    expect((agreed.body as PlanBody).plan.status).toBe('agreed');
    const outsider = clusters.find((c) => c !== cluster)?.memberRefs[0] ?? 'YP99999';
    const stranger = await lead().request('PATCH', `/v1/action-plans/${plan.id}`, {
      body: { actions: plan.actions.map((a, index) => (index === 0 ? { ...a, coversRefs: [outsider] } : a)) },
      headers: { 'if-match': '"2"' },
    });
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(stranger.body)).toContain(outsider);
    const [kept] = plan.actions;
    const changed = await lead().request('PATCH', `/v1/action-plans/${plan.id}`, {
      body: { actions: kept ? [{ ...kept, coversRefs: kept.coversRefs.slice(0, 1) }] : [] },
      headers: { 'if-match': '"2"' },
    });
    expect(changed.status).toBe(200);
    expect((changed.body as PlanBody).plan.status).toBe('draft');
  });

  it('does not agree a plan with no actions, and audits whom a change took out of a plan', async () => {
    const report = await chair().request('GET', `/v1/clusters/${clusters[1]?.clusterId}`);
    const place =
      (report.body as { cluster: { places: { locationRef: string }[] } }).cluster.places[0]?.locationRef ?? 'LOC0001';
    const drafted = await chair().request('POST', `/v1/locations/${place}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const [action] = plan.actions;
    const person = clusters[1]?.memberRefs[0] ?? 'YP00001';
    const path = `/v1/action-plans/${plan.id}`;
    const named = await chair().request('PATCH', path, {
      body: { actions: action ? [{ ...action, coversRefs: [person] }] : [] },
      headers: { 'if-match': '"1"' },
    });
    expect(named.status).toBe(200);
    const emptied = await chair().request('PATCH', path, { body: { actions: [] }, headers: { 'if-match': '"2"' } });
    expect(emptied.status).toBe(200);
    const trail = await api.table.store.audit.byYoungPerson(DEMO, person, { limit: 500 });
    expect(trail.items.map((e) => e.requestId)).toContain(emptied.headers.get('x-request-id'));
    const refused = await chair().request('POST', `${path}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': '"3"' },
    });
    expect(refused.status).toBe(409);
  });

  it("drafts a place's own plan and shows it with the plans of every cluster that gathers there", async () => {
    const report = await chair().request('GET', `/v1/clusters/${clusters[0]?.clusterId}`);
    const places = (report.body as { cluster: { places: { locationRef: string }[] } }).cluster.places;
    const place = places[0]?.locationRef ?? 'LOC0001';
    const drafted = await chair().request('POST', `/v1/locations/${place}/action-plans`, { body: {} });
    expect(drafted.status).toBe(201);
    const placePlan = (drafted.body as PlanBody).plan;
    expect(placePlan.actions.length).toBeGreaterThan(0);
    const plans = await chair().request('GET', `/v1/clusters/${clusters[0]?.clusterId}/action-plans`);
    const placePlans = (plans.body as { placePlans: { id: string }[] }).placePlans;
    expect(placePlans.map((p) => p.id)).toContain(placePlan.id);
  });

  it('downloads the week-4 plan and invitation list as Word documents that open', async () => {
    const cluster = clusters[0]?.clusterId;
    const list = (
      await lead().request('POST', `/v1/clusters/${cluster}/invitation-lists`, { body: { session: SESSION } })
    ).body as ListBody;
    await approveSession({ lead: lead(), approver: chair() }, list.id);
    const plan = ((await lead().request('POST', `/v1/clusters/${cluster}/action-plans`, { body: {} })).body as PlanBody)
      .plan;
    for (const path of [
      `/v1/invitation-lists/${list.id}/export?format=docx`,
      `/v1/action-plans/${plan.id}/export?format=docx`,
    ]) {
      const response = await chair().request('GET', path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.docx"/);
      const zip = await JSZip.loadAsync(response.bytes ?? new Uint8Array());
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(XMLValidator.validate(xml)).toBe(true);
    }
    const csv = await chair().request('GET', `/v1/invitation-lists/${list.id}/export?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const [markingLine, header] = csv.text.split('\r\n');
    expect(markingLine).toMatch(/^"OFFICIAL-SENSITIVE: A safeguarding record of children at risk of harm/);
    expect(header).toMatch(/^"list","carer_ref","name"/);
    const report = await chair().request('GET', `/v1/clusters/${cluster}/report`);
    expect(report.headers.get('content-type')).toMatch(/text\/html/);
    expect(report.text).toContain('<svg');
  });

  it('exports the map under the same redaction as the API: restricted intelligence for police analysts only', async () => {
    await api.table.store.restrictedRelationships.save({
      personA: 'YP00001',
      personB: 'YP00120',
      kind: 'associate',
      strength: 2,
      sourceAgency: 'police',
      grading: { sourceEvaluation: 1, intelligenceAssessment: 'B', handlingCode: 'P' },
      restricted: true,
      partnershipId: DEMO,
      provenance: { recordedBy: 'analyst-1', recordedAt: '2026-11-27T10:00:00.000Z' },
    });
    const pair = /"YP00001","Young person",[^\r\n]*"YP00120"/;
    const forLead = await lead().request('GET', '/v1/exports/map?format=i2');
    expect(forLead.status).toBe(200);
    expect(forLead.text).not.toMatch(pair);
    const forPolice = await api.as('police-analyst').request('GET', '/v1/exports/map?format=i2');
    expect(forPolice.text).toMatch(pair);
    expect(forPolice.text).toMatch(/"YP00001","Young person",[^\r\n]*"YP00120",[^\r\n]*"restricted","1","B","P"/);
    expect(forPolice.text.split('\r\n')[0]).toContain('THIS FILE HOLDS RESTRICTED POLICE INTELLIGENCE');
    expect(forLead.text.split('\r\n')[0]).not.toContain('RESTRICTED');
    // The police export is audited twice: the ordinary event every audit reader sees, and the
    // restricted layer's own, which says it held restricted intelligence.
    const exports = (await api.table.scanAll()).filter(
      (item) =>
        item['entity'] === 'AuditEvent' &&
        item['action'] === 'export' &&
        (item['actor'] as { role: string }).role === 'police-analyst',
    );
    expect(exports.map((item) => [item['restricted'] ?? false, String(item['GSI2SK']).split('#')[0]]).sort()).toEqual([
      [false, 'AUDIT'],
      [true, 'RAUDIT'],
    ]);
    const geo = await lead().request('GET', '/v1/exports/locations');
    expect((geo.body as { type: string; features: unknown[] }).type).toBe('FeatureCollection');
    expect((geo.body as { features: unknown[] }).features.length).toBeGreaterThan(5);
  });

  it('refuses a list for someone outside the cluster, and a plan for a cluster nobody found', async () => {
    const cluster = clusters[0];
    const outsider = clusters[1]?.memberRefs[0];
    const refused = await lead().request('POST', `/v1/clusters/${cluster?.clusterId}/invitation-lists`, {
      body: { session: SESSION, youngPersonRefs: [outsider] },
    });
    expect(refused.status).toBe(400);
    expect((await lead().request('POST', '/v1/clusters/no-such-group/action-plans', { body: {} })).status).toBe(404);
    const badTime = await lead().request('POST', '/v1/invitation-lists', {
      body: { session: { ...SESSION, time: '6.30pm' }, youngPersonRefs: ['YP00001'] },
    });
    expect(badTime.status).toBe(400);
  });

  it('refuses a session on a day already gone by in the UK, naming the field, and takes one today', async () => {
    const cluster = clusters[0]?.clusterId;
    const past = await lead().request('POST', `/v1/clusters/${cluster}/invitation-lists`, {
      body: { session: { ...SESSION, date: '2020-01-01' } },
    });
    expect(past.status).toBe(400);
    const problem = past.body as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'session.date' })]);
    expect(problem.errors[0]?.message).toContain('2020-01-01');
    const ukToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const today = await lead().request('POST', '/v1/invitation-lists', {
      body: { session: { ...SESSION, date: ukToday }, youngPersonRefs: ['YP00001'] },
    });
    expect(today.status).toBe(201);
  });

  it('keeps the agreed version of a plan when it is changed: the change is the next version, a draft', async () => {
    const cluster = clusters[2];
    const drafted = await chair().request('POST', `/v1/clusters/${cluster?.clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    await chair().request('POST', `/v1/action-plans/${plan.id}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': '"1"' },
    });
    const changed = await chair().request('PATCH', `/v1/action-plans/${plan.id}`, {
      body: { summary: 'Next version: the group meets at the youth club on Fridays.' },
      headers: { 'if-match': '"2"' },
    });
    expect((changed.body as PlanBody).plan).toMatchObject({ status: 'draft', version: 3 });
    const versions = await chair().request('GET', `/v1/action-plans/${plan.id}/versions`);
    const items = (versions.body as { items: { status: string; version: number }[] }).items;
    expect(items.map((item) => [item.version, item.status])).toEqual([
      [1, 'draft'],
      [2, 'agreed'],
      [3, 'draft'],
    ]);
  });
});

describe("a partnership's own rules and words", () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('drafts plans from the rules table the admin sets, and checks the phrases the partnership adds', async () => {
    const admin = api.as('partnership-admin');
    const settings = await admin.request('GET', '/v1/settings');
    expect(settings.status).toBe(200);
    const changed = await admin.request('PATCH', '/v1/settings', {
      body: {
        actionRules: [
          {
            id: 'ours',
            trigger: { when: 'always' },
            actions: [
              { description: 'Detached youth work in the evenings', ownerAgency: 'voluntary_sector', dueInDays: 7 },
            ],
          },
        ],
        languagePhrases: [{ phrase: 'troublemaker', suggestion: 'young person who needs support' }],
      },
      headers: { 'if-match': settings.headers.get('etag') ?? '' },
    });
    expect(changed.status).toBe(200);
    const clusters = (await api.as('madp-chair').request('GET', '/v1/clusters?week=2026-W48')).body as {
      clusters: { clusterId: string }[];
    };
    const lead = api.as('early-help-lead');
    const drafted = await lead.request('POST', `/v1/clusters/${clusters.clusters[0]?.clusterId}/action-plans`, {
      body: {},
    });
    const { plan } = drafted.body as PlanBody;
    expect(plan.actions.map((a) => a.description)).toEqual(['Detached youth work in the evenings']);
    const edited = await lead.request('PATCH', `/v1/action-plans/${plan.id}`, {
      body: { summary: 'One troublemaker in the group.' },
      headers: { 'if-match': '"1"' },
    });
    expect((edited.body as PlanBody).languageNotes).toEqual([
      { field: 'summary', phrase: 'troublemaker', suggestion: 'young person who needs support' },
    ]);
  });

  it('keeps the session topics the admin edits, offers them in the vocabulary, and refuses repeats and blaming words', async () => {
    type Topics = { name: string; description?: string }[];
    const admin = api.as('partnership-admin');
    // Whoever plans a session reads the topics from the vocabulary, not the admin's settings.
    const offered = async () =>
      ((await api.as('early-help-lead').request('GET', '/v1/vocabulary')).body as { sessionTopics: Topics })
        .sessionTopics;
    const settings = await admin.request('GET', '/v1/settings');
    const starting = (settings.body as { sessionTopics: Topics }).sessionTopics;
    expect(starting.map((topic) => topic.name)).toContain('Grooming, online and offline');
    expect(await offered()).toEqual(starting);

    const patch = (sessionTopics: Topics, etag: string) =>
      admin.request('PATCH', '/v1/settings', { body: { sessionTopics }, headers: { 'if-match': etag } });
    const etag = settings.headers.get('etag') ?? '';
    const repeated = await patch([{ name: 'Recognising risk' }, { name: 'recognising risk' }], etag);
    expect(repeated.status).toBe(400);
    expect(JSON.stringify(repeated.body)).toContain('sessionTopics.1.name');
    const blaming = await patch([{ name: 'Online safety', description: 'Children choosing to join a gang' }], etag);
    expect(blaming.status).toBe(400);
    expect(JSON.stringify(blaming.body)).toContain('sessionTopics.0.description');
    expect((await admin.request('GET', '/v1/settings')).headers.get('etag')).toBe(etag);

    const ours = [...starting, { name: 'Knife crime and keeping safe', description: 'Asked for by parents in May' }];
    const saved = await patch(ours, etag);
    expect(saved.status).toBe(200);
    expect((saved.body as { sessionTopics: Topics }).sessionTopics).toEqual(ours);
    expect(await offered()).toEqual(ours);
    expect((await admin.request('GET', '/v1/settings')).body).toMatchObject({ sessionTopics: ours });
  });

  it('refuses a rules table that is not valid, with where', async () => {
    const admin = api.as('partnership-admin');
    const settings = await admin.request('GET', '/v1/settings');
    const refused = await admin.request('PATCH', '/v1/settings', {
      body: { actionRules: [{ id: 'x', trigger: { when: 'concern', categories: ['bad_category'] }, actions: [] }] },
      headers: { 'if-match': settings.headers.get('etag') ?? '' },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses rules whose words would blame or label a child in every plan drafted from them', async () => {
    const admin = api.as('partnership-admin');
    const settings = await admin.request('GET', '/v1/settings');
    const refused = await admin.request('PATCH', '/v1/settings', {
      body: {
        actionRules: [
          {
            id: 'worded-badly',
            trigger: { when: 'always' },
            actions: [{ description: 'Police to disrupt the gang leader', ownerAgency: 'police', dueInDays: 7 }],
          },
        ],
      },
      headers: { 'if-match': settings.headers.get('etag') ?? '' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('actionRules.0.actions.0.description');
    expect((await admin.request('GET', '/v1/settings')).headers.get('etag')).toBe(settings.headers.get('etag'));
  });
});
