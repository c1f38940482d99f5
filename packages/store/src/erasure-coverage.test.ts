import { Ref } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { AnyModel } from './models';
import * as models from './models';

/** Fields typed as a ref that name a place, never a person. */
const PLACE_REF_FIELDS = new Set(['locationRef', 'placesSeenTogether', 'busyPlacesLeftOut']);

/** A ref made from `Ref` (refined or not) carries every one of its checks. */
const REF_CHECKS = Ref._zod.def.checks ?? [];
const isRef = (schema: z.core.$ZodType) =>
  schema instanceof z.ZodString && REF_CHECKS.every((check) => (schema._zod.def.checks ?? []).includes(check));

/** Strings in fields named as refs (`carerRef`, `youngPersonRefs`) count as refs whatever their schema. */
const NAMED_AS_REF = /Refs?$/;

/**
 * Where a schema holds a ref that can name a young person or a carer, as paths to its fields:
 * strings typed `Ref`, or in fields named as refs, wherever they sit (lists, optional groups,
 * record keys), except the fields that name a place.
 */
function personRefFields(schema: z.core.$ZodType, path = '', namedAsRef = false): string[] {
  if (isRef(schema) || (namedAsRef && schema instanceof z.ZodString)) return [path];
  const inner = (of: z.core.$ZodType, at = path) => personRefFields(of, at, namedAsRef);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape).flatMap(([name, field]) =>
      PLACE_REF_FIELDS.has(name)
        ? []
        : personRefFields(field, path ? `${path}.${name}` : name, NAMED_AS_REF.test(name)),
    );
  }
  if (schema instanceof z.ZodArray) return inner(schema.element, `${path}[]`);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return inner(schema.unwrap());
  }
  if (schema instanceof z.ZodRecord) {
    return [...personRefFields(schema.keyType, `${path}{key}`), ...personRefFields(schema.valueType, `${path}{}`)];
  }
  if (schema instanceof z.ZodPipe) return [...inner(schema.in), ...inner(schema.out)];
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((option) => inner(option));
  if (schema instanceof z.ZodIntersection) return [...inner(schema._zod.def.left), ...inner(schema._zod.def.right)];
  return [];
}

/** The models whose records can name a person but that say nothing of how erasure treats them. */
const unerased = (candidates: readonly AnyModel[]) =>
  candidates.flatMap((model) => {
    const fields = personRefFields(model.schema);
    return fields.length > 0 && !model.erasure ? [{ entity: model.entity, fields }] : [];
  });

describe('what erasure finds of a person', () => {
  it('goes through every model of the table', () => {
    const modelled = Object.values(models).flatMap((value) =>
      'entity' in value && typeof value.entity === 'string' ? [value.entity] : [],
    );
    expect(models.everyModel.map((model) => model.entity).sort()).toEqual(modelled.sort());
  });

  it('is told by every model whose fields hold a young person or carer ref how its records are erased', () => {
    expect(unerased(models.everyModel)).toEqual([]);
  });

  it('would flag a new model that holds a person ref and declares no erasure', () => {
    const { erasure: _, ...forgotten } = models.reviewModel;
    const mentoring: AnyModel = {
      ...models.partnershipModel,
      entity: 'Mentoring',
      schema: z.strictObject({ partnershipId: z.string(), mentees: z.array(Ref.optional()), locationRef: Ref }),
    };
    expect(unerased([forgotten, mentoring, models.partnershipModel, models.uploadSlotModel])).toEqual([
      { entity: 'Review', fields: ['youngPersonRef'] },
      { entity: 'Mentoring', fields: ['mentees[]'] },
    ]);
  });

  it('finds refs wherever a schema holds them: refined, in lists, in optional groups, as record keys', () => {
    expect(personRefFields(models.youngPersonModel.schema)).toContain('ref');
    expect(personRefFields(models.carerModel.schema)).toEqual(expect.arrayContaining(['ref', 'youngPersonRefs[]']));
    expect(personRefFields(models.invitationListModel.schema)).toEqual(
      expect.arrayContaining(['attendance{key}', 'invite[].carerRef']),
    );
    expect(personRefFields(models.sightingModel.schema)).toEqual(['personRef']);
    expect(personRefFields(models.carerLinkModel.schema)).toEqual(['carerRef', 'youngPersonRef']);
  });

  it('can find every kept record it rewrites: listed by its model, or held in the partitions of listed ones', () => {
    const unfindable = models.everyModel.filter((model) => {
      const found = model.erasure?.kept?.found;
      if (found === 'through-audit-index') return false;
      return found ? !found.heads.list : !model.list && model.erasure?.kept !== undefined;
    });
    expect(unfindable.map((model) => model.entity)).toEqual([]);
  });

  it('counts the kinds of a person’s own records under the names the erasure record has always used', () => {
    const counted = models.everyModel.flatMap((model) => model.erasure?.own?.countedAs ?? []);
    expect(counted).toEqual(['relationships', 'sightings', 'concerns', 'reviews', 'carerLinks']);
  });
});
