import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface AuthProps {
  /** Prefix of the Cognito domain (`<prefix>.auth.<region>.amazoncognito.com`); unique per region. */
  readonly domainPrefix: string;
  /** Where the web app is served; sign-in returns to `<appUrl>/auth/callback`. */
  readonly appUrl: string;
}

/** Sign-in: a Cognito user pool whose hosted UI the web app reaches with OAuth code + PKCE. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  /** Expected `iss` of the pool's tokens. */
  readonly issuer: string;
  /** Base URL of the hosted UI's OAuth 2.0 endpoints. */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Staff accounts are created by administrators, never by strangers.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus brings threat protection: compromised-credential checks and adaptive authentication.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      // One invitation for everyone, in the three languages: Cognito has one template per pool.
      userInvitation: {
        emailSubject: 'Kutsu Sykliin – Inbjudan till Sykli – Invitation to Sykli',
        emailBody: [
          'Sinut on kutsuttu Sykliin. Käyttäjätunnuksesi on {username} ja väliaikainen salasanasi {####}. Vaihdat salasanan ensimmäisellä kirjautumisella.',
          'Du har bjudits in till Sykli. Ditt användarnamn är {username} och ditt tillfälliga lösenord {####}. Du byter lösenordet när du loggar in första gången.',
          'You have been invited to Sykli. Your user name is {username} and your temporary password {####}. You will change the password when you first sign in.',
        ].join('<br><br>'),
      },
      deletionProtection: true,
      // The people and their MFA enrolments must outlive the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional so that staff can enrol a TOTP app at their own pace; threat protection (Plus plan, enforced) ' +
        'covers password-only sign-ins meanwhile.',
    });

    const domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    this.webClient = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret: it is a public client, protected by PKCE.
      generateSecret: false,
      // Narrower than Cognito's default: no custom-challenge flow, no plain-password flows.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.appUrl}/auth/callback`],
        logoutUrls: [`${props.appUrl}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // About a working day: a shift signs in once.
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.domainUrl = domain.baseUrl();
  }
}
