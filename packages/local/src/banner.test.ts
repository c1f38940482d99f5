import { describe, expect, it } from 'vitest';
import { type HeldAnalysis, type HeldUpload, type StartFacts, startBanner } from './banner';

const DEMO_WEEKS = ['2026-W45', '2026-W46', '2026-W47', '2026-W48'];

const upload = (week: string, overrides: Partial<HeldUpload> = {}): HeldUpload => ({
  id: `upload-${week}`,
  week,
  status: 'completed',
  counts: {
    young_people: { created: 120, updated: 0, unchanged: 0 },
    carers: { created: 30, updated: 2, unchanged: 5 },
  },
  problemCount: 0,
  uploadedBy: 'demo-loader',
  createdAt: '2026-12-01T09:00:00.000Z',
  ...overrides,
});

const analysis = (week: string, overrides: Partial<HeldAnalysis> = {}): HeldAnalysis => ({
  id: `analysis-${week}`,
  week,
  status: 'completed',
  requestedBy: 'demo-madp-chair@demo',
  createdAt: '2026-12-01T09:01:00.000Z',
  summary: { clusterCount: 14 },
  ...overrides,
});

const facts = (overrides: Partial<StartFacts> = {}): StartFacts => ({
  readyInMs: 8_149,
  dynamo: { endpoint: 'http://127.0.0.1:8000', tableName: 'peermap', dataDirectory: '.data/dynamodb' },
  partnershipId: 'demo',
  serverUrl: 'http://127.0.0.1:3000',
  demo: { weeks: DEMO_WEEKS, loader: 'demo-loader', loadedUploadIds: [], ranAnalysisIds: [] },
  uploads: DEMO_WEEKS.map((week) => upload(week)),
  analyses: DEMO_WEEKS.map((week) => analysis(week)),
  ...overrides,
});

/** The lines between "This start:" and the partnership's list. */
const thisStart = (banner: string) => {
  const lines = banner.split('\n');
  return lines.slice(
    lines.indexOf('  This start:') + 1,
    lines.findIndex((line) => line.startsWith('  Partnership')),
  );
};

describe('the start banner', () => {
  it('says which demo weeks a first start loaded, with their counts, and which analyses it ran', () => {
    const banner = startBanner(
      facts({
        demo: {
          weeks: DEMO_WEEKS,
          loader: 'demo-loader',
          loadedUploadIds: DEMO_WEEKS.map((week) => `upload-${week}`),
          ranAnalysisIds: DEMO_WEEKS.map((week) => `analysis-${week}`),
        },
      }),
    );
    expect(thisStart(banner)).toEqual([
      '    loaded the demo week 2026-W45: 150 records created, 2 updated, 5 unchanged',
      '    loaded the demo week 2026-W46: 150 records created, 2 updated, 5 unchanged',
      '    loaded the demo week 2026-W47: 150 records created, 2 updated, 5 unchanged',
      '    loaded the demo week 2026-W48: 150 records created, 2 updated, 5 unchanged',
      '    ran the analyses of 2026-W45, 2026-W46, 2026-W47 and 2026-W48',
    ]);
    expect(banner).toContain(
      '    2026-W45: 150 records created, 2 updated, 5 unchanged; from the demo, loaded by this start (upload upload-2026-W45)',
    );
    expect(banner).toContain(
      '    2026-W48: 14 clusters; run by this start for demo-madp-chair@demo (analysis analysis-2026-W48)',
    );
  });

  it('says a restart loaded nothing and found every demo week already held', () => {
    const banner = startBanner(facts());
    expect(thisStart(banner)).toEqual([
      '    found the demo weeks 2026-W45, 2026-W46, 2026-W47 and 2026-W48 already held: nothing loaded',
      '    ran no analysis: each demo week already had its own',
    ]);
    expect(banner).not.toMatch(/loaded by this start|run by this start/);
    expect(banner).toContain(
      '    2026-W45: 150 records created, 2 updated, 5 unchanged; from the demo, loaded on 2026-12-01 (upload upload-2026-W45)',
    );
  });

  it('tells apart the weeks a start loaded from those it found held', () => {
    const banner = startBanner(
      facts({
        demo: {
          weeks: DEMO_WEEKS,
          loader: 'demo-loader',
          loadedUploadIds: ['upload-2026-W48'],
          ranAnalysisIds: ['analysis-2026-W48'],
        },
      }),
    );
    expect(thisStart(banner)).toEqual([
      '    loaded the demo week 2026-W48: 150 records created, 2 updated, 5 unchanged',
      '    found the demo weeks 2026-W45, 2026-W46 and 2026-W47 already held: nothing loaded',
      '    ran the analysis of 2026-W48',
    ]);
  });

  it('lists every upload the partnership holds, those sent through the app and refused ones included, in week order', () => {
    const fromTheApp = upload('2026-W49', {
      id: 'app-upload',
      uploadedBy: 'chair-1',
      createdAt: '2026-12-08T17:30:00.000Z',
      counts: { relationships: { created: 3, updated: 1, unchanged: 40 } },
    });
    const refused = upload('2026-W50', {
      id: 'refused-upload',
      status: 'rejected',
      counts: {},
      problemCount: 1,
      uploadedBy: 'chair-1',
      createdAt: '2026-12-15T17:30:00.000Z',
    });
    const failedRun = analysis('2026-W49', {
      id: 'failed-run',
      status: 'failed',
      requestedBy: 'chair-1',
      createdAt: '2026-12-08T17:40:00.000Z',
      summary: undefined,
      failureReason: 'The week holds no relationships.',
    });
    const banner = startBanner(
      facts({
        uploads: [refused, ...DEMO_WEEKS.map((week) => upload(week)), fromTheApp],
        analyses: [failedRun, ...DEMO_WEEKS.map((week) => analysis(week))],
      }),
    );
    const lines = banner.split('\n');
    const listed = lines.slice(lines.findIndex((line) => line.startsWith('  Partnership')));
    expect(listed.slice(0, 8)).toEqual([
      '  Partnership "demo" (invented data) holds 5 weeks.',
      '  Its uploads (6):',
      '    2026-W45: 150 records created, 2 updated, 5 unchanged; from the demo, loaded on 2026-12-01 (upload upload-2026-W45)',
      '    2026-W46: 150 records created, 2 updated, 5 unchanged; from the demo, loaded on 2026-12-01 (upload upload-2026-W46)',
      '    2026-W47: 150 records created, 2 updated, 5 unchanged; from the demo, loaded on 2026-12-01 (upload upload-2026-W47)',
      '    2026-W48: 150 records created, 2 updated, 5 unchanged; from the demo, loaded on 2026-12-01 (upload upload-2026-W48)',
      '    2026-W49: 3 records created, 1 updated, 40 unchanged; uploaded by chair-1 on 2026-12-08 (upload app-upload)',
      '    2026-W50: rejected with 1 problem, nothing written; uploaded by chair-1 on 2026-12-15 (upload refused-upload)',
    ]);
    expect(listed[8]).toBe('  Analyses held (5):');
    expect(listed[13]).toBe(
      '    2026-W49: failed: The week holds no relationships; asked for by chair-1 on 2026-12-08 (analysis failed-run)',
    );
  });

  it('says so when the partnership holds nothing yet, and ends with how to reach the app', () => {
    const banner = startBanner(facts({ uploads: [], analyses: [] }));
    expect(banner).toContain('  Partnership "demo" (invented data) holds no week.\n  No upload is held.');
    expect(banner).toContain('  No analysis is held.');
    expect(banner.split('\n').slice(0, 2)).toEqual([
      'peermap (local) is ready in 8.1 s.',
      '  DynamoDB Local: http://127.0.0.1:8000, table "peermap", data in .data/dynamodb',
    ]);
    expect(banner.split('\n').slice(-5)).toEqual([
      '  Open http://127.0.0.1:3000/ in a browser and sign in as one of the four roles.',
      '  The API: http://127.0.0.1:3000/v1 (document: http://127.0.0.1:3000/v1/openapi.json)',
      "  Sign in as a demo user: curl 'http://127.0.0.1:3000/local/token?role=madp-chair&partnership=demo'",
      '    roles: madp-chair, early-help-lead, police-analyst, partnership-admin',
      'Press Ctrl+C to stop.',
    ]);
  });
});
