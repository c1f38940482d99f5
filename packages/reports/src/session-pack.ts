import {
  facilitatorFromInWords,
  facilitatorsInWords,
  type InvitationList,
  type LanguageNote,
  languageNotes,
} from '@peermap/domain';
import type { ReportDocument } from './document';
import { dateInWords } from './words';

/**
 * What the facilitators' pack is drawn from: the session, its topics and group agreement, and
 * the carers invited. Nothing else of the list goes in: no young person, no concern, no link,
 * no reason anyone was kept apart or left out.
 */
export type PackSession = Pick<InvitationList, 'session' | 'topics' | 'invite' | 'riskAssessment'>;

/** A session with no end time set runs two hours, as the seeds' sessions do. */
const DEFAULT_MINUTES = 120;
const WELCOME_MINUTES = 15;
const BREAK_MINUTES = 15;
const CONTACTS_MINUTES = 15;
const CLOSE_MINUTES = 10;

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};
const clockOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The session's running order: a welcome with the group agreement, the topics in their order
 * (a break half way), who to contact, and a close. The topics share what time is left.
 */
export function agendaOf(session: PackSession['session'], topics: readonly string[]): [string, string][] {
  const start = minutesOf(session.time);
  const end = session.endTime ? minutesOf(session.endTime) : start + DEFAULT_MINUTES;
  const fixed = WELCOME_MINUTES + BREAK_MINUTES + CONTACTS_MINUTES + CLOSE_MINUTES;
  const chosen = topics.length > 0 ? topics : ['What the parents want to talk about'];
  const each = Math.max(5, Math.floor(Math.max(0, end - start - fixed) / chosen.length / 5) * 5);
  const half = Math.ceil(chosen.length / 2);
  const items: [number, string][] = [];
  let at = start;
  const add = (minutes: number, what: string) => {
    items.push([at, what]);
    at += minutes;
  };
  add(WELCOME_MINUTES, 'Welcome, introductions and the group agreement');
  chosen.forEach((topic, index) => {
    if (index === half && chosen.length > 1) add(BREAK_MINUTES, 'Break, with refreshments');
    add(each, topic);
  });
  if (chosen.length === 1) add(BREAK_MINUTES, 'Break, with refreshments');
  add(CONTACTS_MINUTES, 'Who to contact, and where to find help and advice');
  add(CLOSE_MINUTES, 'Close: what parents take away, and feedback');
  return items.map(([minutes, what]) => [clockOf(minutes), what]);
}

const yesOrNo = (yes: boolean) => (yes ? 'yes' : 'no');

/** The free text the pack prints, by where it comes from: the words guide and the child check read these. */
export function packFreeText(pack: PackSession): Record<string, string> {
  const { session } = pack;
  return {
    venue: [session.venue, session.address ?? '', session.accessibility ?? ''].join('\n'),
    ...Object.fromEntries((pack.topics ?? []).map((topic, index) => [`topics.${index}.name`, topic.name])),
    'riskAssessment.groupAgreement': pack.riskAssessment?.groupAgreement ?? '',
    'riskAssessment.confidentiality': pack.riskAssessment?.confidentiality ?? '',
    ...Object.fromEntries(pack.invite.map((carer, index) => [`invite.${index}.accessNeeds`, carer.accessNeeds ?? ''])),
  };
}

/** Blaming or labelling words in what the pack prints, with better ones. */
export const packLanguageNotes = (
  pack: PackSession,
  additions: readonly { phrase: string; suggestion: string }[] = [],
): LanguageNote[] => languageNotes(packFreeText(pack), additions);

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name or ref as written: not inside a longer word, whatever punctuation ends it ("Sam T."). */
const asWritten = (word: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeForPattern(word.trim())}(?![\\p{L}\\p{N}])`, flags);

/**
 * What is looked for: every young person's ref and name as the map holds it ("Sam T."), without
 * its closing full stop too; for the session's own children their first name as well, written
 * with its capital (a first name alone is theirs only in their own session's words).
 */
function childPatterns(children: ReadonlyMap<string, string>, ofTheSession: boolean): RegExp[] {
  return [...children.entries()].flatMap(([ref, name]) => {
    const whole = name.trim().replace(/\.$/u, '');
    const first = whole.split(/\s+/u)[0] ?? '';
    return [
      asWritten(ref, 'iu'),
      ...(whole.length > 1 ? [asWritten(whole, 'iu')] : []),
      ...(ofTheSession && first.length > 1 && first !== whole ? [asWritten(first, 'u')] : []),
    ];
  });
}

/**
 * Where the pack's free text names a young person (by name or ref): the session's children, and
 * any other child on the map. The pack holds nothing about any child, so a worker's words that do
 * are changed before it is made.
 */
export function childrenNamedIn(
  pack: PackSession,
  children: ReadonlyMap<string, string>,
  otherChildren: ReadonlyMap<string, string> = new Map(),
): string[] {
  const patterns = [...childPatterns(children, true), ...childPatterns(otherChildren, false)];
  return Object.entries(packFreeText(pack))
    .filter(([, text]) => patterns.some((pattern) => pattern.test(text)))
    .map(([field]) => field);
}

/**
 * The facilitators' session pack: the agenda, the topics, who facilitates, the venue and its
 * access, the group agreement to propose, and what each invited family needs to come. Carers are
 * named (the facilitators welcome them); no child is, and nothing about any.
 */
export function sessionPack(pack: PackSession, marking: string, partnershipName?: string): ReportDocument {
  const { session } = pack;
  const topics = (pack.topics ?? []).map((topic) => topic.name);
  const facilitators = facilitatorsInWords(session.facilitators, facilitatorFromInWords) || 'to be confirmed';
  return {
    title: `Session pack: Parent Empowerment Session, ${dateInWords(session.date)} at ${session.time}`,
    marking,
    details: [
      ...(partnershipName ? [{ label: 'Partnership', value: partnershipName }] : []),
      {
        label: 'When',
        value: `${dateInWords(session.date)}, ${session.time}${session.endTime ? ` to ${session.endTime}` : ''}`,
      },
      { label: 'Facilitators', value: facilitators },
    ],
    footnote: 'For the facilitators only: it names the carers invited and nothing about any child.',
    sections: [
      { heading: 'Agenda', table: { header: ['Time', 'What'], rows: agendaOf(session, topics) } },
      {
        heading: 'Topics',
        paragraphs:
          (pack.topics ?? []).length > 0
            ? (pack.topics ?? []).map((t) => (t.askedByParents ? `${t.name} (asked for by parents)` : t.name))
            : ['The topics are chosen with the parents on the day.'],
      },
      {
        heading: 'Venue and access',
        paragraphs: [
          `Venue: ${session.venue}${session.address ? `, ${session.address}` : ''}.`,
          ...(session.onlineLink ? [`Online link: ${session.onlineLink}`] : []),
          `Access: ${session.accessibility ?? 'ask the venue about step-free access, a hearing loop and a quiet room'}.`,
        ],
      },
      {
        heading: 'The group agreement to propose',
        paragraphs: [
          pack.riskAssessment?.groupAgreement ?? '',
          'Propose it at the start and let the parents change it: it is theirs.',
        ],
      },
      { heading: 'Confidentiality', paragraphs: [pack.riskAssessment?.confidentiality ?? ''] },
      {
        heading: `What each invited family needs (${pack.invite.length})`,
        table: {
          header: ['Carer', 'Language', 'Interpreter', 'Access needs', 'Transport'],
          rows: pack.invite.map((carer) => [
            carer.name,
            carer.preferredLanguage ?? 'not recorded',
            yesOrNo(carer.interpreterNeeded),
            carer.accessNeeds ?? 'none recorded',
            yesOrNo(carer.transportNeeded),
          ]),
        },
      },
    ],
  };
}
