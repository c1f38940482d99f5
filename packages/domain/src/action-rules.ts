import * as z from 'zod';
import { ShortText } from './primitives';
import { ActionOwner, ConcernCategory, LocationKind } from './vocabulary';

/** What makes a rule suggest its actions for a group: a concern, a kind of place it gathers at, or always. */
export const ActionRuleTrigger = z.discriminatedUnion('when', [
  z.strictObject({ when: z.literal('concern'), categories: z.array(ConcernCategory).min(1) }),
  z.strictObject({ when: z.literal('place'), kinds: z.array(LocationKind).min(1) }),
  z.strictObject({ when: z.literal('always') }),
]);
export type ActionRuleTrigger = z.infer<typeof ActionRuleTrigger>;

export const SuggestedAction = z.strictObject({
  description: ShortText(300),
  ownerAgency: ActionOwner,
  /** Due this many days after the plan is drafted. */
  dueInDays: z.number().int().min(0).max(365),
});
export type SuggestedAction = z.infer<typeof SuggestedAction>;

/** One row of a partnership's rules table: data, so a partnership changes it without code. */
export const ActionRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  trigger: ActionRuleTrigger,
  actions: z.array(SuggestedAction).min(1).max(10),
});
export type ActionRule = z.infer<typeof ActionRule>;

export const ActionRules = z
  .array(ActionRule)
  .max(100)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'two rules have the same id');
export type ActionRules = z.infer<typeof ActionRules>;

/** The rules a partnership starts with (from the MADP practice the project came from). */
export const DEFAULT_ACTION_RULES: ActionRules = [
  {
    id: 'missing-episodes',
    trigger: { when: 'concern', categories: ['missing_episode'] },
    actions: [
      { description: 'Return-home interview after each missing episode', ownerAgency: 'early_help', dueInDays: 3 },
      { description: 'Missing-children coordinator reviews the episodes', ownerAgency: 'social_care', dueInDays: 7 },
    ],
  },
  {
    id: 'education',
    trigger: { when: 'concern', categories: ['not_in_education'] },
    actions: [
      { description: 'Education inclusion: a plan back into education', ownerAgency: 'education', dueInDays: 14 },
    ],
  },
  {
    id: 'substance-misuse',
    trigger: { when: 'concern', categories: ['substance_misuse'] },
    actions: [
      { description: "Referral to the young people's substance misuse service", ownerAgency: 'health', dueInDays: 14 },
    ],
  },
  {
    id: 'sexual-exploitation',
    trigger: { when: 'concern', categories: ['sexual_exploitation', 'online_grooming'] },
    actions: [
      { description: 'Specialist exploitation worker', ownerAgency: 'social_care', dueInDays: 7 },
      { description: 'Online-safety session for parents and carers', ownerAgency: 'early_help', dueInDays: 28 },
    ],
  },
  {
    id: 'criminal-exploitation',
    trigger: { when: 'concern', categories: ['criminal_exploitation', 'weapon'] },
    actions: [
      { description: 'Youth justice prevention work with the young people', ownerAgency: 'yjs', dueInDays: 14 },
      { description: 'Police disruption of the adults exploiting the group', ownerAgency: 'police', dueInDays: 14 },
    ],
  },
  {
    id: 'unsafe-places',
    trigger: { when: 'place', kinds: ['abandoned_building'] },
    actions: [
      { description: 'Secure the place with its owner', ownerAgency: 'council', dueInDays: 14 },
      { description: 'Police patrols at the place', ownerAgency: 'police', dueInDays: 7 },
      { description: 'Safety assessment of the place', ownerAgency: 'council', dueInDays: 28 },
    ],
  },
  {
    id: 'violence',
    trigger: { when: 'concern', categories: ['peer_violence', 'racially_aggravated_abuse'] },
    actions: [
      { description: 'School safety plan for the young people affected', ownerAgency: 'education', dueInDays: 14 },
      { description: 'Youth justice restorative work', ownerAgency: 'yjs', dueInDays: 21 },
      { description: 'Hate-crime officer reviews the incidents', ownerAgency: 'police', dueInDays: 14 },
    ],
  },
  {
    id: 'every-group',
    trigger: { when: 'always' },
    actions: [
      {
        description: "Parent Empowerment Session for the group's parents and carers",
        ownerAgency: 'early_help',
        dueInDays: 21,
      },
      { description: 'Positive activities for the group', ownerAgency: 'voluntary_sector', dueInDays: 28 },
      { description: 'Review at the next MADP', ownerAgency: 'early_help', dueInDays: 7 },
    ],
  },
];
