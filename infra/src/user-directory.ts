import { Role } from '@peermap/domain';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface UserDirectoryProps {
  readonly keep: boolean;
  readonly webOrigin: string;
  readonly authDomainPrefix: string;
}

/** What a role does, as the group's description says it to whoever manages the users. */
const ROLE_DESCRIPTIONS: Record<Role, string> = {
  'madp-chair': 'MADP chairs: weekly uploads, analysis, action plans',
  'early-help-lead': 'Early help leads: cluster reports, invitation lists, carers and consent',
  'police-analyst': 'Police analysts: locations, graded sightings, relationships from intelligence',
  'partnership-admin': 'Partnership admins: users, settings, audit, erasure and subject access',
};

/**
 * Who may sign in: a Cognito user pool for practitioners, created by an admin (no
 * self sign-up), with MFA required, a strong password policy and threat protection enforced.
 * Each peermap role is a group; each user's partnership is a custom attribute set once at
 * creation and never writable by the app, so a token always names the partnership the
 * partnership's admin put the user in.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 12,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: { partnership: new StringAttribute({ minLen: 1, maxLen: 40, mutable: false }) },
      deletionProtection: props.keep,
      removalPolicy: props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const role of Role.options) {
      this.userPool.addGroup(role, { groupName: role, description: ROLE_DESCRIPTIONS[role] });
    }
    this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.authDomainPrefix } });
    this.webClient = this.userPool.addClient('WebApp', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.webOrigin}/`],
        logoutUrls: [`${props.webOrigin}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('partnership'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }
}
