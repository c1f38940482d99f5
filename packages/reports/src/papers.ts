import { type ActionPlan, type ClusterSnapshot, type InvitationList, linkKindLabel } from '@peermap/domain';
import { toCsv } from './csv';
import type { ReportDocument } from './document';
import { clusterSvg } from './svg';

/** How a young person is named on a paper: their display name beside their ref when known. */
export type Names = ReadonlyMap<string, string>;

const named = (names: Names, ref: string) => {
  const name = names.get(ref);
  return name ? `${name} (${ref})` : ref;
};
const humanise = (value: string) => value.replaceAll('_', ' ');

/** The action plan as the meeting's paper; a group's plan also shows its concern profile and places. */
export function planPaper(
  plan: ActionPlan,
  names: Names,
  marking: string,
  subject: string,
  cluster?: Pick<ClusterSnapshot, 'concerns' | 'places'>,
): ReportDocument {
  const profile = cluster ? [concernsSection(cluster), placesSection(cluster)] : [];
  return {
    title: `Action plan: ${subject}`,
    marking,
    sections: [
      {
        heading: 'Summary',
        paragraphs: [
          plan.summary,
          `Status: ${plan.status}. Version ${plan.version}, last changed ${plan.updatedAt.slice(0, 10)} by ${plan.updatedBy}.`,
        ],
      },
      {
        heading: 'Actions',
        table: {
          header: ['Action', 'Owner', 'Named owner', 'Due', 'Status', 'For'],
          rows: plan.actions.map((a) => [
            a.description,
            humanise(a.ownerAgency),
            a.ownerName ?? '',
            a.dueOn,
            humanise(a.status),
            a.coversRefs.map((ref) => named(names, ref)).join(', '),
          ]),
        },
      },
      ...profile,
    ],
  };
}

function concernsSection(cluster: Pick<ClusterSnapshot, 'concerns'>) {
  return {
    heading: 'Concerns',
    table: {
      header: ['Concern', 'Young people', 'Open', 'Recent', 'Last'],
      rows: cluster.concerns.map((c) => [
        c.label,
        String(c.youngPeople),
        String(c.open),
        String(c.recent),
        c.lastOccurred,
      ]),
    },
  };
}

function placesSection(cluster: Pick<ClusterSnapshot, 'places'>) {
  return {
    heading: 'Where the group is seen',
    table: {
      header: ['Place', 'Kind', 'Recent sightings', 'Young people seen', 'Last seen'],
      rows: cluster.places.map((p) => [
        p.name,
        humanise(p.kind),
        String(p.recentSightings),
        String(p.youngPeopleSeen),
        p.lastSeen,
      ]),
    },
  };
}

const carerRow = (names: Names) => (c: { name: string; relationship: string; youngPersonRefs: string[] }) => [
  c.name,
  humanise(c.relationship),
  c.youngPersonRefs.map((ref) => named(names, ref)).join(', '),
];

const needsOf = (c: {
  preferredLanguage?: string | undefined;
  interpreterNeeded: boolean;
  transportNeeded: boolean;
  accessNeeds?: string | undefined;
}) =>
  [
    c.preferredLanguage ? `language: ${c.preferredLanguage}` : '',
    c.interpreterNeeded ? 'interpreter' : '',
    c.transportNeeded ? 'transport' : '',
    c.accessNeeds ?? '',
  ]
    .filter(Boolean)
    .join('; ');

/** The invitation list as the organiser's paper: who to invite and how, whom to ask first, who not and why. */
export function invitationPaper(list: InvitationList, names: Names, marking: string): ReportDocument {
  const { session } = list;
  return {
    title: `Parent Empowerment Session, ${session.date} at ${session.time}`,
    marking,
    sections: [
      {
        heading: 'Session',
        paragraphs: [
          `Venue: ${session.venue}.`,
          `Facilitators: ${session.facilitators.join(', ') || 'to be confirmed'}.`,
        ],
      },
      {
        heading: `Invite (${list.invite.length})`,
        table: {
          header: ['Carer', 'Relationship', 'For', 'Contact', 'Needs', 'Attendance'],
          rows: list.invite.map((c) => [
            ...carerRow(names)(c),
            [humanise(c.contactRoute), c.phone ?? c.email ?? ''].filter(Boolean).join(': '),
            needsOf(c),
            humanise(list.attendance[c.carerRef] ?? 'invited'),
          ]),
        },
      },
      {
        heading: `Ask consent first (${list.askConsentFirst.length})`,
        table: {
          header: ['Carer', 'Relationship', 'For', 'Asked by', 'Needs'],
          rows: list.askConsentFirst.map((c) => [...carerRow(names)(c), c.askedBy ?? 'the key worker', needsOf(c)]),
        },
      },
      {
        heading: `Not invited (${list.notInvited.length})`,
        table: {
          header: ['Carer', 'Relationship', 'For', 'Reason'],
          rows: list.notInvited.map((c) => [...carerRow(names)(c), humanise(c.reason)]),
        },
      },
      ...(list.sizeWarning
        ? [
            {
              heading: 'Smaller sessions',
              paragraphs: [
                `${list.sizeWarning.inviteCount} carers are on the invite list; groups work better started small (up to ${list.sizeWarning.limit}).`,
                ...list.sizeWarning.proposedSessions.map(
                  (s, index) =>
                    `Session ${index + 1}: carers of ${s.youngPersonRefs.map((ref) => named(names, ref)).join(', ')}.`,
                ),
              ],
            },
          ]
        : []),
    ],
  };
}

/** The invitation list as CSV, one row per carer and list, for other tools. */
export function invitationCsv(list: InvitationList, marking: string): string {
  type Listed = InvitationList['askConsentFirst'][number];
  const row = (which: string, c: Listed, contact: string[], note: string, attendance: string) => [
    which,
    c.carerRef,
    c.name,
    c.relationship,
    c.youngPersonRefs.join(';'),
    ...contact,
    c.preferredLanguage ?? '',
    c.interpreterNeeded,
    c.transportNeeded,
    c.accessNeeds ?? '',
    note,
    attendance,
  ];
  const noContact = ['', '', ''];
  const rows = [
    ...list.invite.map((c) =>
      row('invite', c, [c.contactRoute, c.phone ?? '', c.email ?? ''], '', list.attendance[c.carerRef] ?? 'invited'),
    ),
    ...list.askConsentFirst.map((c) => row('ask_consent_first', c, noContact, c.askedBy ?? '', '')),
    ...list.notInvited.map((c) => row('not_invited', c, noContact, c.reason, '')),
  ];
  return toCsv(
    [
      'list',
      'carer_ref',
      'name',
      'relationship',
      'young_person_refs',
      'contact_route',
      'phone',
      'email',
      'preferred_language',
      'interpreter_needed',
      'transport_needed',
      'access_needs',
      'asked_by_or_reason',
      'attendance',
    ],
    rows,
    marking,
  );
}

/** A cluster's report: the picture of the group, why each member is in it, and its places and concerns. */
export function clusterPaper(cluster: ClusterSnapshot, names: Names, marking: string): ReportDocument {
  return {
    title: `${cluster.label}, week ${cluster.week}`,
    marking,
    sections: [
      { heading: 'Summary', paragraphs: [cluster.narrative] },
      {
        heading: 'The group',
        figure: {
          svg: clusterSvg(cluster, names),
          caption: `${cluster.memberRefs.length} young people and their strongest links inside the group (line width: link weight), with the places the group is seen at.`,
        },
      },
      {
        heading: 'Why each young person is in the group',
        table: {
          header: [
            'Young person',
            'Strongest links inside',
            'Share of links inside',
            'Stayed together in repeated runs',
          ],
          rows: cluster.members.map((m) => [
            named(names, m.ref),
            m.strongestLinks.map((l) => `${named(names, l.ref)} (${linkKindLabel(l.kind)}, ${l.weight})`).join('; '),
            `${Math.round(m.shareOfLinkWeightInside * 100)}%`,
            `${Math.round(m.stability * 100)}%`,
          ]),
        },
      },
      {
        heading: 'Most connected in the group',
        table: {
          header: ['Young person', 'Links inside', 'Link weight inside', 'Betweenness inside'],
          rows: cluster.mostConnected.map((m) => [
            named(names, m.ref),
            String(m.linksInside),
            String(m.linkWeightInside),
            String(m.betweennessInside),
          ]),
        },
      },
      placesSection(cluster),
      concernsSection(cluster),
    ],
  };
}
