import * as z from 'zod';

/** Agencies that take part in a MADP and can be the source of a record. */
export const Agency = z.enum(['early_help', 'police', 'yjs', 'education', 'social_care', 'health']);
export type Agency = z.infer<typeof Agency>;

/**
 * Who can own an action in a plan: the MADP agencies plus the partners a plan names
 * (the council for unsafe places, the voluntary sector, a parent-led group).
 */
export const ActionOwner = z.enum([...Agency.options, 'council', 'voluntary_sector', 'parent_led_group']);
export type ActionOwner = z.infer<typeof ActionOwner>;

/** Who owns an action, as papers and pages write it. */
export const ACTION_OWNER_LABELS: Readonly<Record<ActionOwner, string>> = {
  early_help: 'Early help',
  police: 'Police',
  yjs: 'Youth justice service',
  education: 'Education',
  social_care: "Children's social care",
  health: 'Health',
  council: 'Council',
  voluntary_sector: 'Voluntary sector',
  parent_led_group: 'Parent-led group',
};

export const EducationStatus = z.enum([
  'attending',
  'part_time',
  'not_in_education',
  'excluded',
  'elective_home_education',
  'unknown',
]);
export type EducationStatus = z.infer<typeof EducationStatus>;

/** Whether the partnership is still working with a young person (or a concern is still live). */
export const CaseStatus = z.enum(['open', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const RelationshipKind = z.enum([
  'friend',
  'associate',
  'sibling',
  'partner',
  'co_offending',
  'online',
  'school_peer',
  'conflict',
]);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

/** How each kind of link is named in what peermap writes: about the link, never labelling a child. */
export const RELATIONSHIP_KIND_LABELS: Readonly<Record<RelationshipKind, string>> = {
  friend: 'friends',
  associate: 'spend time together',
  sibling: 'siblings',
  partner: 'in a relationship',
  co_offending: 'involved in an offence together (can be a sign of exploitation)',
  online: 'in contact online',
  school_peer: 'at school together',
  conflict: 'in conflict (kept apart in the analysis)',
};

/** A link's kind in words; a link the analysis found from sightings alone is "seen together". */
export const linkKindLabel = (kind: string | undefined): string =>
  kind && kind in RELATIONSHIP_KIND_LABELS
    ? RELATIONSHIP_KIND_LABELS[kind as RelationshipKind]
    : 'seen together at places';

export const LocationKind = z.enum([
  'abandoned_building',
  'park',
  'shop',
  'transport',
  'residential',
  'school',
  'online',
  'other',
]);
export type LocationKind = z.infer<typeof LocationKind>;

export const CarerRelationship = z.enum([
  'mother',
  'father',
  'stepmother',
  'stepfather',
  'grandparent',
  'foster_carer',
  'guardian',
  'other',
]);
export type CarerRelationship = z.infer<typeof CarerRelationship>;

export const ConsentStatus = z.enum(['given', 'declined', 'not_asked', 'withdrawn']);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

export const ConcernCategory = z.enum([
  'missing_episode',
  'not_in_education',
  'substance_misuse',
  'criminal_exploitation',
  'sexual_exploitation',
  'online_grooming',
  'peer_violence',
  'racially_aggravated_abuse',
  'antisocial_behaviour',
  'offence',
  'weapon',
]);
export type ConcernCategory = z.infer<typeof ConcernCategory>;

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

/** The two purposes the Contextual Safeguarding guidance allows peer mapping for. */
export const AnalysisPurpose = z.enum(['safety_planning', 'coordinating_agency_information']);
export type AnalysisPurpose = z.infer<typeof AnalysisPurpose>;

/**
 * How each concern reads in anything peermap writes. The upload's category names are fixed
 * by the format; these labels say what is happening to the child, as a risk of harm to them,
 * never as a verdict on them.
 */
export const CONCERN_LABELS: Readonly<Record<ConcernCategory, string>> = {
  missing_episode: 'missing from home or care',
  not_in_education: 'not in education',
  substance_misuse: 'affected by substance misuse',
  criminal_exploitation: 'at risk of criminal exploitation',
  sexual_exploitation: 'at risk of sexual exploitation',
  online_grooming: 'at risk of grooming online',
  peer_violence: 'affected by violence between young people',
  racially_aggravated_abuse: 'affected by racially aggravated abuse',
  antisocial_behaviour: 'involved in antisocial behaviour, which can be a sign of exploitation',
  offence: 'involved in an offence, which can be a sign of exploitation',
  weapon: 'linked to a weapon, and at risk of serious harm',
};
