import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  type IOrigin,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { DOC_PATHS } from '../../functions/api/doc-paths.js';
import type { CfnPolicy, IRole } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { rules } from 'cdk-nag';
import { Construct } from 'constructs';

/**
 * Client-side routes have no file extension: serve them the app's index.html. This runs only on
 * the bucket's behaviour, so the API's own 403/404 answers reach the client unchanged (custom
 * error responses would apply to every origin and turn them into 200 index.html).
 */
const SPA_ROUTING = `
function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.split('/').pop();
  if (lastSegment.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** Vite writes content-hashed files under this folder; everything else keeps its name across builds. */
const HASHED_ASSETS = 'assets';

/** The web app's own domain name, with an ACM certificate for it in us-east-1 (CloudFront's region). */
export interface WebDomain {
  readonly name: string;
  readonly certificateArn: string;
}

export interface WebProps {
  /** The web app's build output; deployed only if it exists when synthesizing. */
  readonly distPath: string;
  /** Served at this domain instead of the distribution's *.cloudfront.net name. */
  readonly domain?: WebDomain;
}

/** The dashboard: a private bucket served by CloudFront, which also fronts the API under /api. */
export class Web extends Construct {
  readonly distribution: Distribution;
  /** `https://<distribution domain>`, without a trailing slash. */
  readonly url: string;
  private readonly webOrigin: IOrigin;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const logs = this.accessLogBucket();
    const bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'web-bucket/',
    });
    this.webOrigin = S3BucketOrigin.withOriginAccessControl(bucket);

    const spaRouting = new CloudFrontFunction(this, 'SpaRouting', {
      code: FunctionCode.fromInline(SPA_ROUTING),
      runtime: FunctionRuntime.JS_2_0,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Sykli web app and API',
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            // Imported by ARN, not looked up: synthesis stays offline.
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America: the users are in Finland.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: this.webOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Staff work and travel across borders; access is decided by Cognito sign-in, not by country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'A CloudFront web ACL must be created in us-east-1, outside this single-region stack; the API stage is ' +
          'throttled and Cognito threat protection guards sign-in meanwhile.',
      },
    );
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a domain of its own the distribution uses the default *.cloudfront.net certificate, whose viewer TLS ' +
          'policy CloudFront fixes; with webDomain given the minimum is TLSv1.2_2021.',
      });
    }
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    if (existsSync(props.distPath)) this.deploy(bucket, props.distPath);
    else
      Annotations.of(this).addWarningV2(
        'sykli:web-not-built',
        `${props.distPath} does not exist, so the web app is not deployed: run \`npm run build\` first.`,
      );
  }

  /** Routes /api/* to the HTTP API, uncached, with everything the viewer sent but the Host header. */
  addApi(apiDomainName: string): void {
    // The OpenAPI document is a file of the build (the API function leaves the generator out); this
    // behaviour comes first, so it wins over /api/*.
    this.distribution.addBehavior(DOC_PATHS[0], this.webOrigin, {
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
    });
    this.distribution.addBehavior('/api/*', new HttpOrigin(apiDomainName), {
      // No redirect: a redirected POST would lose its body; API clients use HTTPS anyway.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // API Gateway routes by its own Host name; all other headers, Authorization included, pass through.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
    });
  }

  /** Receives the web bucket's server access logs and the distribution's standard logs. */
  private accessLogBucket(): Bucket {
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront's standard logging writes with object ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging its own access would log without end.',
    });
    return logs;
  }

  /**
   * Hashed assets first, cached for a year and never pruned, so that a page loaded before a
   * deploy still finds its scripts; then index.html and the other unhashed files, revalidated on
   * every load, with the CDN cache invalidated.
   */
  private deploy(bucket: Bucket, distPath: string): void {
    const assetsPath = join(distPath, HASHED_ASSETS);
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [Source.asset(distPath, { exclude: [`${HASHED_ASSETS}/**`] })],
      destinationBucket: bucket,
      exclude: [`${HASHED_ASSETS}/*`],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    if (existsSync(assetsPath)) {
      const assets = new BucketDeployment(this, 'DeployAssets', {
        sources: [Source.asset(assetsPath)],
        destinationBucket: bucket,
        destinationKeyPrefix: `${HASHED_ASSETS}/`,
        prune: false,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      });
      // Order only the two uploads: depending on the whole deployment would also make the
      // handler they share wait for itself.
      pages.node.findChild('CustomResource').node.addDependency(assets.node.findChild('CustomResource'));
    }
    acknowledgeDeploymentHandler(pages.handlerRole);
  }
}

/**
 * The Lambda that CDK's BucketDeployment runs (one for both deployments): its role, policy and
 * runtime are CDK's own, so its findings are acknowledged one by one here, on it alone.
 */
function acknowledgeDeploymentHandler(role: IRole): void {
  const policy = role.node.findChild('DefaultPolicy').node.defaultChild as CfnPolicy;
  const wildcards = rules.iam.IAMNoWildcardPermissions(policy);
  const handler = role.node.scope as Construct;
  Validations.of(handler).acknowledge(
    ...(Array.isArray(wildcards) ? wildcards : []).map((finding) => ({
      id: `AwsSolutions-IAM5[${finding}]`,
      reason:
        "CDK's BucketDeployment grants: read the CDK asset bucket, write and prune the web bucket, and invalidate " +
        'the distribution (CloudFront invalidations have no resource-level permissions).',
    })),
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: "CDK's BucketDeployment handler writes its logs with the AWS managed basic execution policy.",
    },
    {
      id: 'AwsSolutions-L1',
      reason: "CDK's BucketDeployment handler runs the Python runtime that aws-cdk-lib chooses and updates.",
    },
  );
}
