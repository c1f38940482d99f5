import { examples, type UploadSlot } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { analysisModel, uploadSlotModel } from './models';
import { transitionUpdate } from './transition';

const slot: UploadSlot = {
  id: '0b5c1a7e-3f53-4a55-9a0e-1c4c8f7f2b10',
  partnershipId: 'south-kent',
  week: '2026-W48',
  status: 'processing',
  uploadedBy: 'chair-1',
  createdAt: '2026-11-28T09:00:00.000Z',
  sendBy: '2026-11-28T09:15:00.000Z',
  failureReason: 'an earlier try',
  version: 3,
};

/** The expression with its placeholders filled in, to read what it does. */
function spelled(update: ReturnType<typeof transitionUpdate>, expression: string) {
  return expression
    .replace(/#\w+/g, (name) => update.ExpressionAttributeNames[name] ?? name)
    .replace(/:\w+/g, (value) => JSON.stringify(update.ExpressionAttributeValues[value]));
}

describe('a change of state', () => {
  it('sets only what changed, removes what is gone, and moves the version on by one', () => {
    const { failureReason: _, ...rest } = slot;
    const update = transitionUpdate(uploadSlotModel, slot, {
      ...rest,
      status: 'completed',
      problemCount: 0,
      version: 4,
    });
    expect(update.Key).toEqual({ PK: `P#south-kent#SLOT#${slot.id}`, SK: 'SLOT' });
    expect(spelled(update, update.UpdateExpression)).toBe(
      'SET status = "completed", problemCount = 0, version = version + 1 REMOVE failureReason',
    );
    expect(spelled(update, update.ConditionExpression)).toBe('version = 3');
  });

  it('applies only while each guarded field holds one of the values it moves from', () => {
    const update = transitionUpdate(
      uploadSlotModel,
      slot,
      { ...slot, status: 'failed', version: 4 },
      {
        status: ['waiting', 'processing'],
      },
    );
    expect(spelled(update, update.ConditionExpression)).toBe('version = 3 AND status IN ("waiting", "processing")');
  });

  it('writes the index keys that follow the change: a completed run enters byKind', () => {
    const { summary: _, completedAt: __, ...running } = { ...examples.analysis, version: 2 };
    const update = transitionUpdate(
      analysisModel,
      { ...running, status: 'running' },
      { ...examples.analysis, version: 3 },
    );
    const set = spelled(update, update.UpdateExpression);
    expect(set).toContain(`GSI1PK = "P#south-kent#ANALYSIS"`);
    expect(set).toContain(`GSI1SK = "2026-W46#2026-11-20T11:00:03.000Z#${examples.analysis.id}"`);
    expect(set).toContain('status = "completed"');
    expect(set).not.toContain('GSI2PK');
  });

  it('refuses to change the key of the record', () => {
    expect(() =>
      transitionUpdate(uploadSlotModel, slot, { ...slot, id: 'e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63' }),
    ).toThrow(/cannot change the key/);
  });

  it('refuses a guard that allows nothing', () => {
    expect(() => transitionUpdate(uploadSlotModel, slot, slot, { status: [] })).toThrow(/at least one value/);
  });
});
