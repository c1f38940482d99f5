import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { eraseYoungPerson, sweepRetention, uploadWeek } from '@peermap/api';
import { ensureTable, localClientConfig, startDynamoDbLocal } from '@peermap/local';
import { createDocumentClient, createDynamoClient, createDynamoStore, models, toItem } from '@peermap/store';

/**
 * `pnpm bench`: a partnership-wide map (10,000 young people, 50,000 relationships) uploaded
 * through the upload use case into DynamoDB Local (in memory), next to a naive loop of one
 * PutItem per row on the same machine in the same run, then the retention sweep and one
 * erasure on that map. Prints rows per second and seconds.
 */
const PEOPLE = 10_000;
const RELATIONSHIPS = 50_000;
const NAIVE_ROWS = 3_000;

/** A seeded generator (mulberry32), so every run uploads the same map. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generateMap() {
  const next = random(20261128);
  const ref = (index: number) => `G${String(index).padStart(6, '0')}`;
  const people = ['ref,display_name,date_of_birth,education_status,agencies,status'];
  for (let index = 0; index < PEOPLE; index++) {
    const year = 2009 + Math.floor(next() * 6);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    people.push(`${ref(index)},Young P.,${year}-${month}-${day},attending,early_help,open`);
  }
  const pairs = new Set<string>();
  const relationships = ['person_a_ref,person_b_ref,kind,strength,first_seen,last_seen,source_agency'];
  while (pairs.size < RELATIONSHIPS) {
    const a = Math.floor(next() * PEOPLE);
    // Peer groups: most links stay within a block of 20.
    const b = next() < 0.7 ? a - (a % 20) + Math.floor(next() * 20) : Math.floor(next() * PEOPLE);
    if (a === b) continue;
    const key = a < b ? `${ref(a)},${ref(b)}` : `${ref(b)},${ref(a)}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    relationships.push(`${key},friend,${1 + Math.floor(next() * 3)},2026-09-01,2026-11-20,education`);
  }
  const encode = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
  return { 'young_people.csv': encode(people), 'relationships.csv': encode(relationships) };
}

async function main() {
  const dynamo = await startDynamoDbLocal();
  try {
    const config = localClientConfig(dynamo.endpoint);
    await ensureTable(createDynamoClient(config), 'bench');
    const client = createDocumentClient(config);
    const store = createDynamoStore({ client, tableName: 'bench' });
    const files = generateMap();
    const rows = PEOPLE + RELATIONSHIPS;
    const memoryBefore = process.memoryUsage().rss;

    const started = performance.now();
    const { record } = await uploadWeek(store, {
      partnershipId: 'bench',
      week: '2026-W48',
      uploadedBy: 'bench',
      files,
    });
    const uploadSeconds = (performance.now() - started) / 1000;
    if (record.status !== 'completed') throw new Error(`the upload did not complete: ${record.problems[0]?.message}`);

    const againStarted = performance.now();
    await uploadWeek(store, { partnershipId: 'bench', week: '2026-W49', uploadedBy: 'bench', files });
    const againSeconds = (performance.now() - againStarted) / 1000;

    // The naive way: one PutItem per row, one after another.
    const naiveStarted = performance.now();
    for (let index = 0; index < NAIVE_ROWS; index++) {
      const item = toItem(models.youngPersonModel, {
        partnershipId: 'naive',
        ref: `N${index}`,
        displayName: 'Young P.',
        dateOfBirth: '2012-01-01',
        educationStatus: 'attending',
        agencies: ['early_help'],
        strengths: [],
        status: 'open',
        provenance: { recordedBy: 'bench', recordedAt: new Date().toISOString() },
        version: 1,
      });
      await client.send(new PutCommand({ TableName: 'bench', Item: item }));
    }
    const naiveSeconds = (performance.now() - naiveStarted) / 1000;

    // Retention on the same partnership: the first sweep sets every expiry, the next finds
    // nothing to move; one erasure reads what the partnership keeps and rewrites what names them.
    const sweep = async () => {
      const at = performance.now();
      const result = await sweepRetention(store, 'bench', new Date());
      return { seconds: (performance.now() - at) / 1000, moved: result.retentionUpdated.length };
    };
    const firstSweep = await sweep();
    const nextSweep = await sweep();
    const erasureStarted = performance.now();
    const erased = await eraseYoungPerson(store, {
      partnershipId: 'bench',
      ref: 'G000042',
      reason: 'a benchmark of one erasure',
      actor: { userId: 'bench', role: 'madp-chair' },
      now: new Date(),
    });
    const erasureSeconds = (performance.now() - erasureStarted) / 1000;
    const peakMb = Math.round((process.memoryUsage().rss - memoryBefore) / 1024 / 1024);

    const table = [
      '| what | rows | seconds | rows per second |',
      '| --- | ---: | ---: | ---: |',
      `| upload: validate whole, plan, conditional group writes (8 in flight) | ${rows} | ${uploadSeconds.toFixed(1)} | ${Math.round(rows / uploadSeconds)} |`,
      `| the same map again as another week (reads, nothing to write) | ${rows} | ${againSeconds.toFixed(1)} | ${Math.round(rows / againSeconds)} |`,
      `| naive: one PutItem per row, in sequence | ${NAIVE_ROWS} | ${naiveSeconds.toFixed(1)} | ${Math.round(NAIVE_ROWS / naiveSeconds)} |`,
      `| first retention sweep: review dates of every young person, expiry set | ${firstSweep.moved} | ${firstSweep.seconds.toFixed(1)} | ${Math.round(firstSweep.moved / firstSweep.seconds)} |`,
      `| next retention sweep: nothing to move | ${PEOPLE} | ${nextSweep.seconds.toFixed(1)} | ${Math.round(PEOPLE / nextSweep.seconds)} |`,
      `| one erasure (${erased.removed['relationships'] ?? 0} relationships removed; every kept record read) | 1 | ${erasureSeconds.toFixed(1)} | |`,
    ];
    process.stdout.write(
      `${table.join('\n')}\n\nupload vs naive: ${(rows / uploadSeconds / (NAIVE_ROWS / naiveSeconds)).toFixed(1)}x; memory grew by ${peakMb} MB\n`,
    );
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`the benchmark failed: ${String(error)}\n`);
  process.exit(1);
});
