import {
  type ActionBasis,
  type ActionRules,
  type ActionRuleTrigger,
  addDays,
  type ClusterSnapshot,
  type Concern,
  type Location,
  type PlanAction,
  strengthsInWords,
} from '@peermap/domain';

export interface ClusterPlanInput {
  readonly cluster: Pick<
    ClusterSnapshot,
    'label' | 'memberRefs' | 'ageRange' | 'strengths' | 'concerns' | 'places' | 'stability' | 'weak'
  >;
  /** Each member's concerns. */
  readonly concernsOf: ReadonlyMap<string, readonly Pick<Concern, 'category' | 'status'>[]>;
  /** For each place the group gathers at, the members seen there recently. */
  readonly seenAt: ReadonlyMap<string, readonly string[]>;
  readonly rules: ActionRules;
  /** The day the plan is drafted (`YYYY-MM-DD`): due dates count from it. */
  readonly today: string;
}

export interface PlanDraft {
  readonly summary: string;
  readonly actions: PlanAction[];
}

/**
 * A draft plan for a peer group: a summary that starts with what is going well, then the
 * concerns and places, and the actions the partnership's rules suggest, each covering the
 * young people it is for and saying why (the concern or place that made the rule apply, or
 * the whole group). The meeting edits it; nothing here is decided for them.
 */
export function draftClusterPlan(input: ClusterPlanInput): PlanDraft {
  const actions = input.rules.flatMap((rule) =>
    occasionsOf(input, rule.trigger).flatMap(({ suffix, covers, basis }) =>
      rule.actions.map((a) => ({
        description: `${a.description}${suffix}`,
        ownerAgency: a.ownerAgency,
        dueOn: addDays(input.today, a.dueInDays),
        status: 'not_started' as const,
        coversRefs: covers,
        basis,
      })),
    ),
  );
  return { summary: clusterSummary(input), actions: actions.map((a, index) => ({ id: `A${index + 1}`, ...a })) };
}

interface Occasion {
  suffix: string;
  covers: string[];
  basis: ActionBasis;
}

/**
 * When a rule applies to the group, whom each application covers and why: a concern rule covers
 * those with the concern open (naming the categories they have), a place rule those seen at the
 * place (once per place), a rule for every group the whole group.
 */
function occasionsOf(input: ClusterPlanInput, trigger: ActionRuleTrigger): Occasion[] {
  const { cluster } = input;
  if (trigger.when === 'always')
    return [{ suffix: '', covers: [...cluster.memberRefs], basis: { kind: 'whole_group' } }];
  if (trigger.when === 'concern') {
    const openOf = (ref: string) =>
      (input.concernsOf.get(ref) ?? [])
        .filter((c) => c.status === 'open' && trigger.categories.includes(c.category))
        .map((c) => c.category);
    const covers = cluster.memberRefs.filter((ref) => openOf(ref).length > 0);
    const found = new Set(covers.flatMap(openOf));
    const categories = trigger.categories.filter((category) => found.has(category));
    return covers.length > 0 ? [{ suffix: '', covers, basis: { kind: 'concern', categories } }] : [];
  }
  return cluster.places
    .filter((place) => trigger.kinds.includes(place.kind))
    .map((place) => ({
      suffix: `: ${place.name}`,
      covers: [...(input.seenAt.get(place.locationRef) ?? [])],
      basis: { kind: 'place' as const, locationRef: place.locationRef, name: place.name },
    }))
    .filter((occasion) => occasion.covers.length > 0);
}

function clusterSummary({ cluster }: ClusterPlanInput): string {
  const size = cluster.memberRefs.length;
  const ages =
    cluster.ageRange.youngest === cluster.ageRange.oldest
      ? `aged ${cluster.ageRange.youngest}`
      : `aged ${cluster.ageRange.youngest} to ${cluster.ageRange.oldest}`;
  const parts = [
    `${cluster.label}: ${size} young people ${ages}, each a child who may be at risk of harm.`,
    // Said as the group's own summary says it, so an erasure finds the same words in both.
    strengthsInWords(cluster.strengths),
  ];
  const concerns = cluster.concerns.filter((c) => c.open > 0);
  if (concerns.length > 0) {
    parts.push(
      `Concerns: ${concerns
        .slice(0, 6)
        .map((c) => `${c.youngPeople} ${c.label}`)
        .join('; ')}.`,
    );
  }
  if (cluster.places.length > 0) {
    parts.push(`Where the group is seen: ${cluster.places.map((p) => p.name).join(', ')}.`);
  }
  if (cluster.weak) {
    parts.push('The analysis found this grouping weak: partners check it before planning for it as one group.');
  }
  return parts.join(' ');
}

export interface PlacePlanInput {
  readonly location: Pick<Location, 'ref' | 'name' | 'kind'>;
  /** Young people seen there recently. */
  readonly seenRefs: readonly string[];
  readonly rules: ActionRules;
  readonly today: string;
}

/**
 * A draft plan for a place: the actions of the rules for its kind (a safety assessment,
 * securing it, patrols), and of every place rule when none names its kind, so a place plan
 * always starts with something to agree.
 */
export function draftPlacePlan(input: PlacePlanInput): PlanDraft {
  const placeRules = input.rules.filter((r) => r.trigger.when === 'place');
  const matching = placeRules.filter(
    (r) => r.trigger.when === 'place' && r.trigger.kinds.includes(input.location.kind),
  );
  const actions = (matching.length > 0 ? matching : placeRules).flatMap((rule) =>
    rule.actions.map((a) => ({
      description: `${a.description}: ${input.location.name}`,
      ownerAgency: a.ownerAgency,
      dueOn: addDays(input.today, a.dueInDays),
      status: 'not_started' as const,
      coversRefs: [...input.seenRefs],
      basis: { kind: 'place' as const, locationRef: input.location.ref, name: input.location.name },
    })),
  );
  return {
    summary: `${input.location.name} (${input.location.kind.replaceAll('_', ' ')}): ${input.seenRefs.length} young people seen here recently, each a child who may be at risk of harm here. The plan makes the place safer: a safety assessment, and actions for police, the council and the owner.`,
    actions: actions.map((a, index) => ({ id: `A${index + 1}`, ...a })),
  };
}

/** The young people of a group that no action (other than a cancelled one) covers. */
export function uncovered(youngPersonRefs: readonly string[], actions: readonly PlanAction[]): string[] {
  const covered = new Set(actions.filter((a) => a.status !== 'cancelled').flatMap((a) => a.coversRefs));
  return youngPersonRefs.filter((ref) => !covered.has(ref));
}
