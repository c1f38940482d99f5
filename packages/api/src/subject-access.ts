import {
  type ActionPlan,
  type AuditEvent,
  type Carer,
  type ClusterSnapshot,
  type Concern,
  type InvitationList,
  mapWithConcurrency,
  NotFoundError,
  type ParentGroup,
  READ_CONCURRENCY,
  type Relationship,
  type Review,
  type ReviewStatus,
  type SessionFeedback,
  type Sighting,
  type SubjectAccessPorts,
  type YoungPerson,
} from '@peermap/domain';
import { markingLine, type ReportDocument } from '@peermap/reports';
import { everyItem } from './paging';
import { reviewList } from './reviews';

/**
 * Everything peermap holds about one young person, for a subject access request: their
 * record, every record that names them, the peer groups, plans and invitation lists they are
 * in, and who read or changed their record (from the audit). Restricted police intelligence
 * is included and marked for review before disclosure; carers' details are third-party data,
 * marked the same way.
 */
export interface SubjectAccess {
  youngPerson: YoungPerson;
  relationships: Relationship[];
  sightings: Sighting[];
  concerns: Concern[];
  carers: Carer[];
  peerGroups: Pick<ClusterSnapshot, 'clusterId' | 'label' | 'week' | 'analysisId' | 'narrative'>[];
  actionPlans: ActionPlan[];
  invitationLists: InvitationList[];
  /** The parent groups their carers belong to, each with those carers' memberships only (other parents are not theirs to see). */
  parentGroups: ParentGroup[];
  /** Feedback their carers gave on sessions, in their own words: anonymous feedback names no one. */
  sessionFeedback: SessionFeedback[];
  /** When their record falls due for review and is removed, and every decision to keep it. */
  review: { status: ReviewStatus | undefined; decisions: Review[] };
  accessLog: AuditEvent[];
  /** What a person must look at before any of this is disclosed, and why. */
  reviewBeforeDisclosure: { item: string; reason: string }[];
  producedAt: string;
}

export async function subjectAccess(
  store: SubjectAccessPorts,
  partnershipId: string,
  ref: string,
  now: Date,
): Promise<SubjectAccess> {
  const youngPerson = await store.youngPeople.get(partnershipId, ref);
  if (!youngPerson) throw new NotFoundError('young person', ref);
  const [relationships, sightings, concerns, carers, accessLog, clusters, decisions, reviews] = await Promise.all([
    store.relationships.ofPerson(partnershipId, ref),
    store.sightings.ofPerson(partnershipId, ref),
    store.concerns.ofPerson(partnershipId, ref),
    store.carers.ofYoungPerson(partnershipId, ref),
    everyItem((page) => store.audit.byYoungPerson(partnershipId, ref, page), 500),
    clustersNaming(store, partnershipId, ref),
    store.reviews.ofPerson(partnershipId, ref),
    reviewList(store, partnershipId, now),
  ]);
  const feedback = await feedbackOfCarers(store, partnershipId, carers);
  return {
    youngPerson,
    relationships,
    sightings,
    concerns,
    carers,
    peerGroups: clusters.map(({ clusterId, label, week, analysisId, narrative }) => ({
      clusterId,
      label,
      week,
      analysisId,
      narrative,
    })),
    ...(await plansAndListsNaming(store, partnershipId, ref, clusters)),
    parentGroups: await groupsOfCarers(store, partnershipId, carers),
    sessionFeedback: feedback,
    review: { status: reviews.statuses.find((status) => status.ref === ref), decisions },
    accessLog,
    reviewBeforeDisclosure: reviewBeforeDisclosure(carers, relationships, feedback),
    producedAt: now.toISOString(),
  };
}

/** The clusters of every completed run that the young person was found in. */
async function clustersNaming(
  store: Pick<SubjectAccessPorts, 'analyses'>,
  partnershipId: string,
  ref: string,
): Promise<ClusterSnapshot[]> {
  const runs = await everyItem((page) => store.analyses.list(partnershipId, page));
  const completed = runs.filter((run) => run.status === 'completed');
  const clusters = await mapWithConcurrency(completed, READ_CONCURRENCY, (run) =>
    store.analyses.clusters(partnershipId, run.id),
  );
  return clusters.flat().filter((cluster) => cluster.memberRefs.includes(ref));
}

/** The plans and invitation lists of their peer groups that name them. */
async function plansAndListsNaming(
  store: Pick<SubjectAccessPorts, 'actionPlans' | 'invitationLists'>,
  partnershipId: string,
  ref: string,
  clusters: readonly ClusterSnapshot[],
): Promise<Pick<SubjectAccess, 'actionPlans' | 'invitationLists'>> {
  const clusterIds = [...new Set(clusters.map((c) => c.clusterId))];
  // Every session's list, not only their groups': a place's, a parent group's or chosen young people's name them too.
  const [plans, lists] = await Promise.all([
    mapWithConcurrency(clusterIds, READ_CONCURRENCY, (id) => store.actionPlans.ofCluster(partnershipId, id)),
    everyItem((page) => store.invitationLists.list(partnershipId, page)),
  ]);
  return {
    actionPlans: plans
      .flat()
      .filter((plan) => plan.youngPersonRefs?.includes(ref) || plan.actions.some((a) => a.coversRefs.includes(ref))),
    // A session's risk assessment speaks of other families (who is kept apart from whom, and why): not disclosed here.
    invitationLists: lists
      .filter((list) => list.youngPersonRefs.includes(ref))
      .map(({ riskAssessment: _assessment, ...list }) => list),
  };
}

/** The feedback the young person's carers gave, named: what they said is theirs to see. */
async function feedbackOfCarers(
  store: Pick<SubjectAccessPorts, 'sessionFeedback'>,
  partnershipId: string,
  carers: readonly Carer[],
): Promise<SessionFeedback[]> {
  const refs = new Set(carers.map((carer) => carer.ref));
  if (refs.size === 0) return [];
  const all = await everyItem((page) => store.sessionFeedback.list(partnershipId, page));
  return all.filter((feedback) => feedback.carerRef !== undefined && refs.has(feedback.carerRef));
}

/** The parent groups the young person's carers belong to, showing only their memberships. */
async function groupsOfCarers(
  store: Pick<SubjectAccessPorts, 'parentGroups'>,
  partnershipId: string,
  carers: readonly Carer[],
): Promise<ParentGroup[]> {
  const refs = new Set(carers.map((carer) => carer.ref));
  if (refs.size === 0) return [];
  const groups = await everyItem((page) => store.parentGroups.list(partnershipId, page));
  return groups
    .map((group) => ({ ...group, members: group.members.filter((member) => refs.has(member.carerRef)) }))
    .filter((group) => group.members.length > 0);
}

/** What must be looked at before disclosure: other people's data, and what police disclose themselves. */
function reviewBeforeDisclosure(
  carers: readonly Carer[],
  relationships: readonly Relationship[],
  feedback: readonly SessionFeedback[],
): SubjectAccess['reviewBeforeDisclosure'] {
  return [
    // Said on every report, so it tells nothing of what police hold about this young person.
    {
      item: 'restricted police intelligence',
      reason:
        'Not part of this report, whether or not police hold any: the police force discloses its own restricted intelligence (Data Protection Act 2018, Part 3). Ask its disclosure team.',
    },
    ...carers.map((carer) => ({
      item: `carer ${carer.ref}`,
      reason: 'Another person’s data: disclose only what the law allows, after review.',
    })),
    ...relationships.map((r) => ({
      item: `relationship ${r.personA}~${r.personB}`,
      reason: 'Names another child: redact them before disclosure unless the law allows otherwise.',
    })),
    ...feedback.map((f) => ({
      item: `feedback ${f.id}`,
      reason: `A parent's own words (carer ${f.carerRef ?? ''}) about a session: theirs, not the young person's; disclose only with their agreement or as the law allows.`,
    })),
  ];
}

/** The same, as a readable document: one section per kind of record, the review list first. */
export function subjectAccessPaper(access: SubjectAccess, marking: string): ReportDocument {
  const p = access.youngPerson;
  return {
    title: `Subject access: everything held about ${p.displayName} (${p.ref})`,
    marking,
    sections: [
      {
        heading: 'Before anything is disclosed',
        paragraphs: [
          markingLine(marking),
          `Produced ${access.producedAt.slice(0, 16).replace('T', ' ')}. Review each item below before disclosure.`,
        ],
        table: {
          header: ['Item', 'Why it needs review'],
          rows: access.reviewBeforeDisclosure.map((r) => [r.item, r.reason]),
        },
      },
      recordSection(p),
      ...mapSections(access),
      retentionSection(access.review),
      {
        heading: 'Who read or changed their record',
        table: {
          header: ['When', 'Who', 'Role', 'What', 'Outcome'],
          rows: access.accessLog.map((e) => [
            e.at,
            e.actor.userId,
            e.actor.role,
            `${e.action} ${e.resource}`,
            e.outcome,
          ]),
        },
      },
    ],
  };
}

type Section = ReportDocument['sections'][number];

function recordSection(p: YoungPerson): Section {
  return {
    heading: 'Their record',
    table: {
      header: ['Field', 'Held'],
      rows: [
        ['Name', p.displayName],
        ['Date of birth', p.dateOfBirth],
        ['Gender', p.gender ?? ''],
        ['Ethnicity', p.ethnicity ?? ''],
        ['Education', p.educationStatus],
        ['Agencies', p.agencies.join(', ')],
        ['Key worker', p.keyWorker ?? ''],
        ['Strengths', p.strengths.join('; ')],
        ['Case', p.status],
      ],
    },
  };
}

/** What the map and the meetings hold that names them. */
function mapSections(access: SubjectAccess): Section[] {
  const ref = access.youngPerson.ref;
  return [
    {
      heading: 'Relationships recorded',
      table: {
        header: ['With', 'Kind', 'Strength', 'Last seen', 'Recorded by'],
        rows: access.relationships.map((r) => [
          r.personA === ref ? r.personB : r.personA,
          r.kind,
          String(r.strength),
          r.lastSeen ?? '',
          r.sourceAgency,
        ]),
      },
    },
    {
      heading: 'Where they were seen',
      table: {
        header: ['Place', 'Seen on', 'Recorded by'],
        rows: access.sightings.map((s) => [s.locationRef, s.seenOn, s.sourceAgency]),
      },
    },
    {
      heading: 'Concerns recorded',
      table: {
        header: ['Concern', 'On', 'Status', 'Recorded by'],
        rows: access.concerns.map((c) => [c.category, c.occurredOn, c.status, c.sourceAgency]),
      },
    },
    {
      heading: 'Peer groups they were found in',
      table: { header: ['Week', 'Group'], rows: access.peerGroups.map((g) => [g.week, g.label]) },
    },
    {
      heading: 'Plans and invitation lists that name them',
      paragraphs: [
        ...access.actionPlans.map((plan) => `Action plan ${plan.id} (${plan.status}, version ${plan.version}).`),
        ...access.invitationLists.map((list) => `Invitation list ${list.id} for ${list.session.date}.`),
      ],
    },
    {
      heading: 'Parent groups their carers belong to',
      table: {
        header: ['Group', 'Carer', 'Joined on'],
        rows: access.parentGroups.flatMap((group) =>
          group.members.map((member) => [group.name, member.carerRef, member.joinedOn]),
        ),
      },
    },
    {
      heading: 'Feedback their carers gave on sessions',
      table: {
        header: ['Given', 'Carer', 'In their words'],
        rows: access.sessionFeedback.map((f) => [f.createdAt.slice(0, 10), f.carerRef ?? '', f.words ?? '']),
      },
    },
  ];
}

function retentionSection(review: SubjectAccess['review']): Section {
  return {
    heading: 'How long their record is kept',
    paragraphs: review.status
      ? [
          `Last on the map ${review.status.lastActivityOn} (${review.status.lastActivity}); review due ${review.status.reviewDueOn}; removed on ${review.status.removalOn} unless a review keeps them.`,
        ]
      : [],
    table: {
      header: ['Decided', 'By', 'Kept because', 'Next review'],
      rows: review.decisions.map((r) => [r.decidedAt.slice(0, 10), r.decidedBy, r.reason, r.nextReviewOn]),
    },
  };
}
