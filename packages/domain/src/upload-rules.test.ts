import { describe, expect, it } from 'vitest';
import { examples } from './examples';
import type { Carer } from './map';
import { mergeUploaded, mergeUploadedCarer } from './upload-rules';

const carer = (consent: Carer['consent'], extra: Partial<Carer> = {}): Carer => ({
  ...examples.carer,
  consent,
  ...extra,
});

describe('combining an uploaded record with the one held', () => {
  it('keeps a retention date the sheet cannot state', () => {
    const held = { ...examples.youngPerson, retainUntil: '2027-03-01T00:00:00.000Z' };
    expect(mergeUploaded(held, examples.youngPerson).retainUntil).toBe('2027-03-01T00:00:00.000Z');
    expect(mergeUploaded(undefined, examples.youngPerson)).toEqual(examples.youngPerson);
  });

  it('never lets an older sheet undo a withdrawal recorded since', () => {
    const withdrawn = {
      status: 'withdrawn',
      recordedOn: '2026-11-20',
      recordedBy: 'Kim',
      note: 'Asked not to be contacted',
    } as const;
    const stale = { status: 'given', recordedOn: '2026-10-01', recordedBy: 'Ali' } as const;
    expect(mergeUploadedCarer(carer(withdrawn), carer(stale)).consent).toEqual(withdrawn);
    expect(mergeUploadedCarer(carer(withdrawn), carer({ status: 'not_asked' })).consent).toEqual(withdrawn);
  });

  it('takes a newer decision from the sheet', () => {
    const given = { status: 'given', recordedOn: '2026-10-01', recordedBy: 'Ali' } as const;
    const withdrawn = { status: 'withdrawn', recordedOn: '2026-11-20', recordedBy: 'Kim' } as const;
    expect(mergeUploadedCarer(carer(given), carer(withdrawn)).consent).toEqual(withdrawn);
  });

  it('keeps a withdrawal or decline held when the sheet says "given" on the same day, and takes the sheet\'s "no"', () => {
    const given = { status: 'given', recordedOn: '2026-12-07', recordedBy: 'Ali' } as const;
    for (const status of ['withdrawn', 'declined'] as const) {
      const held = { status, recordedOn: '2026-12-07', recordedBy: 'Kim', note: 'Asked us to stop' };
      expect(mergeUploadedCarer(carer(held), carer(given)).consent).toEqual(held);
      expect(mergeUploadedCarer(carer({ ...given, scope: 'parent sessions' }), carer(held)).consent).toEqual(held);
    }
  });

  it('keeps the scope and note of the same decision', () => {
    const held = {
      status: 'given',
      recordedOn: '2026-10-01',
      recordedBy: 'Ali',
      scope: 'parent sessions',
      note: 'Prefers evenings',
    } as const;
    const uploaded = { status: 'given', recordedOn: '2026-10-01', recordedBy: 'Ali' } as const;
    expect(mergeUploadedCarer(carer(held), carer(uploaded)).consent).toEqual(held);
  });
});
