import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';
import { approveSession } from '../../support/sessions';

const run = promisify(execFile);
type Api = Awaited<ReturnType<typeof startTestApi>>;

/** Where the papers, their PDFs and a PNG of each page are kept to look at. */
const RESULTS = join(import.meta.dirname, '..', '..', '..', 'test-results', 'papers');
const SOFFICE = process.env['SOFFICE_PATH'] ?? 'soffice';

interface PlanBody {
  plan: { id: string; version: number; actions: { id: string; ownerAgency: string }[] };
}

/** What the run measured, beside the pages, for a person comparing runs. */
const note = (name: string, text: string) => writeFileSync(join(RESULTS, `${name}.txt`), `${text}\n`);

/** What is missing to print the papers, said so that each test fails (never skips) with how to install it. */
async function missingTools(): Promise<Error | undefined> {
  for (const [command, flag] of [
    [SOFFICE, '--version'],
    ['pdfinfo', '-v'],
    ['pdfimages', '-v'],
    ['pdftoppm', '-v'],
  ] as const) {
    try {
      await run(command, [flag]);
    } catch {
      return new Error(
        `The paper tests need ${command} (LibreOffice and poppler-utils): run "sh scripts/ensure-libreoffice.sh" as root, or set SOFFICE_PATH.`,
      );
    }
  }
  return undefined;
}

/** The Word file as LibreOffice opens it, printed to PDF; its pages as PNGs beside it. */
async function throughLibreOffice(name: string, bytes: Uint8Array): Promise<{ pdf: string; pages: number }> {
  const docx = join(RESULTS, `${name}.docx`);
  writeFileSync(docx, bytes);
  // A profile of its own, so two runs (or a person's LibreOffice) never share one.
  const profile = mkdtempSync(join(tmpdir(), 'peermap-soffice-'));
  try {
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', RESULTS, docx],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(RESULTS, `${name}.pdf`);
  const { stdout } = await run('pdfinfo', [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  for (const old of readdirSync(RESULTS).filter((file) => file.startsWith(`${name}-page`))) rmSync(join(RESULTS, old));
  await run('pdftoppm', ['-png', '-r', '70', pdf, join(RESULTS, `${name}-page`)]);
  return { pdf, pages };
}

describe('the meeting papers as LibreOffice prints them (demo group, week 4)', () => {
  let api: Api;
  let clusterId = '';
  let planId = '';
  const chair = () => api.as('madp-chair');
  const lead = () => api.as('early-help-lead');

  let missing: Error | undefined;
  /** Each test fails, rather than being skipped, while a tool is missing. */
  const toolsAtHand = () => {
    if (missing) throw missing;
  };

  beforeAll(async () => {
    missing = await missingTools();
    if (missing) return;
    mkdirSync(RESULTS, { recursive: true });
    api = await startTestApi();
    const listed = await chair().request('GET', '/v1/clusters?week=2026-W48');
    const clusters = (listed.body as { clusters: { clusterId: string; memberRefs: string[] }[] }).clusters;
    // The largest group: the demo's core group, the one the meeting spends longest on.
    const largest = [...clusters].sort((a, b) => b.memberRefs.length - a.memberRefs.length)[0];
    clusterId = largest?.clusterId ?? '';
    const drafted = await lead().request('POST', `/v1/clusters/${clusterId}/action-plans`, { body: {} });
    const { plan } = drafted.body as PlanBody;
    const actions = (drafted.body as { plan: { actions: Record<string, unknown>[] } }).plan.actions;
    // A young person's own words quoted, kept with the reason: the paper prints the reason.
    const named = actions.map((action, index) =>
      index === 0
        ? { ...action, ownerName: 'Sam Patel', description: `${action['description']}; in his words, "not a runner"` }
        : action,
    );
    const firstId = String(actions[0]?.['id']);
    const kept = await lead().request('PATCH', `/v1/action-plans/${plan.id}`, {
      body: {
        actions: named,
        keptWords: [{ phrase: 'runner', actionId: firstId, reason: 'His own words, quoted with his agreement.' }],
      },
      headers: { 'if-match': `"${plan.version}"` },
    });
    expect(kept.status).toBe(200);
    const agreed = await chair().request('POST', `/v1/action-plans/${plan.id}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': `"${plan.version + 1}"` },
    });
    expect(agreed.status).toBe(200);
    planId = plan.id;
  }, 240_000);
  afterAll(async () => {
    await api?.close();
  });

  it('prints the action plan of a demo-sized group on at most two A4 pages', async () => {
    toolsAtHand();
    const response = await chair().request('GET', `/v1/action-plans/${planId}/export?format=docx`);
    expect(response.status).toBe(200);
    const bytes = response.bytes ?? new Uint8Array();
    const { pdf, pages } = await throughLibreOffice('action-plan', bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text.replace(/\s+/g, ' ')).toMatch(/the whole group \(\d+\)/);
    expect(text).toMatch(
      /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/,
    );
    expect(text).not.toMatch(/\b\d{4}-\d\d-\d\d\b/);
    expect(text).toContain('Sam Patel');
    expect(text).toContain('Demo Safeguarding Partnership');
    expect(text).toMatch(/agreed \d{1,2} \w+ 20\d\d/);
    expect(text.replace(/\s+/g, ' ')).toContain('Words kept, and why');
    expect(text.replace(/\s+/g, ' ')).toContain('His own words, quoted with his agreement.');
    // The HTML twin, from the same document: the same words and widths.
    const html = (await chair().request('GET', `/v1/action-plans/${planId}/export?format=html`)).text;
    writeFileSync(join(RESULTS, 'action-plan.html'), html);
    expect(html).toMatch(/<td>the whole group \(\d+\)<\/td>/);
    expect(html).toMatch(/<colgroup>(<col style="width:[\d.]+%">){5}<\/colgroup>/);
    note('action-plan', `${pages} page(s), ${bytes.byteLength} bytes of DOCX, ${statSync(pdf).size} bytes of PDF`);
  });

  it('prints the invitation list of the same group with its columns fitted to what they hold', async () => {
    toolsAtHand();
    // A session a fortnight ahead: a list is drawn up before its session.
    const date = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const session = {
      date,
      time: '18:30',
      venue: 'Community Centre',
      facilitators: [
        { name: 'Early help', from: 'early_help' as const },
        { name: 'Police', from: 'police' as const },
      ],
    };
    const created = await lead().request('POST', `/v1/clusters/${clusterId}/invitation-lists`, { body: { session } });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    await approveSession({ lead: lead(), approver: chair() }, id);
    const response = await lead().request('GET', `/v1/invitation-lists/${id}/export?format=docx`);
    expect(response.status).toBe(200);
    const { pages } = await throughLibreOffice('invitation-list', response.bytes ?? new Uint8Array());
    expect(pages).toBeGreaterThanOrEqual(1);
    note('invitation-list', `${pages} page(s), ${response.bytes?.byteLength} bytes of DOCX`);

    // The facilitators' pack of the same session, as LibreOffice prints it: the families' needs, no child.
    const pack = await lead().request('GET', `/v1/sessions/${id}/pack?format=docx`);
    expect(pack.status, pack.text).toBe(200);
    const printed = await throughLibreOffice('session-pack', pack.bytes ?? new Uint8Array());
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    const text = (await run('pdftotext', ['-layout', printed.pdf, '-'])).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('We listen to each other');
    const list = (await lead().request('GET', `/v1/invitation-lists/${id}`)).body as {
      youngPersonRefs: string[];
      invite: { name: string }[];
    };
    const [invited] = list.invite;
    if (invited) expect(text).toContain(invited.name);
    const children = (await chair().request('GET', '/v1/young-people?limit=200')).body as {
      items: { ref: string; displayName: string }[];
    };
    for (const child of children.items) {
      expect(text).not.toContain(child.displayName);
      expect(text).not.toMatch(new RegExp(`\\b${child.ref}\\b`));
    }
    note('session-pack', `${printed.pages} page(s), ${pack.bytes?.byteLength} bytes of DOCX`);
  });

  it("prints the funder's outcome paper, marked, with its caveat and no one named", async () => {
    toolsAtHand();
    const year = new Date().getUTCFullYear();
    const response = await chair().request(
      'GET',
      `/v1/reports/parent-sessions?from=${year - 1}-01-01&to=${year + 1}-12-31&format=docx`,
    );
    expect(response.status, response.text).toBe(200);
    const { pdf, pages } = await throughLibreOffice('parent-session-outcomes', response.bytes ?? new Uint8Array());
    expect(pages).toBeGreaterThanOrEqual(1);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('not a controlled comparison');
    expect(text).not.toMatch(/\bYP\d{5}\b|\bCR\d{5}\b/);
    note('parent-session-outcomes', `${pages} page(s), ${response.bytes?.byteLength} bytes of DOCX`);
  });

  it("embeds the group's picture in the cluster report, as a PNG part and as an image LibreOffice prints", async () => {
    toolsAtHand();
    const response = await chair().request('GET', `/v1/clusters/${clusterId}/report?format=docx`);
    expect(response.status).toBe(200);
    const bytes = response.bytes ?? new Uint8Array();
    const zip = await JSZip.loadAsync(bytes);
    const pictures = Object.keys(zip.files).filter((path) => /^word\/media\/.+\.png$/.test(path));
    expect(pictures).toHaveLength(1);
    const png = await zip.file(pictures[0] ?? '')?.async('uint8array');
    expect(
      Buffer.from(png ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const { pdf, pages } = await throughLibreOffice('cluster-report', bytes);
    const images = (await run('pdfimages', ['-list', pdf])).stdout.trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
    note(
      'cluster-report',
      `${pages} page(s), ${bytes.byteLength} bytes of DOCX (picture ${png?.byteLength} bytes), ${statSync(pdf).size} bytes of PDF`,
    );
  });
});
