import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StageSettings } from './stage-settings';

/** A route as the API declares it: `GET` and `/v1/clusters/{id}`, and whether it is open without signing in. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly public?: boolean;
}

/**
 * A public route's own throttle, far below the stage's: a parent sends one form, and a guesser
 * of links gets a few tries a second for the whole API, not the stage's allowance.
 */
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 2, burstLimit: 5 } as const;

export interface PeermapHttpApiProps {
  readonly userPool: IUserPool;
  readonly webClient: IUserPoolClient;
  readonly webOrigin: string;
  readonly throttle: StageSettings['throttle'];
  readonly logRetention: RetentionDays;
  /** Encrypts the access logs (request ids, users, source addresses). */
  readonly logKey: IKey;
  readonly keep: boolean;
}

/** One line of JSON per request: who, what, how it ended; never a body or a query string. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  user: '$context.authorizer.claims.sub',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  responseLength: '$context.responseLength',
};

/**
 * The HTTP API in front of the functions: every route behind the Cognito JWT authorizer
 * (ID tokens of the web app's client), CORS for the web app's origin only, throttling, and
 * encrypted access logs kept for the stage's retention.
 */
export class PeermapHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: PeermapHttpApiProps) {
    super(scope, id);
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      userPoolClients: [props.webClient],
      identitySource: ['$request.header.Authorization'],
    });
    this.api = new HttpApi(this, 'Api', {
      description: 'peermap: peer mapping and planning for a multi-agency safeguarding partnership',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: [props.webOrigin],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
        exposeHeaders: ['etag', 'location', 'x-request-id', 'content-disposition', 'idempotent-replayed'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** Serves the given routes with one function: behind the authorizer, or (a public route) throttled on its own. */
  route(name: string, handler: IFunction, routes: readonly ApiRoute[]): void {
    const integration = new HttpLambdaIntegration(`${name}Integration`, handler, {
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    });
    for (const { method, path, public: open } of routes) {
      if (open) {
        this.publicRoute(method, path, integration);
        continue;
      }
      this.api.addRoutes({ path, methods: [HttpMethod[method]], integration });
    }
  }

  /**
   * A route without the authorizer (the parent's one-time feedback form), with a route-level
   * throttle the stage applies before the function is reached.
   */
  private publicRoute(method: ApiRoute['method'], path: string, integration: HttpLambdaIntegration): void {
    const [made] = this.api.addRoutes({
      path,
      methods: [HttpMethod[method]],
      integration,
      authorizer: new HttpNoneAuthorizer(),
    });
    if (!made) return;
    const stage = this.stage.node.defaultChild as CfnStage;
    const key = `${method} ${path}`;
    stage.routeSettings = {
      ...(stage.routeSettings as Record<string, unknown> | undefined),
      [key]: {
        ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
      },
    };
    // The stage names the route in its settings: the route must exist first.
    stage.node.addDependency(made);
    for (const rule of ['AwsSolutions-APIG4']) {
      Validations.of(made).acknowledge({
        id: rule,
        reason:
          'The parent’s feedback form behind a one-time link: parents have no account. The function accepts only a valid, unused, unexpired link’s key (256 random bits, kept hashed), answers the same 404 otherwise, and the route is throttled far below the stage.',
      });
    }
  }
}
