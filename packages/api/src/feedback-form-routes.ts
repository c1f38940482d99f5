import { endpoint, FeedbackFormAnswers } from '@peermap/contract';
import { FEEDBACK_MEASURE_WORDS, FeedbackMeasureName } from '@peermap/domain';
import { NO_SUBJECTS, type PublicRoute, publicRoute } from '@peermap/http';
import * as z from 'zod';
import {
  type FeedbackFormPorts,
  feedbackThroughLink,
  LINK_CANNOT_BE_USED,
  openFeedbackLink,
  parseFeedbackKey,
} from './feedback';

/** A link's key as the path carries it; anything else is the same 404 as an unknown key. */
const KeyParams = z.strictObject({ key: z.string().max(100) });

/** What opens these routes to someone not signed in, as reviewed. */
const OPEN_TO_PARENTS = {
  because:
    "A parent gives feedback on a session through a one-time link a worker gave them: no account, one answer, nothing read back but the session's day.",
  notFound: LINK_CANNOT_BE_USED,
  partnershipOf: (path: Readonly<Record<string, string | undefined>>) => parseFeedbackKey(path['key'])?.partnershipId,
};

/** The link's token; the pipeline has already refused a key that is not a link's. */
const tokenOf = (key: string) => parseFeedbackKey(key)?.token ?? '';

/**
 * The parent's form behind a one-time link, the only routes anyone reaches without signing in.
 * They are built with the three stores the form needs and nothing else, show the session's day
 * and the measures' words (no names, no place), and take one answer.
 */
export function feedbackFormRoutes(deps: { store: FeedbackFormPorts; now: () => Date }): PublicRoute[] {
  return [
    publicRoute({
      ...endpoint('GET', '/v1/feedback-form/{key}'),
      summary:
        "The feedback form of a one-time link, without signing in: the session's day and the three measures' words, nothing else. An unknown, used or expired link is the same 404",
      public: OPEN_TO_PARENTS,
      resource: 'feedback-form',
      action: 'read',
      params: KeyParams,
      handle: async ({ partnershipId, params }) => {
        const { session } = await openFeedbackLink(deps.store, partnershipId, tokenOf(params.key), deps.now());
        const measures = FeedbackMeasureName.options.map((name) => ({ name, words: FEEDBACK_MEASURE_WORDS[name] }));
        return { status: 200, body: { sessionDay: session.session.date, measures }, subjects: NO_SUBJECTS };
      },
    }),
    publicRoute({
      ...endpoint('POST', '/v1/feedback-form/{key}'),
      summary:
        'Give feedback through a one-time link, without signing in: the parent’s words and the three measures, once; the link is then used up. Anonymous: the link names no one',
      public: OPEN_TO_PARENTS,
      resource: 'feedback-form',
      action: 'create',
      params: KeyParams,
      body: FeedbackFormAnswers,
      handle: async ({ partnershipId, params, body }) => {
        await feedbackThroughLink(deps.store, {
          partnershipId,
          token: tokenOf(params.key),
          answers: body,
          now: deps.now(),
        });
        return { status: 204, subjects: NO_SUBJECTS };
      },
    }),
  ];
}
