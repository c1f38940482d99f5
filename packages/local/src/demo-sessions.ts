import { randomUUID } from 'node:crypto';
import { createInvitationList, everyItem } from '@peermap/api';
import {
  addDays,
  type BudgetLine,
  type FeedbackMeasures,
  type FollowUp,
  type InvitationList,
  type InvitationOutcome,
  type MapStore,
  type SessionStatus,
  todayOf,
} from '@peermap/domain';
import { DEMO_CHAIR, DEMO_PARTNERSHIP } from './demo';

/** The demo's early help lead, who plans the sessions, records who came and what parents said. */
export const DEMO_LEAD = `demo-early-help-lead@${DEMO_PARTNERSHIP}`;

const refs = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, index) => `YP${String(first + index).padStart(5, '0')}`);

/** What one demo session is: for whom, when (days from today), how it went. */
interface DemoSession {
  youngPersonRefs: string[];
  daysFromToday: number;
  status: SessionStatus;
  /** Who came, in the order of the list's invited carers; the rest did not answer. */
  outcomes: InvitationOutcome[];
  budget: BudgetLine[];
  /** Each parent's start and end scores (knows the signs, feels on their own, knows who to contact); anonymous when so marked. */
  feedback: { scores: [number, number, number, number, number, number]; anonymous?: boolean; words: string }[];
  /** How many of the follow-ups owed are done. */
  followUpsDone: number;
}

const DEMO_SESSIONS: readonly DemoSession[] = [
  {
    youngPersonRefs: refs(1, 12),
    daysFromToday: -35,
    status: 'held',
    outcomes: ['attended', 'attended', 'attended', 'apologies', 'attended', 'attended', 'attended', 'apologies'],
    budget: [
      { kind: 'venue', plannedPence: 8_000, actualPence: 8_000 },
      { kind: 'refreshments', plannedPence: 4_500, actualPence: 3_875 },
      { kind: 'interpreter', note: 'Tigrinya interpreter, two hours', plannedPence: 12_000, actualPence: 12_000 },
      { kind: 'transport', note: 'taxis for two families', plannedPence: 3_000, actualPence: 4_200 },
    ],
    feedback: [
      { scores: [2, 4, 4, 2, 2, 5], words: 'I was not the only one. I know who to ring now.' },
      { scores: [3, 4, 4, 3, 2, 4], words: 'Hearing the other parents helped more than anything.' },
      { scores: [1, 3, 5, 3, 1, 4], anonymous: true, words: 'I did not know what grooming online looked like.' },
      { scores: [3, 3, 3, 3, 3, 4], words: 'Useful, and the interpreter made it possible for us.' },
      { scores: [2, 4, 4, 2, 3, 5], anonymous: true, words: 'We made a group chat so we can keep talking.' },
    ],
    followUpsDone: 2,
  },
  {
    youngPersonRefs: refs(13, 25),
    daysFromToday: -10,
    status: 'held',
    outcomes: ['attended', 'attended', 'apologies', 'attended', 'attended', 'no_response', 'attended', 'apologies'],
    budget: [
      { kind: 'venue', plannedPence: 8_000, actualPence: 8_000 },
      { kind: 'refreshments', plannedPence: 4_500 },
      { kind: 'worker_hours', note: 'two workers, evening', plannedPence: 20_000, actualPence: 18_000 },
    ],
    feedback: [
      { scores: [2, 4, 5, 3, 3, 4], words: 'I feel I can ask for help now without being judged.' },
      { scores: [3, 5, 4, 2, 2, 5], anonymous: true, words: 'More sessions like this please, monthly.' },
      { scores: [2, 3, 4, 4, 3, 3], words: 'Good to know the signs of exploitation.' },
    ],
    followUpsDone: 1,
  },
  {
    youngPersonRefs: refs(1, 12),
    daysFromToday: 21,
    status: 'planned',
    outcomes: [],
    budget: [
      { kind: 'venue', plannedPence: 8_000 },
      { kind: 'refreshments', plannedPence: 4_500 },
      { kind: 'childcare', note: 'crèche for younger brothers and sisters', plannedPence: 6_000 },
    ],
    feedback: [],
    followUpsDone: 0,
  },
];

const measuresOf = ([signsBefore, signsAfter, aloneBefore, aloneAfter, contactBefore, contactAfter]: number[]) =>
  ({
    knowsSigns: { before: signsBefore, after: signsAfter },
    feelsAlone: { before: aloneBefore, after: aloneAfter },
    knowsWhoToContact: { before: contactBefore, after: contactAfter },
  }) satisfies FeedbackMeasures;

/** Follow-ups owed to the families who could not come; the first `done` of them done. */
function followUpsOf(list: InvitationList, attendance: Record<string, InvitationOutcome>, done: number, day: string) {
  const owed = list.invite.filter((carer) => attendance[carer.carerRef] !== 'attended');
  return owed.map(
    (carer, index): FollowUp => ({
      id: `demo-follow-up-${index + 1}`,
      carerRef: carer.carerRef,
      kind: attendance[carer.carerRef] === 'apologies' ? 'share_messages' : 'invite_next',
      ownerAgency: 'early_help',
      ownerName: 'Ezra Khan',
      dueOn: addDays(day, 14),
      ...(index < done ? { doneOn: addDays(day, 7) } : {}),
    }),
  );
}

/** What the lead records of a session beyond its list: where it stands, topics, budget; once held, its approved risk assessment and follow-ups. */
function lifeOf(list: InvitationList, demo: DemoSession, attendance: Record<string, InvitationOutcome>, day: string) {
  const assessedAt = addDays(day, -10);
  return {
    status: demo.status,
    attendance,
    topics: [
      { name: 'Grooming online and offline', askedByParents: false },
      { name: 'Recognising risk', askedByParents: false },
      { name: 'What helps: positive activities', askedByParents: true },
    ],
    budget: demo.budget,
    ...(demo.status === 'held'
      ? {
          riskAssessment: {
            groupDynamics: 'Families know each other from the school; no conflict between them is recorded.',
            confidentiality: 'What parents say stays in the room, unless a child is at risk of harm.',
            groupAgreement: 'We listen without judging, we keep what is shared private, we look after each other.',
            keepApart: [],
            completedBy: DEMO_LEAD,
            completedAt: `${assessedAt}T12:00:00.000Z`,
            approvedBy: DEMO_CHAIR,
            approvedAt: `${addDays(assessedAt, 1)}T09:00:00.000Z`,
          },
          followUps: followUpsOf(list, attendance, demo.followUpsDone, day),
        }
      : {}),
  };
}

/** One demo session written as the lead would: the list made two weeks before, then its life recorded. */
async function writeDemoSession(store: MapStore, demo: DemoSession, now: Date): Promise<void> {
  const day = addDays(todayOf(now), demo.daysFromToday);
  const madeAt = new Date(`${addDays(day, -14)}T10:00:00.000Z`);
  const list = await createInvitationList(store, {
    partnershipId: DEMO_PARTNERSHIP,
    youngPersonRefs: demo.youngPersonRefs,
    session: {
      date: day,
      time: '18:00',
      endTime: '20:00',
      venue: 'Harbour Road Community Centre',
      address: '12 Harbour Road',
      accessibility: 'Step-free access, a hearing loop and a quiet room; a crèche on request.',
      facilitators: [
        { name: 'Ezra Khan', from: 'early_help', organisation: 'Early Help, South Team' },
        { name: 'PC Leah Taylor', from: 'police', organisation: 'Neighbourhood Policing' },
        { name: 'Zofia Hussain', from: 'expert_by_experience', organisation: 'Parents Together' },
      ],
    },
    createdBy: DEMO_LEAD,
    now: madeAt,
  });
  const held = demo.status === 'held';
  const attendance = Object.fromEntries(
    list.invite.map((carer, index): [string, InvitationOutcome] => [
      carer.carerRef,
      held ? (demo.outcomes[index] ?? 'no_response') : 'invited',
    ]),
  );
  await store.invitationLists.change(list, {
    ...lifeOf(list, demo, attendance, day),
    updatedBy: DEMO_LEAD,
    updatedAt: madeAt.toISOString(),
  });
  const cameRefs = list.invite.filter((carer) => attendance[carer.carerRef] === 'attended').map((c) => c.carerRef);
  for (const [index, given] of demo.feedback.entries()) {
    const carerRef = given.anonymous ? undefined : cameRefs[index];
    await store.sessionFeedback.save({
      id: randomUUID(),
      partnershipId: DEMO_PARTNERSHIP,
      sessionId: list.id,
      ...(carerRef ? { carerRef } : {}),
      words: given.words,
      measures: measuresOf(given.scores),
      enteredBy: 'worker',
      recordedBy: DEMO_LEAD,
      createdAt: `${day}T20:30:00.000Z`,
    });
  }
}

/**
 * The demo's Parent Empowerment Sessions, so the outcome report shows real figures: two held
 * (with who came, follow-ups, costs, an approved risk assessment and parents' feedback) and one
 * planned, dated from today. Written once: a start that finds the lead's sessions leaves them.
 */
export async function loadDemoSessions(store: MapStore, now: Date = new Date()): Promise<number> {
  const lists = await everyItem((page) => store.invitationLists.list(DEMO_PARTNERSHIP, page));
  if (lists.some((list) => list.createdBy === DEMO_LEAD)) return 0;
  for (const demo of DEMO_SESSIONS) await writeDemoSession(store, demo, now);
  return DEMO_SESSIONS.length;
}
