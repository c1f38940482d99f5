import {
  type ActionPlan,
  AnalysisParameters,
  type ClusterSnapshot,
  CONCERN_LABELS,
  type ConcernCategory,
  connectionsInWords,
  facilitatorFromInWords,
  facilitatorsInWords,
  forInWords,
  type InvitationList,
  LINK_STRENGTH_THRESHOLDS,
  linkInWords,
  linkKindLabel,
  type PlanWordNote,
  percentOf,
  planWordNotes,
  shareInsideInWords,
  stabilityInShortWords,
  stabilityInWords,
  whomInWords,
} from '@peermap/domain';
import { toCsv } from './csv';
import type { ReportDocument } from './document';
import { clusterSvg } from './svg';
import { dateInWords, ownerInWords, weekInWords } from './words';

/** How a young person is named on a paper: their display name beside their ref when known. */
export type Names = ReadonlyMap<string, string>;

/** What a paper says about its partnership and meeting beyond the record itself, from what peermap holds. */
export interface PaperContext {
  partnershipName?: string | undefined;
  /** When the meeting agreed the plan (its latest agreed version), if it has been agreed. */
  agreedOn?: string | undefined;
  /** The days before the end of the week that the analysis counts as recent. */
  recentDays?: number | undefined;
  /** The partnership's own blaming phrases, checked with the guide's. */
  languagePhrases?: readonly { phrase: string; suggestion: string }[] | undefined;
  /** One line per session of the group with follow-ups still owed to families (no carer named), for the meeting. */
  owedToFamilies?: readonly string[] | undefined;
}

/** Follow-ups still owed after the group's sessions: on the meeting's paper until each is done. */
function owedSections(context: PaperContext): ReportDocument['sections'] {
  const lines = context.owedToFamilies ?? [];
  return lines.length > 0 ? [{ heading: 'Owed to families', paragraphs: [...lines] }] : [];
}

const named = (names: Names, ref: string) => {
  const name = names.get(ref);
  return name ? `${name} (${ref})` : ref;
};
const nameOf = (names: Names, ref: string) => names.get(ref) ?? ref;
const humanise = (value: string) => value.replaceAll('_', ' ');
const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Not held in peermap: the paper leaves a line to write it on. */
const TO_WRITE_IN = '____________________';
const STARTING_RECENT_DAYS = AnalysisParameters.parse({}).recentDays;

/** Whom an action is for, as short as it can be said (see `whomInWords`), naming people as the paper does. */
export function coveredInWords(covers: readonly string[], group: readonly string[], names: Names): string {
  return whomInWords(covers, group, (ref) => nameOf(names, ref));
}

const concernLabel = (category: string) => CONCERN_LABELS[category as ConcernCategory] ?? humanise(category);

/** The "For" cell: whom the action is for, and on the line below why (the open concern, the place). */
function forCell(
  action: ActionPlan['actions'][number],
  group: readonly string[],
  names: Names,
  plan: ActionPlan,
): string {
  const { who: named, why } = forInWords(action, group, (ref) => nameOf(names, ref), concernLabel);
  // A parent group's plan names no young person: its actions are for the group's families.
  const who = plan.parentGroupId && !named ? 'The families of the group' : named;
  return why ? `${who}\n${why}` : who;
}

/** Where the plan stands, in words: "Agreed on 3 December 2026", or a draft not yet agreed. */
function standingOf(plan: ActionPlan, agreedOn: string | undefined): string {
  const changed = dateInWords(plan.updatedAt);
  if (plan.status === 'agreed') return `Agreed on ${changed} (version ${plan.version})`;
  const agreed = agreedOn ? `; agreed on ${dateInWords(agreedOn)}` : '';
  if (plan.status === 'reviewed') return `Reviewed on ${changed} (version ${plan.version})${agreed}`;
  return `Draft (version ${plan.version}), last changed ${changed}: not yet agreed${agreed ? `, an earlier version${agreed.slice(1)}` : ''}`;
}

function footnoteOf(plan: ActionPlan, agreedOn: string | undefined): string {
  const agreed = plan.status === 'agreed' ? plan.updatedAt : agreedOn;
  if (plan.status === 'draft') return `Action plan version ${plan.version}, a draft not yet agreed`;
  return `Action plan version ${plan.version}, agreed ${agreed ? dateInWords(agreed) : 'at an earlier meeting'}`;
}

type PlanCluster = Pick<ClusterSnapshot, 'concerns' | 'places' | 'week' | 'memberRefs'>;

/** Who and when the plan is for, under its title; a meeting date and chair peermap does not hold are written in. */
function planDetails(plan: ActionPlan, names: Names, context: PaperContext, cluster?: PlanCluster) {
  const group = plan.youngPersonRefs ?? cluster?.memberRefs ?? [];
  return [
    ...(context.partnershipName ? [{ label: 'Partnership', value: context.partnershipName }] : []),
    ...(cluster ? [{ label: 'Week mapped', value: `${weekInWords(cluster.week)} (${cluster.week})` }] : []),
    { label: 'Meeting date', value: TO_WRITE_IN },
    { label: 'Chair', value: TO_WRITE_IN },
    { label: 'Status', value: standingOf(plan, context.agreedOn) },
    ...(group.length
      ? [{ label: `Young people (${group.length})`, value: group.map((ref) => named(names, ref)).join(', ') }]
      : []),
  ];
}

/** The action plan as the meeting's paper; a group's plan also shows its concern profile and places. */
export function planPaper(
  plan: ActionPlan,
  names: Names,
  marking: string,
  subject: string,
  cluster?: PlanCluster,
  context: PaperContext = {},
): ReportDocument {
  const profile = cluster ? [concernsSection(cluster, context), placesSection(cluster)] : [];
  const group = plan.youngPersonRefs ?? cluster?.memberRefs ?? [];
  return {
    // A parent group's plan is the strategy its parents made with early help, as the seeds name it.
    title: `${plan.parentGroupId ? 'Joint safeguarding strategy' : 'Action plan'}: ${subject}`,
    marking,
    details: planDetails(plan, names, context, cluster),
    footnote: footnoteOf(plan, context.agreedOn),
    sections: [
      { heading: 'Summary', paragraphs: [plan.summary] },
      {
        heading: 'Actions',
        table: {
          header: ['Action', 'Owner', 'Due by', 'Status', 'For'],
          rows: plan.actions.map((a) => [
            a.description,
            `${ownerInWords(a.ownerAgency)}\n${a.ownerName ?? 'to be named'}`,
            dateInWords(a.dueOn),
            humanise(a.status),
            forCell(a, group, names, plan),
          ]),
        },
      },
      ...wordsSections(plan, context),
      ...owedSections(context),
      ...profile,
    ],
  };
}

const whereInWords = (plan: ActionPlan, note: PlanWordNote) => {
  if (note.actionId === undefined) return 'the summary';
  const description = plan.actions.find((a) => a.id === note.actionId)?.description ?? note.actionId;
  return `the action “${description.length > 48 ? `${description.slice(0, 45).trimEnd()}…` : description}”`;
};

/**
 * A paper under "not intelligence about offenders" never prints a blaming or labelling word
 * unexplained: each kept one with the reason, who kept it and when; one not yet changed (a
 * draft, or a phrase the partnership added since) as a word to change.
 */
function wordsSections(plan: ActionPlan, context: PaperContext): ReportDocument['sections'] {
  const notes = planWordNotes(plan, context.languagePhrases ?? []);
  const kept = notes.flatMap((note) => (note.kept ? [{ note, kept: note.kept }] : []));
  const unexplained = notes.filter((note) => !note.kept);
  return [
    ...(kept.length > 0
      ? [
          {
            heading: 'Words kept, and why',
            paragraphs: kept.map(
              ({ note, kept: k }) =>
                `“${note.phrase}” in ${whereInWords(plan, note)}: ${k.reason} (kept by ${k.keptBy}, ${dateInWords(k.keptAt)})`,
            ),
          },
        ]
      : []),
    ...(unexplained.length > 0
      ? [
          {
            heading: 'Words to change before the plan is agreed',
            paragraphs: unexplained.map(
              (note) =>
                `“${note.phrase}” in ${whereInWords(plan, note)} blames or labels a child: write “${note.suggestion}”, or keep the words with the reason.`,
            ),
          },
        ]
      : []),
  ];
}

function concernsSection(cluster: Pick<ClusterSnapshot, 'concerns'>, context: PaperContext) {
  const days = context.recentDays ?? STARTING_RECENT_DAYS;
  return {
    heading: 'Concerns',
    table: {
      header: ['Concern', 'Young people', 'Still open', `In the last ${days} days`, 'Last recorded'],
      rows: cluster.concerns.map((c) => [
        sentenceCase(c.label),
        String(c.youngPeople),
        String(c.open),
        String(c.recent),
        dateInWords(c.lastOccurred),
      ]),
      note: `Both count concerns, not young people (one young person can have several). Still open: not yet closed, whenever recorded. In the last ${days} days: recorded in the ${days} days to the end of the week mapped, open or closed; the two match when every recent concern is still open and none is older.`,
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
        dateInWords(p.lastSeen),
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
    title: `Parent Empowerment Session, ${dateInWords(session.date)} at ${session.time}`,
    marking,
    sections: [
      {
        heading: 'Session',
        paragraphs: [
          `Venue: ${session.venue}.`,
          `Facilitators: ${facilitatorsInWords(session.facilitators, facilitatorFromInWords) || 'to be confirmed'}.`,
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
export function clusterPaper(
  cluster: ClusterSnapshot,
  names: Names,
  marking: string,
  context: PaperContext = {},
): ReportDocument {
  return {
    title: `${cluster.label}, week ${cluster.week}`,
    marking,
    details: [
      ...(context.partnershipName ? [{ label: 'Partnership', value: context.partnershipName }] : []),
      { label: 'Week mapped', value: `${weekInWords(cluster.week)} (${cluster.week})` },
    ],
    footnote: `Group report for the week of ${weekInWords(cluster.week)}`,
    sections: [
      { heading: 'Summary', paragraphs: [cluster.narrative] },
      ...owedSections(context),
      {
        heading: 'The group',
        figure: {
          svg: clusterSvg(cluster, names),
          caption: `${cluster.memberRefs.length} young people and their strongest links inside the group (thicker lines: stronger links), with the places the group is seen at.`,
        },
      },
      {
        heading: 'Why each young person is in the group',
        paragraphs: [`How sure the analysis is: run again and again, ${stabilityInWords(cluster.stability)}.`],
        table: {
          header: ['Young person', 'Closest links in the group', 'Their friends', 'Same group each run'],
          rows: cluster.members.map((m) => [
            named(names, m.ref),
            m.strongestLinks
              .map((l) => `${named(names, l.ref)} (${linkInWords(l.weight, linkKindLabel(l.kind))})`)
              .join('; '),
            shareInsideInWords(m.shareOfLinkWeightInside),
            stabilityInShortWords(m.stability),
          ]),
        },
      },
      {
        heading: 'Most connected in the group',
        paragraphs:
          cluster.mostConnected.length === 0
            ? ['No one in the group is linked to the others more than the rest.']
            : cluster.mostConnected.map(
                (m) => `${named(names, m.ref)}: ${connectionsInWords(m.linksInside, m.linkWeightInside)}.`,
              ),
      },
      placesSection(cluster),
      concernsSection(cluster, context),
      clusterFigures(cluster, names),
    ],
  };
}

/** The numbers behind the words, last, for analysts who check the analysis. */
function clusterFigures(cluster: ClusterSnapshot, names: Names): ReportDocument['sections'][number] {
  return {
    heading: 'Figures for analysts',
    paragraphs: [
      `Members end up together in ${percentOf(cluster.stability)} of repeated runs. A link's weight is its strength (1-3) times its kind and how recent it is: strong from ${LINK_STRENGTH_THRESHOLDS.strong}, regular from ${LINK_STRENGTH_THRESHOLDS.regular}, occasional below.`,
      ...cluster.mostConnected.map(
        (m) =>
          `Most connected, ${named(names, m.ref)}: ${m.linksInside} links inside, link weight inside ${m.linkWeightInside}, betweenness inside ${m.betweennessInside}.`,
      ),
    ],
    table: {
      header: ['Young person', 'Strongest links (weight)', 'Share of link weight inside', 'Runs together'],
      rows: cluster.members.map((m) => [
        named(names, m.ref),
        m.strongestLinks.map((l) => `${named(names, l.ref)} (${linkKindLabel(l.kind)}, ${l.weight})`).join('; '),
        percentOf(m.shareOfLinkWeightInside),
        percentOf(m.stability),
      ]),
    },
  };
}
