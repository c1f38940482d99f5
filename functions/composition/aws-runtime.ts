import { Logger } from '@aws-lambda-powertools/logger';
import type { ApiDeps } from '@peermap/api';
import type { AnalysisRunner, LargeUploadFiles } from '@peermap/domain';
import type { HandlerDeps } from '@peermap/http';
import { createDynamoStore, createTenantScopedClient, type RunAsPartnership, tenantClients } from '@peermap/store';
import * as z from 'zod';

const Arn = (service: string) => z.string().regex(new RegExp(`^arn:aws[a-z-]*:${service}:`), `an ${service} ARN`);

/**
 * What a function needs from its environment; a missing variable stops the cold start. The
 * data role is required: a function never reaches the table with its own credentials.
 */
const FunctionSettings = z.object({
  TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/),
  TABLE_ARN: Arn('dynamodb'),
  TABLE_KEY_ARN: Arn('kms'),
  DATA_ROLE_ARN: Arn('iam'),
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
});

/** Functions that handle large uploads also need their bucket. */
const LargeUploadSettings = z.object({ UPLOAD_BUCKET: z.string().regex(/^[a-z0-9.-]{3,63}$/) });

/** The function that starts analyses needs the name of the function that runs them. */
const AnalysisSettings = z.object({ ANALYSIS_FUNCTION_NAME: z.string().regex(/^[A-Za-z0-9_:.-]{1,140}$/) });

/**
 * The composition root of the Lambda functions: every AWS client is made here, and nowhere in
 * `packages/api`, whose use cases see only the domain's ports.
 *
 * The dependencies of a function in AWS, built once per cold start from its environment:
 * the tenant-scoped document client (each partnership's calls with its own session of the
 * function's data role), the store and the logger (JSON, with the request id on every line,
 * never the request's body).
 */
export function awsRuntime(
  environment: Readonly<Record<string, string | undefined>>,
  options: {
    /** Large uploads in the named bucket (the function that serves them brings its S3 client). */
    largeUploads?: (bucket: string) => LargeUploadFiles;
    /** Analysis runs started in the named function (the function brings its Lambda client). */
    analysisRunner?: (functionName: string) => AnalysisRunner;
  } = {},
): {
  deps: ApiDeps;
  handlerDeps: HandlerDeps;
  runAs: RunAsPartnership;
} {
  const settings = FunctionSettings.parse(environment);
  const { client, runAs } = createTenantScopedClient(
    tenantClients({
      roleArn: settings.DATA_ROLE_ARN,
      tableArn: settings.TABLE_ARN,
      tableKeyArn: settings.TABLE_KEY_ARN,
      region: settings.AWS_REGION,
    }),
  );
  const store = createDynamoStore({ client, tableName: settings.TABLE_NAME });
  const largeUploads = options.largeUploads?.(LargeUploadSettings.parse(environment).UPLOAD_BUCKET);
  const analysisRunner = options.analysisRunner?.(AnalysisSettings.parse(environment).ANALYSIS_FUNCTION_NAME);
  return {
    deps: {
      store,
      now: () => new Date(),
      ...(largeUploads ? { largeUploads } : {}),
      ...(analysisRunner ? { analysisRunner } : {}),
    },
    handlerDeps: {
      audit: store.audit,
      idempotency: store.idempotency,
      logger: new Logger({ serviceName: 'peermap' }),
      runAs,
    },
    runAs,
  };
}
