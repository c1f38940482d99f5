import { ActionOwner, FollowUp, InvitationOutcome, IsoDate, RecordId, Ref, ShortText } from '@peermap/domain';
import * as z from 'zod';

/** How a session's follow-ups stand, in counts: what every role that reads sessions may see. */
export const FollowUpCounts = z.object({
  open: z.number().int(),
  done: z.number().int(),
  /** Open and past their due day. */
  overdue: z.number().int(),
});

/** A follow-up the service proposes after a held session, for the lead to accept. */
export const FollowUpSuggestion = FollowUp.pick({ carerRef: true, kind: true, ownerAgency: true, dueOn: true });
export type FollowUpSuggestion = z.infer<typeof FollowUpSuggestion>;

/**
 * What is owed to the carers who could not come to a session. Roles that read carers (chairs and
 * early help leads) see each carer and follow-up; others (police) see the counts alone.
 */
export const SessionFollowUps = z.object({
  sessionId: RecordId,
  sessionDate: IsoDate,
  /** Whether the session took place: follow-ups are suggested only after it. */
  held: z.boolean(),
  counts: FollowUpCounts,
  followUps: z.array(FollowUp).optional(),
  /** Proposed while none is recorded yet: accept each with `POST /v1/sessions/{id}/follow-ups`. */
  suggestions: z.array(FollowUpSuggestion).optional(),
  /** The invited carers who sent apologies or did not answer, and why one may not be followed up now. */
  couldNotCome: z
    .array(
      z.object({
        carerRef: Ref,
        name: z.string(),
        outcome: InvitationOutcome,
        whyNotFollowedUp: z.string().optional(),
      }),
    )
    .optional(),
  version: z.number().int(),
});
export type SessionFollowUps = z.infer<typeof SessionFollowUps>;

/** A follow-up to record: owned by early help and due in two weeks unless said otherwise. */
export const NewFollowUp = FollowUp.omit({ id: true, doneOn: true }).partial({ ownerAgency: true, dueOn: true });
export type NewFollowUp = z.infer<typeof NewFollowUp>;

/** A change to a follow-up: mark it done on a day (null: not done after all), its owner, due day or note. */
export const FollowUpChange = z
  .strictObject({
    doneOn: IsoDate.nullable(),
    ownerAgency: ActionOwner,
    ownerName: ShortText(120).nullable(),
    dueOn: IsoDate,
    note: ShortText(300).nullable(),
  })
  .partial()
  .refine((change) => Object.keys(change).length > 0, { message: 'say what changes' });
export type FollowUpChange = z.infer<typeof FollowUpChange>;

/** A line of the meeting's agenda: a session with follow-ups still owed to families, naming no carer. */
export const OwedToFamiliesLine = z.object({
  sessionId: RecordId,
  sessionDate: IsoDate,
  open: z.number().int(),
  overdue: z.number().int(),
  oldestDueOn: IsoDate,
  owners: z.array(ActionOwner),
  text: z.string(),
});
export type OwedToFamiliesLine = z.infer<typeof OwedToFamiliesLine>;
