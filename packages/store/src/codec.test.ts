import { examples, ValidationError } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, fromItem, MAX_PAGE_SIZE, pageSize, toItem } from './codec';
import { CorruptItemError } from './errors';
import { invitationListModel, youngPersonModel } from './models';

const expected = { index: 'byKind', partition: 'P#1#YP', partnershipPrefix: 'P#1#' } as const;

describe('items', () => {
  it('carry their keys, entity type, schema version and retention beside the record', () => {
    const item = toItem(youngPersonModel, { ...examples.youngPerson, retainUntil: '2027-02-01T00:00:00.000Z' });
    expect(item).toMatchObject({
      PK: 'P#south-kent#YP#YP1',
      SK: 'YP',
      GSI1PK: 'P#south-kent#YP',
      GSI1SK: 'YP1',
      entity: 'YoungPerson',
      schemaVersion: 1,
      expiresAt: Date.UTC(2027, 1, 1) / 1000,
    });
  });

  it('read a session kept before facilitators said where they come from as facilitators named alone', () => {
    const item = toItem(invitationListModel, examples.invitationList);
    const older = { ...item, session: { ...examples.invitationList.session, facilitators: ['Early Help', 'PC Lee'] } };
    expect(fromItem(invitationListModel, older).session.facilitators).toEqual([
      { name: 'Early Help' },
      { name: 'PC Lee' },
    ]);
  });

  it('come back as the record that went in', () => {
    expect(fromItem(youngPersonModel, toItem(youngPersonModel, examples.youngPerson))).toEqual(examples.youngPerson);
  });

  it('are validated again on the way out', () => {
    const item = { ...toItem(youngPersonModel, examples.youngPerson), educationStatus: 'expelled' };
    expect(() => fromItem(youngPersonModel, item)).toThrow(CorruptItemError);
    const other = { ...toItem(youngPersonModel, examples.youngPerson), entity: 'Carer' };
    expect(() => fromItem(youngPersonModel, other)).toThrow(CorruptItemError);
  });
});

describe('cursors', () => {
  const key = { PK: 'P#1#YP#YP7', SK: 'YP', GSI1PK: 'P#1#YP', GSI1SK: 'YP7' };

  it('round-trip the last key of a page', () => {
    expect(decodeCursor(encodeCursor(key), expected)).toEqual(key);
    const tableKey = { PK: 'P#1#YP#YP7', SK: 'REL#YP9' };
    expect(decodeCursor(encodeCursor(tableKey), { partition: 'P#1#YP#YP7', partnershipPrefix: 'P#1#' })).toEqual(
      tableKey,
    );
  });

  it.each([
    ['from another partnership', encodeCursor({ ...key, PK: 'P#12#YP#YP7', GSI1PK: 'P#12#YP' })],
    ['from another list', encodeCursor({ ...key, GSI1PK: 'P#1#CR' })],
    ['with a non-key attribute', encodeCursor({ ...key, displayName: 'x' })],
    ['with a non-string value', encodeCursor({ ...key, GSI1SK: 7 })],
    ['that is an array', Buffer.from('[]').toString('base64url')],
    ['that is not JSON', 'bm90IGpzb24'],
    ['that is empty JSON', Buffer.from('{}').toString('base64url')],
    ['without its sort key', encodeCursor({ PK: key.PK, GSI1PK: key.GSI1PK, GSI1SK: key.GSI1SK })],
    ['with the keys of another index', encodeCursor({ ...key, GSI2PK: 'P#1#YP', GSI2SK: 'x' })],
  ])('refuse one %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, expected)).toThrow(ValidationError);
  });
});

describe('page sizes', () => {
  it('default, cap and refuse nonsense', () => {
    expect(pageSize(undefined)).toBe(100);
    expect(pageSize({ limit: 10_000 })).toBe(MAX_PAGE_SIZE);
    expect(() => pageSize({ limit: 0 })).toThrow(ValidationError);
    expect(() => pageSize({ limit: 2.5 })).toThrow(ValidationError);
  });
});
