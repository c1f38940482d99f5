import { BudgetLine, ChosenTopic, LanguageNote, RecordId, SessionDetails, SessionStatus } from '@peermap/domain';
import * as z from 'zod';

/**
 * Whom a session is for, with the name the meeting knows it by: a peer group ("Group 3"), a
 * place ("Harbour Road shops"), a parent group, or young people chosen one by one (no name).
 * A group or place no longer found has no name.
 */
export const SessionFor = z.object({
  kind: z.enum(['peer_group', 'place', 'parent_group', 'chosen_young_people']),
  id: z.string().optional(),
  name: z.string().optional(),
});
export type SessionFor = z.infer<typeof SessionFor>;

/** How many carers a session invites, asks first and leaves out, and how many came or sent apologies. */
export const SessionCounts = z.object({
  invited: z.number().int().nonnegative(),
  askConsentFirst: z.number().int().nonnegative(),
  notInvited: z.number().int().nonnegative(),
  attended: z.number().int().nonnegative(),
  apologies: z.number().int().nonnegative(),
});

/** The budget's lines with what they add up to, in whole pence. */
export const SessionBudget = z.object({
  lines: z.array(BudgetLine),
  plannedPence: z.number().int().nonnegative(),
  actualPence: z.number().int().nonnegative(),
  /** How many lines have their cost recorded. */
  linesWithActual: z.number().int().nonnegative(),
});
export type SessionBudget = z.infer<typeof SessionBudget>;

/**
 * A Parent Empowerment Session as its life stands: for whom, when and where, who runs it, what
 * it covers, where it stands, and how many carers it invites (no carer named: the list at
 * `/v1/invitation-lists/{id}` names them). The budget and the organiser's notes are for those
 * who plan and approve sessions; police analysts see the rest.
 */
export const SessionView = z.object({
  id: RecordId,
  for: SessionFor,
  session: SessionDetails,
  status: SessionStatus,
  topics: z.array(ChosenTopic),
  budget: SessionBudget.optional(),
  notes: z.string().optional(),
  /** Blaming or labelling words in the notes, with better ones. */
  languageNotes: z.array(LanguageNote).optional(),
  cancelledReason: z.string().optional(),
  youngPeople: z.number().int().nonnegative(),
  counts: SessionCounts,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().int(),
});
export type SessionView = z.infer<typeof SessionView>;
