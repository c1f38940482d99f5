import {
  type ClusterSnapshot,
  type Concern,
  type ConcernCategory,
  type InvitationList,
  isoWeekDays,
} from '@peermap/domain';

/** Concerns counted as incidents in the trends: harm that happened, not a status. */
const INCIDENTS: ReadonlySet<ConcernCategory> = new Set([
  'offence',
  'peer_violence',
  'weapon',
  'antisocial_behaviour',
  'racially_aggravated_abuse',
  'criminal_exploitation',
  'sexual_exploitation',
]);

export interface WeekTrend {
  week: string;
  analysisId: string;
  members: number;
  joined: number;
  left: number;
  /** Missing episodes of the week's members that happened in the week. */
  missingEpisodes: number;
  /** The week's members with a not-in-education concern still open, dated on or before the week's end. */
  outOfEducation: number;
  /** Incidents of the week's members that happened in the week. */
  incidents: number;
  /** Carers invited to, and carers who attended, sessions whose lists were made in the week. */
  invited: number;
  attended: number;
}

/**
 * A cluster week by week, for the meeting and for funders: who is in it, and the missing
 * episodes, young people out of education, incidents, invitations and attendance.
 */
export function clusterTrends(
  weeks: readonly Pick<ClusterSnapshot, 'week' | 'analysisId' | 'memberRefs' | 'change'>[],
  concernsOf: ReadonlyMap<string, readonly Pick<Concern, 'category' | 'occurredOn' | 'status'>[]>,
  lists: readonly Pick<InvitationList, 'createdAt' | 'invite' | 'attendance'>[],
): WeekTrend[] {
  return [...weeks]
    .sort((a, b) => (a.week < b.week ? -1 : 1))
    .map((snapshot) => {
      const { firstDay, lastDay } = isoWeekDays(snapshot.week);
      const inWeek = (day: string) => day >= firstDay && day <= lastDay;
      const concerns = snapshot.memberRefs.map((ref) => concernsOf.get(ref) ?? []);
      const listsOfWeek = lists.filter((l) => inWeek(l.createdAt.slice(0, 10)));
      return {
        week: snapshot.week,
        analysisId: snapshot.analysisId,
        members: snapshot.memberRefs.length,
        joined: snapshot.change.joined.length,
        left: snapshot.change.left.length,
        missingEpisodes: concerns.flat().filter((c) => c.category === 'missing_episode' && inWeek(c.occurredOn)).length,
        outOfEducation: concerns.filter((own) =>
          own.some((c) => c.category === 'not_in_education' && c.status === 'open' && c.occurredOn <= lastDay),
        ).length,
        incidents: concerns.flat().filter((c) => INCIDENTS.has(c.category) && inWeek(c.occurredOn)).length,
        invited: listsOfWeek.reduce((sum, l) => sum + l.invite.length, 0),
        attended: listsOfWeek.reduce(
          (sum, l) => sum + Object.values(l.attendance).filter((outcome) => outcome === 'attended').length,
          0,
        ),
      };
    });
}
