import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { clusterTrends } from './trends';

const week = (w: string, memberRefs: string[], joined: string[] = []) => ({
  week: w,
  analysisId: examples.analysis.id,
  memberRefs,
  change: { status: 'continuing' as const, previousClusterIds: [], splitInto: [], joined, left: [] },
});

describe('a cluster week by week', () => {
  it('counts each week from what happened in it to the young people in the group that week', () => {
    const [invited] = examples.invitationList.invite;
    if (!invited) throw new Error('the example invites a carer');
    const trends = clusterTrends(
      [week('2026-W46', ['YP1', 'YP2', 'YP3'], ['YP3']), week('2026-W45', ['YP1', 'YP2'])],
      new Map([
        [
          'YP1',
          [
            { category: 'missing_episode' as const, occurredOn: '2026-11-03', status: 'open' as const },
            { category: 'missing_episode' as const, occurredOn: '2026-11-10', status: 'open' as const },
            { category: 'not_in_education' as const, occurredOn: '2026-11-11', status: 'open' as const },
          ],
        ],
        ['YP3', [{ category: 'weapon' as const, occurredOn: '2026-11-12', status: 'open' as const }]],
      ]),
      [
        {
          createdAt: '2026-11-12T10:00:00.000Z',
          invite: [invited],
          attendance: { CR1: 'attended' },
        },
      ],
    );
    expect(trends).toEqual([
      {
        week: '2026-W45',
        analysisId: examples.analysis.id,
        members: 2,
        joined: 0,
        left: 0,
        missingEpisodes: 1,
        outOfEducation: 0,
        incidents: 0,
        invited: 0,
        attended: 0,
      },
      {
        week: '2026-W46',
        analysisId: examples.analysis.id,
        members: 3,
        joined: 1,
        left: 0,
        missingEpisodes: 1,
        outOfEducation: 1,
        incidents: 1,
        invited: 1,
        attended: 1,
      },
    ]);
  });
});
