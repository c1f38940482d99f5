import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { presentRun } from './analysis-routes';

describe('a run as it is answered', () => {
  const queued = { ...examples.analysis, status: 'running' as const, createdAt: '2026-11-28T10:00:00.000Z' };

  it('shows a run still open long after any function could have finished as failed, with what to do', () => {
    const later = presentRun(queued, new Date('2026-11-28T10:21:00.000Z'));
    expect(later.status).toBe('failed');
    expect(later.failureReason).toMatch(/start it again/);
  });

  it('leaves a run that may still be working, and a finished one, as they are', () => {
    expect(presentRun(queued, new Date('2026-11-28T10:05:00.000Z'))).toBe(queued);
    expect(presentRun(examples.analysis, new Date('2027-01-01T00:00:00.000Z'))).toBe(examples.analysis);
  });
});
