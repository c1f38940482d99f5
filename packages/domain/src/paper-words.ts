/**
 * Words the Word papers and the web pages share, so a plan reads the same on paper and on
 * screen: a day as a person writes it, a list read aloud, and whom an action is for and why.
 * Pure and free of zod: the web app bundles this module.
 */

import type { PlanAction } from './planning';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A day as a person writes it on a paper: `2026-12-03` (or a timestamp on that day) is "3 December 2026". */
export function dateInWords(day: string): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  const monthName = MONTHS[(month ?? 0) - 1];
  if (!year || !monthName || !date) return day;
  return `${date} ${monthName} ${year}`;
}

/** A list read aloud: "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Whom an action is for, as short as it can be said: "the whole group (16)" when it covers
 * every young person of the group, "the whole group (16) except Leon K." when it covers all
 * but one or two of a larger group, else their names.
 */
export function whomInWords(
  covers: readonly string[],
  group: readonly string[],
  nameOf: (ref: string) => string,
): string {
  const covered = new Set(covers);
  const inGroup = new Set(group);
  const others = covers.filter((ref) => !inGroup.has(ref)).map(nameOf);
  const missing = group.filter((ref) => !covered.has(ref));
  const whole = `the whole group (${group.length})`;
  if (group.length > 1 && missing.length === 0) return others.length ? `${whole} and ${listInWords(others)}` : whole;
  if (group.length >= 6 && missing.length <= 2 && others.length === 0) {
    return `${whole} except ${listInWords(missing.map(nameOf))}`;
  }
  return covers.map(nameOf).join(', ');
}

/** Why a drafted action covers whom it does (the shape of the domain's `ActionBasis`). */
export type BasisOfAction =
  | { readonly kind: 'concern'; readonly categories: readonly string[] }
  | { readonly kind: 'place'; readonly locationRef: string; readonly name: string }
  | { readonly kind: 'whole_group' };

/**
 * Why an action is for the young people it covers, in words: "open concern: missing from home
 * or care", "seen at Old Mill Yard", "a step for the whole group". `concernLabel` names a
 * concern category as the vocabulary does.
 */
export function basisInWords(basis: BasisOfAction, concernLabel: (category: string) => string): string {
  if (basis.kind === 'concern') {
    const labels = basis.categories.map(concernLabel);
    return `${labels.length === 1 ? 'open concern' : 'open concerns'}: ${listInWords(labels)}`;
  }
  if (basis.kind === 'place') return `seen at ${basis.name}`;
  return 'a step for the whole group';
}

const sameYoungPeople = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((ref) => right.has(ref));
};

/**
 * The action with the basis its plan keeps for it, whatever basis it came with: the saved
 * action's of the same id while it covers the same young people, else none. A basis is the
 * draft's reason for whom it chose ("open concern: missing from home or care"): not true of
 * anyone the action is changed to cover, and never taken from what a client sends, so a plan
 * cannot say a child has a concern, or was seen at a place, because someone typed it. The API
 * keeps a plan's actions so; the editor shows them so before they are saved.
 */
export function withBasisKept(saved: readonly PlanAction[], action: PlanAction): PlanAction {
  const { basis: _sent, ...rest } = action;
  const before = saved.find((old) => old.id === action.id);
  if (!before?.basis || !sameYoungPeople(before.coversRefs, action.coversRefs)) return rest;
  return { ...rest, basis: before.basis };
}

/**
 * Whom an action is for and why, as two parts a page or paper sets out its own way. An action
 * for the whole group that still covers it needs no reason beside it; an action people added
 * has none.
 */
export function forInWords(
  action: { readonly coversRefs: readonly string[]; readonly basis?: BasisOfAction | undefined },
  group: readonly string[],
  nameOf: (ref: string) => string,
  concernLabel: (category: string) => string,
): { who: string; why?: string } {
  const who = whomInWords(action.coversRefs, group, nameOf);
  const { basis } = action;
  if (!basis) return { who };
  if (basis.kind === 'whole_group' && who === `the whole group (${group.length})`) return { who };
  return { who, why: basisInWords(basis, concernLabel) };
}

/** A facilitator as the papers and pages name them. */
interface NamedFacilitator {
  name: string;
  from?: string | undefined;
  organisation?: string | undefined;
}

/**
 * Who runs a session, read aloud: "Sam Okafor (Early help) and Dee Hart (Parent-led group,
 * Safer Families)". `labelOf` words where each comes from (the vocabulary's labels).
 */
export function facilitatorsInWords(
  facilitators: readonly NamedFacilitator[],
  labelOf: (from: string) => string = (from) => from.replaceAll('_', ' '),
): string {
  return listInWords(
    facilitators.map((person) => {
      const about = [person.from ? labelOf(person.from) : undefined, person.organisation].filter(Boolean);
      return about.length > 0 ? `${person.name} (${about.join(', ')})` : person.name;
    }),
  );
}
