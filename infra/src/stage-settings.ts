import { PartnershipId } from '@peermap/domain';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';

export const Stage = z.enum(['dev', 'prod']);
export type Stage = z.infer<typeof Stage>;

const retentionDays = new Set<number>(Object.values(RetentionDays).filter((value) => typeof value === 'number'));

/**
 * What differs between stages, read from the `peermap:stages` context in `cdk.json` (or
 * `-c`), checked before anything is built: a wrong value stops the synthesis with its name.
 */
export const StageSettings = z
  .strictObject({
    /** The prefix of the Cognito hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
    authDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
    /** How long function, API access and alarm logs are kept, in days CloudWatch offers. */
    logRetentionDays: z.number().refine((days) => retentionDays.has(days), 'a retention CloudWatch Logs offers'),
    /** Steady requests per second and burst across the API, per stage. */
    throttle: z.strictObject({ rateLimit: z.number().int().min(1), burstLimit: z.number().int().min(1) }),
    /** Who hears when an analysis run, a large upload or a retention sweep ends on a dead-letter queue. */
    alarmEmail: z.email().optional(),
    /** The partnerships the stage serves: the retention sweep runs for each of them every night. */
    partnerships: z
      .array(PartnershipId)
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, 'each once'),
  })
  .superRefine((settings, context) => {
    if (settings.throttle.burstLimit < settings.throttle.rateLimit) {
      context.addIssue({ code: 'custom', path: ['throttle', 'burstLimit'], message: 'at least the rate limit' });
    }
  });
export type StageSettings = z.infer<typeof StageSettings>;

const StagesContext = z.strictObject({ dev: StageSettings, prod: StageSettings });

/** The settings of every stage from the app's context. */
export function stageSettingsFrom(context: unknown): Record<Stage, StageSettings> {
  const parsed = StagesContext.refine((stages) => stages.prod.alarmEmail !== undefined, {
    path: ['prod', 'alarmEmail'],
    message: 'prod needs someone to tell when work fails past its retries',
  })
    .refine((stages) => stages.prod.partnerships.length > 0, {
      path: ['prod', 'partnerships'],
      message: 'prod sweeps each partnership it serves every night: name them',
    })
    .safeParse(context);
  if (!parsed.success) {
    throw new Error(`The peermap:stages context (cdk.json) is not right:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
