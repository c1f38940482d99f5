/** What the choice of a group's current plan reads of each plan. */
export interface PlanSummary {
  id: string;
  status: 'draft' | 'agreed' | 'reviewed';
  version: number;
  updatedAt: string;
}

const newestFirst = <T extends PlanSummary>(plans: readonly T[]) =>
  [...plans].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.version - a.version);

/**
 * The plan the group page opens: the plan the meeting agreed (the newest, when there are
 * several), else the latest draft, else the latest reviewed one. The API lists plans in its own
 * order; opening the first of them showed an old draft and hid the agreed plan.
 */
export function currentPlan<T extends PlanSummary>(plans: readonly T[]): T | undefined {
  const ordered = newestFirst(plans);
  return (
    ordered.find((plan) => plan.status === 'agreed') ?? ordered.find((plan) => plan.status === 'draft') ?? ordered[0]
  );
}

/** Every plan of the group, newest first, for the list under the current one. */
export const plansNewestFirst = newestFirst;
