import { endpoint, LanguagePhrases } from '@peermap/contract';
import {
  ACTION_OWNER_LABELS,
  ActionOwner,
  ActionRules,
  ActionStatus,
  Agency,
  CONCERN_LABELS,
  Cohort,
  DEFAULT_ACTION_RULES,
  DEFAULT_INVITE_SIZE_LIMIT,
  DEFAULT_REMOVE_AFTER_OVERDUE_WEEKS,
  FACILITATOR_FROM_LABELS,
  type LanguageNote,
  LocationKind,
  LongText,
  languageNotes,
  linkKindLabel,
  NotFoundError,
  type Partnership,
  PERMISSIONS_BY_ROLE,
  RELATIONSHIP_KIND_LABELS,
  SessionTopics,
  ShortText,
  sessionTopicLanguageNotes,
  sessionTopicsOf,
  ValidationError,
} from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, NO_SUBJECTS, route } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';

const SettingsChange = z.strictObject({
  handlingMarking: ShortText(60).optional(),
  actionRules: ActionRules.optional(),
  languagePhrases: LanguagePhrases.optional(),
  inviteSizeLimit: z.number().int().min(2).max(100).optional(),
  cohort: Cohort.optional(),
  sessionTopics: SessionTopics.optional(),
  reviewAfterWeeks: z.number().int().min(1).max(104).optional(),
  removeAfterOverdueWeeks: z.number().int().min(1).max(26).optional(),
});

/** Only what a change names: a setting left out keeps its value. */
function partnershipChanges(body: z.infer<typeof SettingsChange>) {
  return {
    ...(body.handlingMarking ? { handlingMarking: body.handlingMarking } : {}),
    ...(body.actionRules ? { actionRules: body.actionRules } : {}),
    ...(body.languagePhrases ? { languagePhrases: body.languagePhrases } : {}),
    ...(body.inviteSizeLimit ? { inviteSizeLimit: body.inviteSizeLimit } : {}),
    ...(body.cohort ? { cohort: body.cohort } : {}),
    ...(body.sessionTopics ? { sessionTopics: body.sessionTopics } : {}),
    ...(body.reviewAfterWeeks ? { reviewAfterWeeks: body.reviewAfterWeeks } : {}),
    ...(body.removeAfterOverdueWeeks ? { removeAfterOverdueWeeks: body.removeAfterOverdueWeeks } : {}),
  };
}

function settingsOf(partnership: Partnership) {
  return {
    name: partnership.name,
    handlingMarking: partnership.handlingMarking,
    actionRules: partnership.actionRules ?? DEFAULT_ACTION_RULES,
    languagePhrases: partnership.languagePhrases ?? [],
    inviteSizeLimit: partnership.inviteSizeLimit ?? DEFAULT_INVITE_SIZE_LIMIT,
    cohort: partnership.cohort ?? null,
    sessionTopics: sessionTopicsOf(partnership.sessionTopics),
    reviewAfterWeeks: partnership.reviewAfterWeeks,
    removeAfterOverdueWeeks: partnership.removeAfterOverdueWeeks ?? DEFAULT_REMOVE_AFTER_OVERDUE_WEEKS,
    version: partnership.version,
  };
}

/** The partnership's settings: the rules that suggest actions, its own blaming phrases, the session size. */
export function settingsRoutes(deps: ApiDeps): AnyRoute[] {
  const partnershipOf = async (id: string) => {
    const partnership = await deps.store.partnerships.get(id);
    if (!partnership) throw new NotFoundError('settings for partnership', id);
    return partnership;
  };
  return [
    route({
      ...endpoint('GET', '/v1/me'),
      summary:
        'Your sign-in: your role, your partnership and what your role may do (for the web app, which holds no rules)',
      permission: 'self:read',
      resource: 'session',
      action: 'read',
      handle: async ({ principal }) => {
        const partnership = await deps.store.partnerships.get(principal.partnershipId);
        return {
          status: 200,
          body: {
            userId: principal.userId,
            role: principal.role,
            partnership: { id: principal.partnershipId, name: partnership?.name ?? principal.partnershipId },
            handlingMarking: partnership?.handlingMarking ?? 'OFFICIAL-SENSITIVE',
            permissions: [...PERMISSIONS_BY_ROLE[principal.role]],
          },
          subjects: NO_SUBJECTS,
        };
      },
    }),
    route({
      ...endpoint('POST', '/v1/language-check'),
      summary:
        'The words guide applied to text being written (the starting guide and the partnership’s own phrases): notes with better words, keyed by field; nothing is kept',
      permission: 'self:read',
      resource: 'session',
      action: 'read',
      body: z.strictObject({ fields: z.record(z.string().max(80), LongText(5000)) }),
      handle: async ({ principal, body }) => {
        if (Object.keys(body.fields).length > 250) {
          throw new ValidationError('Check at most 250 fields at once.', [{ path: 'fields', message: 'too many' }]);
        }
        const partnership = await deps.store.partnerships.get(principal.partnershipId);
        return {
          status: 200,
          body: { notes: languageNotes(body.fields, partnership?.languagePhrases ?? []) },
          subjects: NO_SUBJECTS,
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/vocabulary'),
      summary: 'The words peermap uses for kinds of link and of concern, as every paper and page writes them',
      permission: 'self:read',
      resource: 'session',
      action: 'read',
      handle: async ({ principal }) => ({
        status: 200,
        body: {
          linkKinds: { ...RELATIONSHIP_KIND_LABELS, seen_together: linkKindLabel(undefined) },
          concernCategories: CONCERN_LABELS,
          agencies: [...Agency.options],
          actionOwners: [...ActionOwner.options],
          actionOwnerLabels: ACTION_OWNER_LABELS,
          actionStatuses: [...ActionStatus.options],
          locationKinds: [...LocationKind.options],
          sessionTopics: sessionTopicsOf((await deps.store.partnerships.get(principal.partnershipId))?.sessionTopics),
          facilitatorFromLabels: FACILITATOR_FROM_LABELS,
        },
        // The topics are the partnership's to change: a browser keeps them minutes, not the hour the fixed words could.
        headers: { 'cache-control': 'private, max-age=300' },
        subjects: NO_SUBJECTS,
      }),
    }),
    route({
      ...endpoint('GET', '/v1/settings'),
      summary: "Your partnership's planning settings: action rules, added blaming phrases, session size, marking",
      permission: 'settings:manage',
      resource: 'settings',
      action: 'read',
      handle: async ({ principal }) => {
        const partnership = await partnershipOf(principal.partnershipId);
        return {
          status: 200,
          body: settingsOf(partnership),
          headers: { etag: etagOf(partnership.version) },
          subjects: NO_SUBJECTS,
        };
      },
    }),
    route({
      ...endpoint('PATCH', '/v1/settings'),
      summary: 'Change the planning settings (send the ETag you read in If-Match); the rules table is data',
      permission: 'settings:manage',
      resource: 'settings',
      action: 'update',
      body: SettingsChange,
      handle: async ({ principal, body, headers }) => {
        const version = expectedVersion(headers);
        const current = await partnershipOf(principal.partnershipId);
        const additions = body.languagePhrases ?? current.languagePhrases ?? [];
        refuseBlamingRules(body.actionRules, additions);
        refuseBlamingTopics(body.sessionTopics, additions);
        const saved = await deps.store.partnerships.change(current, partnershipChanges(body), version);
        return {
          status: 200,
          body: settingsOf(saved),
          headers: { etag: etagOf(saved.version) },
          subjects: NO_SUBJECTS,
        };
      },
    }),
  ];
}

/** Words peermap would write as the partnership's own are refused while they blame or label, with better words. */
function refuseBlamingWords(notes: readonly LanguageNote[], message: string): void {
  if (notes.length === 0) return;
  throw new ValidationError(
    message,
    notes.map((note) => ({ path: note.field, message: `"${note.phrase}": try "${note.suggestion}"` })),
  );
}

/**
 * The rules' words go into every drafted plan as peermap's own, so they are held to the guide
 * (and the partnership's added phrases): a rule that blames or labels is refused, with better words.
 */
function refuseBlamingRules(
  rules: ActionRules | undefined,
  additions: readonly { phrase: string; suggestion: string }[],
): void {
  if (!rules) return;
  const fields = Object.fromEntries(
    rules.flatMap((rule, r) =>
      rule.actions.map((action, a) => [`actionRules.${r}.actions.${a}.description`, action.description]),
    ),
  );
  refuseBlamingWords(
    languageNotes(fields, additions),
    'The rules write into every plan drafted from them: use words that do not blame or label a child.',
  );
}

/** Topics are read out to parents and printed on session packs: they are held to the guide as the rules are. */
function refuseBlamingTopics(
  topics: SessionTopics | undefined,
  additions: readonly { phrase: string; suggestion: string }[],
): void {
  if (!topics) return;
  refuseBlamingWords(
    sessionTopicLanguageNotes(topics, additions),
    'Session topics are read out to parents: use words that do not blame or label a child.',
  );
}
