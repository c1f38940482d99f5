import { randomUUID } from 'node:crypto';
import {
  type ActionPlan,
  type AnalysisSnapshot,
  type AuditEvent,
  type Carer,
  type Concern,
  type Draft,
  examples,
  type InvitationList,
  type Location,
  type Relationship,
  type Sighting,
  type UploadRecord,
  type YoungPerson,
} from '@peermap/domain';

/** Valid drafts of every record, from the domain's examples, for tests to vary one field at a time. */
const draft = <T extends { version: number }>(record: T): Draft<T> => {
  const { version: _, ...rest } = record;
  return rest;
};

export const provenance = examples.youngPerson.provenance;

export const youngPerson = (
  partnershipId: string,
  ref: string,
  over: Partial<YoungPerson> = {},
): Draft<YoungPerson> => ({
  ...draft(examples.youngPerson),
  partnershipId,
  ref,
  ...over,
});

export const relationship = (
  partnershipId: string,
  personA: string,
  personB: string,
  over: Partial<Relationship> = {},
): Draft<Relationship> => ({ ...draft(examples.relationship), partnershipId, personA, personB, ...over });

export const location = (partnershipId: string, ref: string, over: Partial<Location> = {}): Draft<Location> => ({
  ...draft(examples.location),
  partnershipId,
  ref,
  ...over,
});

export const sighting = (
  partnershipId: string,
  personRef: string,
  locationRef: string,
  over: Partial<Sighting> = {},
): Draft<Sighting> => ({ ...draft(examples.sighting), partnershipId, personRef, locationRef, ...over });

export const concern = (partnershipId: string, personRef: string, over: Partial<Concern> = {}): Draft<Concern> => ({
  ...draft(examples.concern),
  partnershipId,
  personRef,
  ...over,
});

export const carer = (
  partnershipId: string,
  ref: string,
  youngPersonRefs: string[],
  over: Partial<Carer> = {},
): Draft<Carer> => ({
  ...draft(examples.carer),
  partnershipId,
  ref,
  youngPersonRefs,
  ...over,
});

export const upload = (partnershipId: string, over: Partial<UploadRecord> = {}): Draft<UploadRecord> => ({
  ...draft(examples.upload),
  id: randomUUID(),
  partnershipId,
  ...over,
});

export const analysis = (partnershipId: string, over: Partial<AnalysisSnapshot> = {}): Draft<AnalysisSnapshot> => ({
  ...draft(examples.analysis),
  id: randomUUID(),
  partnershipId,
  ...over,
});

export const actionPlan = (partnershipId: string, over: Partial<ActionPlan> = {}): Draft<ActionPlan> => ({
  ...draft(examples.actionPlan),
  id: randomUUID(),
  partnershipId,
  ...over,
});

export const invitationList = (partnershipId: string, over: Partial<InvitationList> = {}): Draft<InvitationList> => ({
  ...draft(examples.invitationList),
  id: randomUUID(),
  partnershipId,
  ...over,
});

export const auditEvent = (partnershipId: string, over: Partial<AuditEvent> = {}): AuditEvent => ({
  ...examples.auditEvent,
  id: randomUUID(),
  partnershipId,
  ...over,
});
