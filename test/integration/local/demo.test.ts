import { uploadWeek } from '@peermap/api';
import { DEMO_PARTNERSHIP, DEMO_WEEKS, demoFiles, loadDemo } from '@peermap/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCommands } from '../../support/commands';
import { createTestTable } from '../../support/store';

describe('the demo partnership', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;

  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it('loads the four demo weeks in order, each analysed after its upload as the chair would', async () => {
    const { uploads, analyses, loadedUploadIds, ranAnalysisIds } = await loadDemo(table.store);
    expect(loadedUploadIds).toEqual(uploads.map((upload) => upload.id));
    expect(ranAnalysisIds).toEqual(analyses.map((analysis) => analysis.id));
    expect(analyses.map((analysis) => [analysis.week, analysis.status])).toEqual(
      DEMO_WEEKS.map(({ week }) => [week, 'completed']),
    );
    expect(analyses[1]?.summary?.comparedWith?.analysisId).toBe(analyses[0]?.id);
    expect(uploads.map((upload) => [upload.week, upload.status])).toEqual(
      DEMO_WEEKS.map(({ week }) => [week, 'completed']),
    );
    expect(uploads[0]?.counts.young_people).toEqual({ created: 120, updated: 0, unchanged: 0 });
    expect(uploads[1]?.counts.young_people).toEqual({ created: 0, updated: 0, unchanged: 120 });
    expect(uploads[1]?.counts.relationships?.created).toBe(4);

    const people = await table.store.youngPeople.list(DEMO_PARTNERSHIP, { limit: 500 });
    expect(people.items).toHaveLength(120);
    expect(await table.store.carers.ofYoungPerson(DEMO_PARTNERSHIP, 'YP00001')).toHaveLength(2);
    const mill = await table.store.locations.get(DEMO_PARTNERSHIP, 'LOC0001');
    expect(mill?.gridReference).toEqual({ easting: 604607, northing: 143198 });
  });

  it('keeps the provenance of the upload that last changed a record', async () => {
    const uploads = (await table.store.uploads.list(DEMO_PARTNERSHIP)).items;
    const week4 = uploads.find((upload) => upload.week === '2026-W48');
    const newGroup = await table.store.relationships.get(DEMO_PARTNERSHIP, { personA: 'YP00114', personB: 'YP00115' });
    expect(newGroup?.provenance.uploadId).toBe(week4?.id);
    expect(newGroup?.version).toBe(1);
  });

  it('changes nothing when the same weeks are loaded again, and says it loaded and ran nothing', async () => {
    const commands = recordCommands(table.ctx.client);
    const { uploads: again, loadedUploadIds, ranAnalysisIds } = await loadDemo(table.store);
    expect({ loadedUploadIds, ranAnalysisIds }).toEqual({ loadedUploadIds: [], ranAnalysisIds: [] });
    expect(again.map((upload) => upload.counts)).toEqual(
      (await Promise.all(again.map((upload) => table.store.uploads.get(DEMO_PARTNERSHIP, upload.id)))).map(
        (stored) => stored?.counts,
      ),
    );
    expect(commands.filter((name) => /Put|BatchWrite|Update|Delete|TransactWrite/.test(name))).toEqual([]);
    expect((await table.store.uploads.list(DEMO_PARTNERSHIP)).items).toHaveLength(4);
    expect((await table.store.analyses.list(DEMO_PARTNERSHIP)).items).toHaveLength(4);
  });

  it('writes nothing for a week whose content has not changed, even as a new upload', async () => {
    const week1 = demoFiles('week-1');
    const { record: renamed } = await uploadWeek(table.store, {
      partnershipId: DEMO_PARTNERSHIP,
      week: '2026-W49',
      files: {
        'young_people.csv': week1['young_people.csv'] ?? new Uint8Array(),
        'locations.csv': week1['locations.csv'] ?? new Uint8Array(),
      },
      uploadedBy: 'chair-1',
    });
    expect(renamed.status).toBe('completed');
    expect(renamed.counts).toEqual({
      young_people: { created: 0, updated: 0, unchanged: 120 },
      locations: { created: 0, updated: 0, unchanged: 14 },
    });
  });

  it('never lets an older sheet undo a consent withdrawn since', async () => {
    const held = await table.store.carers.get(DEMO_PARTNERSHIP, 'CR00003');
    expect(held?.consent.status).toBe('given');
    if (!held) return;
    const { version, ...rest } = held;
    await table.store.carers.save(
      {
        ...rest,
        consent: {
          status: 'withdrawn',
          recordedOn: '2026-11-27',
          recordedBy: 'Kim Keyworker',
          note: 'Asked us to stop',
        },
      },
      version,
    );
    const { record: again } = await uploadWeek(table.store, {
      partnershipId: DEMO_PARTNERSHIP,
      week: '2026-W52',
      files: { 'carers.csv': demoFiles('week-4')['carers.csv'] ?? new Uint8Array() },
      uploadedBy: 'chair-1',
    });
    expect(again.status).toBe('completed');
    expect(again.counts.carers).toEqual({ created: 0, updated: 0, unchanged: 152 });
    expect((await table.store.carers.get(DEMO_PARTNERSHIP, 'CR00003'))?.consent).toMatchObject({
      status: 'withdrawn',
      note: 'Asked us to stop',
    });
  });

  it('keeps what a sheet does not state (a do-not-contact, a safety note), and never changes police intelligence', async () => {
    const flagged = (await table.store.carers.list(DEMO_PARTNERSHIP, { limit: 500 })).items.find((c) => c.doNotContact);
    expect(flagged?.safetyNote).toBeDefined();
    if (!flagged) return;
    const sheet = `ref,young_person_refs,name,relationship,parental_responsibility\n${flagged.ref},${flagged.youngPersonRefs.join(';')},${flagged.name},${flagged.relationship},yes`;
    const [restricted] = await table.store.restrictedRelationships.ofPerson(DEMO_PARTNERSHIP, 'YP00005');
    expect(restricted).toBeDefined();
    if (!restricted) return;
    const pair = `person_a_ref,person_b_ref,kind,strength,source_agency\n${restricted.personA},${restricted.personB},${restricted.kind},${restricted.strength},education`;
    const { record } = await uploadWeek(table.store, {
      partnershipId: DEMO_PARTNERSHIP,
      week: '2026-W51',
      files: { 'carers.csv': new TextEncoder().encode(sheet), 'relationships.csv': new TextEncoder().encode(pair) },
      uploadedBy: 'chair-1',
    });
    expect(record.status).toBe('completed');
    const carer = await table.store.carers.get(DEMO_PARTNERSHIP, flagged.ref);
    expect(carer).toMatchObject({ doNotContact: true, safetyNote: flagged.safetyNote, consent: flagged.consent });
    // The partner's record of the pair is its own; police's restricted one is as it was.
    expect(await table.store.restrictedRelationships.get(DEMO_PARTNERSHIP, restricted)).toEqual(restricted);
    expect(await table.store.relationships.get(DEMO_PARTNERSHIP, restricted)).toMatchObject({
      restricted: false,
      sourceAgency: 'education',
    });
  });

  it('rejects a week with problems and writes none of it', async () => {
    const { record: upload } = await uploadWeek(table.store, {
      partnershipId: DEMO_PARTNERSHIP,
      week: '2026-W50',
      files: {
        'young_people.csv': new TextEncoder().encode(
          'ref,display_name,date_of_birth\nYP99999,New P.,2013-01-01\nYP99998,Other P.,2013-02-30',
        ),
      },
      uploadedBy: 'chair-1',
    });
    expect(upload.status).toBe('rejected');
    expect(upload.problems).toEqual([
      expect.objectContaining({ sheet: 'young_people', row: 3, column: 'date_of_birth', value: '2013-02-30' }),
    ]);
    expect(await table.store.youngPeople.get(DEMO_PARTNERSHIP, 'YP99999')).toBeUndefined();
  });
});
