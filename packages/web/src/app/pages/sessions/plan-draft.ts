import type { SessionView } from '@peermap/contract';
import type { BudgetLine, ChosenTopic, FacilitatorFrom } from '@peermap/domain';
import { penceOf, typedPoundsOf } from './plan-money';

/** The kinds of cost a session has, in words, in the order the budget table offers them. */
export const BUDGET_KIND_WORDS: Readonly<Record<BudgetLine['kind'], string>> = {
  venue: 'Venue',
  transport: 'Transport',
  refreshments: 'Refreshments',
  interpreter: 'Interpreter',
  worker_hours: 'Worker hours',
  childcare: 'Childcare',
  other: 'Other',
};

export interface FacilitatorRow {
  name: string;
  /** Empty until chosen: facilitators named before "from" was recorded have none. */
  from: FacilitatorFrom | '';
  organisation: string;
}

/** A budget line as typed: costs in pounds, as text, until the plan is saved. */
export interface BudgetRow {
  kind: BudgetLine['kind'];
  note: string;
  planned: string;
  actual: string;
}

/** The session's plan as the form holds it: every field as typed. */
export interface PlanDraft {
  date: string;
  time: string;
  endTime: string;
  venue: string;
  address: string;
  onlineLink: string;
  accessibility: string;
  facilitators: FacilitatorRow[];
  topics: ChosenTopic[];
  budget: BudgetRow[];
  notes: string;
}

export function draftOf(view: SessionView): PlanDraft {
  const { session } = view;
  return {
    date: session.date,
    time: session.time,
    endTime: session.endTime ?? '',
    venue: session.venue,
    address: session.address ?? '',
    onlineLink: session.onlineLink ?? '',
    accessibility: session.accessibility ?? '',
    facilitators: session.facilitators.map((f) => ({
      name: f.name,
      from: f.from ?? '',
      organisation: f.organisation ?? '',
    })),
    topics: view.topics,
    budget: (view.budget?.lines ?? []).map((line) => ({
      kind: line.kind,
      note: line.note ?? '',
      planned: typedPoundsOf(line.plannedPence),
      actual: typedPoundsOf(line.actualPence),
    })),
    notes: view.notes ?? '',
  };
}

/** A field the form refuses before sending, named as the API names it. */
export interface DraftProblem {
  path: string;
  message: string;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The budget's lines in whole pence, or the costs that are not amounts of money. */
function budgetOf(rows: readonly BudgetRow[]): { lines: BudgetLine[]; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const lines = rows.map((row, index): BudgetLine => {
    const plannedPence = penceOf(row.planned);
    const actualPence = row.actual.trim() ? penceOf(row.actual) : undefined;
    if (plannedPence === undefined) {
      problems.push({
        path: `budget.${index}.plannedPence`,
        message: `line ${index + 1}: the planned cost in pounds, such as 45.50`,
      });
    }
    if (row.actual.trim() && actualPence === undefined) {
      problems.push({
        path: `budget.${index}.actualPence`,
        message: `line ${index + 1}: the actual cost in pounds, such as 45.50`,
      });
    }
    const note = optional(row.note);
    return {
      kind: row.kind,
      ...(note ? { note } : {}),
      plannedPence: plannedPence ?? 0,
      ...(actualPence !== undefined ? { actualPence } : {}),
    };
  });
  return { lines, problems };
}

/** The session's details as the API takes them: empty fields left out. */
function detailsOf(draft: PlanDraft): SessionView['session'] {
  const fields = {
    endTime: optional(draft.endTime),
    address: optional(draft.address),
    onlineLink: optional(draft.onlineLink),
    accessibility: optional(draft.accessibility),
  };
  return {
    date: draft.date,
    time: draft.time,
    venue: draft.venue.trim(),
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    facilitators: draft.facilitators
      .filter((f) => f.name.trim())
      .map((f) => ({
        name: f.name.trim(),
        ...(f.from ? { from: f.from } : {}),
        ...(optional(f.organisation) ? { organisation: f.organisation.trim() } : {}),
      })),
  };
}

/**
 * The change to send: the whole plan, or, for a session held or cancelled, only its costs and
 * notes (the rest stays as it was); or the costs typed that are not amounts.
 */
export function changeOf(
  draft: PlanDraft,
  closed: boolean,
):
  | { change: { session?: SessionView['session']; topics?: ChosenTopic[]; budget: BudgetLine[]; notes: string } }
  | { problems: DraftProblem[] } {
  const { lines, problems } = budgetOf(draft.budget);
  if (problems.length > 0) return { problems };
  const costsAndNotes = { budget: lines, notes: draft.notes.trim() };
  return { change: closed ? costsAndNotes : { session: detailsOf(draft), topics: draft.topics, ...costsAndNotes } };
}
