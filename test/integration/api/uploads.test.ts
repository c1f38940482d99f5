import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWeek, hashFiles, processLargeUpload, uploadIdFor } from '@peermap/api';
import type { UploadRecord } from '@peermap/domain';
import { SheetName } from '@peermap/domain';
import { DEFAULT_UPLOAD_LIMITS, readWorkbook, workbookOf } from '@peermap/ingest';
import { inflatingWorkbook } from '@peermap/ingest/testing';
import { createLocalLargeUploads, DEMO_WEEKS, demoFiles } from '@peermap/local';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const form = (files: Record<string, Uint8Array | string>) => {
  const data = new FormData();
  for (const [name, content] of Object.entries(files)) data.append(name, new Blob([content]), name);
  return data;
};

describe('the weekly upload over HTTP', () => {
  let api: Api;
  const chair = (partnership: string) => api.as('madp-chair', partnership);
  const upload = (partnership: string, week: string, files: Record<string, Uint8Array | string>, query = '') =>
    chair(partnership).request('POST', `/v1/uploads?week=${week}${query}`, { form: form(files) });

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('takes the four demo weeks in order, then changes nothing when they are sent again', async () => {
    const first: UploadRecord[] = [];
    for (const { folder, week } of DEMO_WEEKS) {
      const response = await upload('kent', week, demoFiles(folder));
      expect(response.status).toBe(201);
      first.push(response.body as UploadRecord);
    }
    expect(first.map((u) => u.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(first[0]?.counts.young_people).toEqual({ created: 120, updated: 0, unchanged: 0 });
    const versions = async () =>
      (await api.table.store.relationships.list('kent', { limit: 500 })).items.map((r) => r.version).join();
    const before = await versions();
    for (const { folder, week } of DEMO_WEEKS) {
      const again = await upload('kent', week, demoFiles(folder));
      expect(again.status).toBe(201);
      expect((again.body as UploadRecord).id).toBe(first.find((u) => u.week === week)?.id);
    }
    expect(await versions()).toBe(before);
    const asAnotherWeek = await upload('kent', '2026-W50', demoFiles('week-4'));
    expect(
      Object.values((asAnotherWeek.body as UploadRecord).counts).every((c) => c?.created === 0 && c.updated === 0),
    ).toBe(true);
    expect(await versions()).toBe(before);
    const history = await chair('kent').request('GET', '/v1/uploads');
    expect((history.body as { items: UploadRecord[] }).items.map((u) => u.week)).toHaveLength(5);
  });

  it('gives the same records for a week sent as a workbook as for its CSV files', async () => {
    const files = demoFiles('week-1');
    const rows = Object.fromEntries(
      SheetName.options.map((sheet) => [
        sheet,
        (parse(Buffer.from(files[`${sheet}.csv`] ?? new Uint8Array()), { bom: true }) as string[][]).slice(1),
      ]),
    );
    expect((await upload('as-csv', '2026-W45', files)).status).toBe(201);
    expect((await upload('as-xlsx', '2026-W45', { workbook: await workbookOf(rows) })).status).toBe(201);
    const { store } = api.table;
    type Lister = (partnership: string) => Promise<{ items: { partnershipId: string; provenance: unknown }[] }>;
    const lists: Lister[] = [
      (p) => store.youngPeople.list(p, { limit: 500 }),
      (p) => store.relationships.list(p, { limit: 500 }),
      (p) => store.carers.list(p, { limit: 500 }),
      (p) => store.locations.list(p, { limit: 500 }),
      (p) => store.sightings.list(p, { limit: 500 }),
      (p) => store.concerns.list(p, { limit: 500 }),
    ];
    const content = async (list: Lister, partnership: string) =>
      (await list(partnership)).items.map(({ partnershipId: _, provenance: __, ...rest }) => rest);
    for (const list of lists) expect(await content(list, 'as-xlsx')).toEqual(await content(list, 'as-csv'));
  });

  it('refuses a broken file with every problem by sheet, row and column, and writes nothing', async () => {
    const response = await upload('broken', '2026-W46', {
      'young_people.csv':
        'ref,display_name,date_of_birth,education_status\nYP1,Sam T.,2012-02-30,atending\nYP2,Ali B.,2012-01-01,attending',
      'relationships.csv': 'person_a_ref,person_b_ref,kind,strength,source_agency\nYP1,YP9,friend,2,police',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = response.body as {
      problemCount: number;
      problems: { sheet: string; row: number; column: string }[];
    };
    expect(problem.problems.map(({ sheet, row, column }) => `${sheet}:${row}:${column}`)).toEqual([
      'young_people:2:date_of_birth',
      'young_people:2:education_status',
      'relationships:2:person_b_ref',
    ]);
    expect((await api.table.store.youngPeople.list('broken')).items).toEqual([]);
  });

  it('checks without writing on a dry run', async () => {
    const response = await upload('dry', '2026-W45', demoFiles('week-1'), '&dryRun=true');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ problemCount: 0, rows: { young_people: 120, carers: 152 } });
    expect((await api.table.store.youngPeople.list('dry')).items).toEqual([]);
    expect((await api.table.store.uploads.list('dry')).items).toEqual([]);
  });

  it.each([
    ['invalid UTF-8', { 'young_people.csv': new Uint8Array([0x72, 0x65, 0x66, 0xff, 0xfe, 0x0a]) }, 'young_people:1'],
    ['an empty file', { 'young_people.csv': '' }, 'young_people:1'],
    ['an extra column', { 'young_people.csv': 'ref,display_name,date_of_birth,risk_score\n' }, 'young_people:1'],
    [
      'a workbook and CSV files together',
      { workbook: new Uint8Array([1, 2, 3]), 'young_people.csv': 'ref\n' },
      'workbook:1',
    ],
    ['a workbook that is not one', { workbook: 'not a zip' }, 'workbook:1'],
  ])('refuses %s with a problem that says where', async (_, files, where) => {
    const response = await upload('hostile', '2026-W47', files);
    expect(response.status).toBe(400);
    const problems = (response.body as { problems: { sheet: string; row: number }[] }).problems;
    expect(problems.map(({ sheet, row }) => `${sheet}:${row}`)).toContain(where);
  });

  it('refuses a workbook that inflates past the limit with 413 naming it, keeping only the refusal', async () => {
    // 3 rows and 300 MB of whitespace, packed into 0.3 MB.
    const bomb = inflatingWorkbook({ rows: 3, paddingBytes: 300_000_000 });
    const dryRun = await upload('bomb', '2026-W47', { workbook: bomb }, '&dryRun=true');
    expect(dryRun.status).toBe(413);
    expect(dryRun.headers.get('content-type')).toBe('application/problem+json');
    expect(dryRun.body).toMatchObject({
      status: 413,
      limit: 'workbookBytes',
      allowed: 256 * 1024 * 1024,
      detail: expect.stringMatching(/larger than the 256 MB a workbook may be.*split it into smaller uploads/),
    });
    expect((await api.table.store.uploads.list('bomb')).items).toEqual([]);
    const sent = await upload('bomb', '2026-W47', { workbook: bomb });
    expect(sent.status).toBe(413);
    expect(sent.body).toMatchObject({ limit: 'workbookBytes', uploadId: expect.any(String) });
    const kept = (await api.table.store.uploads.list('bomb')).items;
    expect(kept.map(({ status, problemCount }) => ({ status, problemCount }))).toEqual([
      { status: 'rejected', problemCount: 1 },
    ]);
    expect(kept[0]?.problems[0]?.message).toMatch(/limit: workbookBytes/);
    expect((await api.table.store.youngPeople.list('bomb')).items).toEqual([]);
    expect((await chair('demo').request('GET', '/v1/me')).status).toBe(200);
  });

  it('stops a workbook whose own directory understates what it unpacks to, with 400', async () => {
    const liar = inflatingWorkbook({ rows: 3, paddingBytes: 300_000_000, declaredSheetBytes: 4_000 });
    const response = await upload('liar', '2026-W47', { workbook: liar });
    expect(response.status).toBe(400);
    expect((response.body as { problems: { message: string }[] }).problems).toEqual([
      expect.objectContaining({ sheet: 'workbook', row: 1, message: expect.stringMatching(/does not match/) }),
    ]);
    expect((await api.table.store.youngPeople.list('liar')).items).toEqual([]);
  });

  it('refuses a sheet too large for one request with 413 pointing to the large upload', async () => {
    const rows = Array.from({ length: 25_001 }, (_, index) => `R${index.toString(36)},Al,2012-03-04`);
    const response = await upload(
      'many',
      '2026-W47',
      { 'young_people.csv': `ref,display_name,date_of_birth\n${rows.join('\n')}` },
      '&dryRun=true',
    );
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      limit: 'synchronousRows',
      allowed: 25_000,
      detail: expect.stringContaining('POST /v1/uploads/large'),
    });
  });

  it('answers another request while it checks a large upload', async () => {
    const rows = Array.from({ length: 60_000 }, (_, index) => `R${index.toString(36)},Al,2012-03-04`);
    const files = {
      'young_people.csv': new TextEncoder().encode(`ref,display_name,date_of_birth\n${rows.join('\n')}`),
    };
    const answered: string[] = [];
    let me: Promise<unknown> = Promise.resolve();
    const { store } = api.table;
    // The moment the check has what it needs from the table, a chair asks who they are.
    const watched = {
      ...store,
      mapWriter: {
        ...store.mapWriter,
        knownRefs: async (partnershipId: string) => {
          const known = await store.mapWriter.knownRefs(partnershipId);
          me = chair('demo')
            .request('GET', '/v1/me')
            .then((response) => answered.push(`me ${response.status}`));
          return known;
        },
      },
    };
    const check = await checkWeek(watched, { partnershipId: 'turns', week: '2026-W47', uploadedBy: 'chair', files });
    answered.push(`check ${check.problemCount}`);
    await me;
    expect(check.rows).toEqual({ young_people: 60_000 });
    expect(answered).toEqual(['me 200', 'check 0']);
  });

  it('ends a large upload past a limit as rejected, with the refusal as its problem', async () => {
    const bomb = inflatingWorkbook({ rows: 3, paddingBytes: 300_000_000 });
    const opened = await chair('large-bomb').request('POST', '/v1/uploads/large?week=2026-W45');
    const { slot, send } = opened.body as { slot: { id: string }; send: { url: string; method: string } };
    expect((await fetch(send.url, { method: send.method, body: bomb })).status).toBe(200);
    let followed: { status: string; uploadId?: string } = { status: 'waiting' };
    for (let tries = 0; tries < 100 && ['waiting', 'processing'].includes(followed.status); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      followed = (await chair('large-bomb').request('GET', `/v1/uploads/large/${slot.id}`)).body as typeof followed;
    }
    expect(followed.status).toBe('rejected');
    const uploaded = await chair('large-bomb').request('GET', `/v1/uploads/${followed.uploadId}`);
    expect(uploaded.body).toMatchObject({
      status: 'rejected',
      problems: [{ sheet: 'workbook', row: 1, message: expect.stringMatching(/limit: workbookBytes/) }],
    });
    expect((await api.table.store.youngPeople.list('large-bomb')).items).toEqual([]);
  });

  it('refuses a large upload whose stored file is past largeUploadBytes without reading it, and says why', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'peermap-large-'));
    const files = createLocalLargeUploads(folder, () => 'http://127.0.0.1');
    const slot = await api.table.store.uploadSlots.save({
      id: '7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f',
      partnershipId: 'large-file',
      week: '2026-W45',
      status: 'waiting',
      uploadedBy: 'chair-1',
      createdAt: new Date().toISOString(),
      sendBy: new Date(Date.now() + 60_000).toISOString(),
    });
    // Storage takes a file of any size; this one is past the limit set for the test.
    mkdirSync(join(folder, slot.partnershipId), { recursive: true });
    writeFileSync(join(folder, slot.partnershipId, `${slot.id}.xlsx`), new Uint8Array(4_096));
    const limits = { ...DEFAULT_UPLOAD_LIMITS, largeUploadBytes: 1_024 };
    const ended = await processLargeUpload(api.table.store, files, slot.partnershipId, slot.id, { limits });
    expect(ended).toMatchObject({ status: 'rejected', refusal: expect.stringMatching(/limit: largeUploadBytes/) });
    expect(ended?.uploadId).toBeUndefined();
    expect((await api.table.store.uploads.list(slot.partnershipId)).items).toEqual([]);
  });

  it('answers the same upload sent while it is being written with 409 and the address to follow it', async () => {
    const files = {
      'young_people.csv': new TextEncoder().encode('ref,display_name,date_of_birth\nYP1,Sam T.,2012-03-04\n'),
    };
    const id = uploadIdFor('writing-now', '2026-W47', hashFiles(files));
    // Another process is writing this very upload: it holds the map, renewing its lease.
    await api.table.store.leases.take(
      'writing-now',
      'map-writer',
      { kind: 'upload', workId: id, week: '2026-W47' },
      new Date(),
      60_000,
    );
    const response = await upload('writing-now', '2026-W47', files);
    expect(response.status).toBe(409);
    expect(response.text).toContain(`/v1/uploads/${id}`);
    expect(response.text).not.toContain('{id}');
  });

  it('answers a different upload sent while one is being written with 409, naming the week being written', async () => {
    const writing = '0b7c6d1e-2f3a-8b4c-9d5e-6f7a8b9c0d1e';
    await api.table.store.leases.take(
      'one-writer',
      'map-writer',
      { kind: 'upload', workId: writing, week: '2026-W48' },
      new Date(),
      60_000,
    );
    const response = await upload('one-writer', '2026-W47', {
      'young_people.csv': 'ref,display_name,date_of_birth\nYP1,Sam T.,2012-03-04\n',
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.text).toContain('An upload for 2026-W48 is being written; send yours when it has finished');
    expect(response.text).toContain(`/v1/uploads/${writing}`);
    // Nothing of the refused upload was written, nor recorded.
    expect((await api.table.store.uploads.list('one-writer')).items).toEqual([]);
    expect(await api.table.store.youngPeople.get('one-writer', 'YP1')).toBeUndefined();
  });

  it('writes one of two different uploads sent at once and refuses the other with 409, never a mix', async () => {
    const [first, second] = await Promise.all([
      upload('race', '2026-W45', demoFiles('week-1')),
      upload('race', '2026-W46', demoFiles('week-2')),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.text).toMatch(/An upload for 2026-W4[56] is being written; send yours when it has finished/);
    const uploads = (await api.table.store.uploads.list('race')).items;
    expect(uploads.map((u) => u.status)).toEqual(['completed']);
    // The map is the one upload's, whole: a partnership that received it alone holds the same.
    const written = uploads[0]?.week === '2026-W45' ? demoFiles('week-1') : demoFiles('week-2');
    expect((await upload('race-alone', uploads[0]?.week ?? '', written)).status).toBe(201);
    const people = async (p: string) =>
      (await api.table.store.mapReader.wholeMap(p)).youngPeople.map((person) => person.ref).sort();
    expect(await people('race')).toEqual(await people('race-alone'));
  });

  it('takes over from an upload whose writer stopped, and says why the stopped one failed', async () => {
    const p = 'taken-over';
    const first = { 'young_people.csv': 'ref,display_name,date_of_birth\nYP1,Sam T.,2012-03-04\n' };
    const second = { 'young_people.csv': 'ref,display_name,date_of_birth\nYP2,Ali R.,2012-05-06\n' };
    const stoppedId = uploadIdFor(
      p,
      '2026-W47',
      hashFiles({ 'young_people.csv': new TextEncoder().encode(first['young_people.csv']) }),
    );
    // A writer that died a minute and a half ago: its record says `writing`, its lease has lapsed.
    const longAgo = new Date(Date.now() - 90_000);
    await api.table.store.uploads.save(
      make.upload(p, { id: stoppedId, week: '2026-W47', status: 'writing', completedAt: undefined }),
    );
    await api.table.store.leases.take(
      p,
      'map-writer',
      { kind: 'upload', workId: stoppedId, week: '2026-W47' },
      longAgo,
      60_000,
    );

    const response = await upload(p, '2026-W48', second);
    expect(response.status).toBe(201);
    expect(await api.table.store.uploads.get(p, stoppedId)).toMatchObject({
      status: 'failed',
      failureReason: expect.stringMatching(/stopped part-way.*Send it again/),
    });
    // The stopped upload, sent again, completes.
    const again = await upload(p, '2026-W47', first);
    expect(again.status).toBe(201);
    expect((again.body as UploadRecord).status).toBe('completed');
    expect(await api.table.store.leases.current(p, 'map-writer')).toBeUndefined();
  });

  it('reads a byte-order mark, CRLF line ends and a header-only sheet', async () => {
    const response = await upload('tidy', '2026-W47', {
      'young_people.csv': '\uFEFFref,display_name,date_of_birth\r\nYP1,Sam T.,2012-03-04\r\n',
      'concerns.csv': 'person_ref,category,occurred_on,severity,source_agency\r\n',
    });
    expect(response.status).toBe(201);
    expect((response.body as UploadRecord).counts).toEqual({
      young_people: { created: 1, updated: 0, unchanged: 0 },
      concerns: { created: 0, updated: 0, unchanged: 0 },
    });
  });

  it('answers a truncated or repeated multipart body with 400, and keeps serving', async () => {
    const truncated = await chair('hostile').request('POST', '/v1/uploads?week=2026-W47', {
      raw: '--b\r\ncontent-disposition: form-data; name="young_people.csv"; filename="y.csv"\r\n\r\nref,display_name',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(truncated.status).toBe(400);
    const twice = new FormData();
    twice.append('young_people.csv', new Blob(['ref\n']), 'a.csv');
    twice.append('young_people.csv', new Blob(['ref\n']), 'b.csv');
    expect((await chair('hostile').request('POST', '/v1/uploads?week=2026-W47', { form: twice })).status).toBe(400);
    const named = new FormData();
    named.append('__proto__', new Blob(['x']), 'x.csv');
    expect((await chair('hostile').request('POST', '/v1/uploads?week=2026-W47', { form: named })).status).toBe(400);
    expect((await chair('demo').request('GET', '/v1/young-people/YP00001')).status).toBe(200);
  });

  it.each([
    ['a sheet', 'young_people.csv', 'a.csv', 'b.csv'],
    ['a workbook', 'workbook', 'week.xlsx', 'week (1).xlsx'],
  ])('refuses %s sent twice with 400 naming the part, and writes nothing', async (_, part, firstName, secondName) => {
    const sheet = (ref: string) => `ref,display_name,date_of_birth\n${ref},Sam T.,2012-03-04\n`;
    const content = async (ref: string) =>
      part === 'workbook' ? workbookOf({ young_people: [[ref, 'Sam T.', '2012-03-04']] }) : sheet(ref);
    const twice = new FormData();
    twice.append(part, new Blob([await content('YPTWICE1')]), firstName);
    twice.append(part, new Blob([await content('YPTWICE2')]), secondName);
    const response = await chair('twice').request('POST', '/v1/uploads?week=2026-W47', { form: twice });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ errors: [{ path: part, message: expect.stringMatching(/twice/) }] });
    expect((response.body as { detail: string }).detail).toContain(part);
    expect((await api.table.store.youngPeople.list('twice')).items).toEqual([]);
    expect((await api.table.store.uploads.list('twice')).items).toEqual([]);
  });

  it('refuses a part it does not take, a week that is not one, and a body that is not a form', async () => {
    expect((await upload('hostile', '2026-W47', { 'risk.csv': 'x' })).status).toBe(400);
    expect((await upload('hostile', '2026-W54', { 'young_people.csv': 'ref\n' })).status).toBe(400);
    const json = await chair('hostile').request('POST', '/v1/uploads?week=2026-W47', { body: { young_people: [] } });
    expect(json.status).toBe(415);
  });

  it('offers a blank template as a workbook and as CSV', async () => {
    const response = await fetch(`${api.server.url}/v1/uploads/template?format=xlsx`, {
      headers: { authorization: `Bearer ${await tokenFor('madp-chair')}` },
    });
    expect(response.status).toBe(200);
    const { tables, problems } = await readWorkbook(new Uint8Array(await response.arrayBuffer()));
    expect(problems).toEqual([]);
    expect(Object.keys(tables).sort()).toEqual([...SheetName.options].sort());
    const csv = await chair('demo').request('GET', '/v1/uploads/template?format=csv&sheet=carers');
    expect(csv.text.startsWith('ref,young_person_refs,name,relationship,parental_responsibility')).toBe(true);
  });

  it('marks an upload failed when writing breaks half-way, and completes it without duplicates when sent again', async () => {
    let writes = 0;
    let failing = true;
    api.table.ctx.client.middlewareStack.add(
      (next, context) => async (args) => {
        const audit = JSON.stringify(args.input).includes('#AUDIT#');
        if (context.commandName === 'TransactWriteItemsCommand' && !audit && failing && ++writes > 5) {
          throw new Error('the connection dropped');
        }
        return next(args);
      },
      { step: 'initialize', name: 'dropHalfWay' },
    );
    const files = demoFiles('week-1');
    const first = await upload('crash', '2026-W45', files);
    expect(first.status).toBe(503);
    const trail = await api.table.store.audit.byUser('crash', 'demo-madp-chair@crash', { limit: 10 });
    expect(trail.items.map((event) => [event.action, event.outcome])).toEqual([['upload', 'failed']]);
    const stored = (await api.table.store.uploads.list('crash')).items;
    expect(stored.map((u) => u.status)).toEqual(['failed']);
    failing = false;
    const second = await upload('crash', '2026-W45', files);
    expect(second.status).toBe(201);
    expect((second.body as UploadRecord).id).toBe(stored[0]?.id);
    const people = await api.table.store.youngPeople.list('crash', { limit: 500 });
    expect(people.items).toHaveLength(120);
    expect(new Set(people.items.map((p) => p.version))).toEqual(new Set([1]));
    expect(await api.table.store.carers.ofYoungPerson('crash', 'YP00001')).toHaveLength(2);
  });

  it('takes a large workbook straight to file storage and processes it once in the background', async () => {
    const files = demoFiles('week-1');
    const rows = Object.fromEntries(
      SheetName.options.map((sheet) => [
        sheet,
        (parse(Buffer.from(files[`${sheet}.csv`] ?? new Uint8Array()), { bom: true }) as string[][]).slice(1),
      ]),
    );
    const workbook = await workbookOf(rows);
    const opened = await chair('large').request('POST', '/v1/uploads/large?week=2026-W45');
    expect(opened.status).toBe(201);
    const { slot, send } = opened.body as {
      slot: { id: string; status: string };
      send: { url: string; method: string };
    };
    expect(slot.status).toBe('waiting');
    const forged = await fetch(send.url.replace(/signature=[^&]+/, 'signature=forged'), {
      method: 'PUT',
      body: workbook,
    });
    expect(forged.status).toBe(404);
    // Sent twice, as a client retrying after a timeout would.
    expect((await fetch(send.url, { method: send.method, body: workbook })).status).toBe(200);
    expect((await fetch(send.url, { method: send.method, body: workbook })).status).toBe(200);
    let status = 'waiting';
    let followed: { status: string; uploadId?: string } = { status };
    for (let tries = 0; tries < 100 && ['waiting', 'processing'].includes(status); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const answer = await chair('large').request('GET', `/v1/uploads/large/${slot.id}`);
      if (answer.status !== 200) throw new Error(answer.text);
      followed = answer.body as typeof followed;
      status = followed.status;
    }
    expect(status).toBe('completed');
    expect((await api.table.store.youngPeople.list('large', { limit: 500 })).items).toHaveLength(120);
    expect((await api.table.store.uploads.list('large')).items.map((u) => u.id)).toEqual([followed.uploadId]);
    const people = await api.table.store.youngPeople.list('large', { limit: 500 });
    expect(new Set(people.items.map((p) => p.version))).toEqual(new Set([1]));
  });

  async function tokenFor(role: 'madp-chair') {
    const response = await fetch(`${api.server.url}/local/token?role=${role}&partnership=demo`);
    return ((await response.json()) as { token: string }).token;
  }
});
