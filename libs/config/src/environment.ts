import { plainToInstance } from 'class-transformer';
// Numeric variables carry an explicit `: number` so decorator metadata tells class-transformer to convert them from strings.
import { IsIn, IsInt, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

/**
 * Every environment variable the platform reads, with its default. This file (and only this lib)
 * touches process.env; apps receive a frozen, validated object at start.
 * Defaults point at the local PostgreSQL and Redis that `npm run services` installs.
 */
export class PlatformEnvironment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL = 'postgres://eldercare:eldercare@127.0.0.1:5432/eldercare';

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** BullMQ key prefix; tests give each file its own. Never rename a queue, change the prefix instead. */
  @Matches(/^[a-z0-9][a-z0-9-]*$/)
  QUEUE_PREFIX = 'eldercare';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Jobs a service processes at once per queue. */
  @IsInt() @Min(1) @Max(500)
  WORKER_CONCURRENCY: number = 50;

  /** Tests only: the migrated database each test file copies. Each test run names its own, so runs never collide. */
  @Matches(/^[a-z0-9_]+$/)
  TEST_DATABASE_TEMPLATE = 'eldercare_test_template';

  /** How often the outbox relay looks for unpublished events when nothing woke it (ms). */
  @IsInt() @Min(10) @Max(60_000)
  OUTBOX_POLL_MS: number = 500;
}

export class GatewayEnvironment extends PlatformEnvironment {
  @IsString()
  GATEWAY_HOST = '0.0.0.0';

  @IsInt() @Min(0) @Max(65535)
  GATEWAY_PORT: number = 3000;

  /** How long the gateway waits for a service before answering 202 with a status resource (a point read: 503). */
  @IsInt() @Min(50) @Max(60_000)
  REQUEST_TIMEOUT_MS: number = 3000;

  @IsString() @MinLength(32)
  JWT_SECRET = 'dev-only-jwt-secret-change-me-in-production-0000';

  @IsInt() @Min(60) @Max(86_400)
  JWT_ACCESS_TTL_SECONDS: number = 900;

  /** 32 bytes, base64: AES-256-GCM key for ID numbers at rest. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PII_ENCRYPTION_KEY must be 32 bytes in base64' })
  PII_ENCRYPTION_KEY = 'ZGV2LW9ubHktcGlpLWtleS0zMi1ieXRlcy1sb25nISE=';

  /** Secret for the keyed hash (HMAC-SHA256) that lets us find a senior by ID number without decrypting. */
  @IsString() @MinLength(16)
  PII_HASH_KEY = 'dev-only-pii-hash-key-change-me';

  /** First admin account, created at start when no account exists. */
  @IsString()
  BOOTSTRAP_ADMIN_USERNAME = 'admin';

  /** Empty: no bootstrap admin is created. */
  @ValidateIf((env: GatewayEnvironment) => env.BOOTSTRAP_ADMIN_PASSWORD !== '') @IsString() @MinLength(12)
  BOOTSTRAP_ADMIN_PASSWORD = '';

  /** District (6-digit code) of seniors registered without a street code. */
  @Matches(/^\d{6}$/)
  DEFAULT_DISTRICT_CODE = '310112';

  /** A font with Chinese glyphs for PDF reports (TTF, OTF or TTC). */
  @IsString()
  REPORT_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

  /** Comma-separated origins allowed by CORS; empty means no cross-origin browser access. */
  @IsString()
  CORS_ORIGINS = '';

  /** Reverse proxies in front of the gateway whose X-Forwarded-For is trusted (0: the socket's address is the client's). */
  @IsInt() @Min(0) @Max(10)
  TRUST_PROXY_HOPS: number = 0;

  /** Lifetime of one refresh token; each refresh issues a new one with a fresh lifetime. */
  @IsInt() @Min(60) @Max(90 * 86_400)
  JWT_REFRESH_TTL_SECONDS: number = 14 * 86_400;

  /**
   * A used refresh token presented again within this many seconds of its use is a second tab or a
   * retried request, not a stolen copy: it gets tokens of its own instead of revoking the sign-in.
   */
  @IsInt() @Min(0) @Max(60)
  REFRESH_REUSE_LEEWAY_SECONDS: number = 10;

  /**
   * Failed sign-ins for one username from one address within the window before the username is
   * locked for that address. Other addresses are not locked by it, so nobody can lock a known user
   * out by failing on purpose from their own address.
   */
  @IsInt() @Min(1) @Max(1000)
  LOGIN_MAX_FAILURES_PER_USERNAME: number = 5;

  /** Failed sign-ins for one username from all addresses together before it is locked everywhere (a guesser spread over many addresses). */
  @IsInt() @Min(1) @Max(100_000)
  LOGIN_MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES: number = 25;

  /** Failed sign-ins from one IP address within the window before sign-ins from it are refused. */
  @IsInt() @Min(1) @Max(100_000)
  LOGIN_MAX_FAILURES_PER_IP: number = 50;

  /** The window in which failed sign-ins are counted (seconds). */
  @IsInt() @Min(1) @Max(86_400)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 15 * 60;

  /** How long a username (or IP address) stays locked once it reached its limit (seconds). */
  @IsInt() @Min(1) @Max(86_400)
  LOGIN_LOCKOUT_SECONDS: number = 15 * 60;

  /** Requests per window for an authenticated account (all routes together). */
  @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_PER_ACCOUNT: number = 600;

  /** Requests per window for anonymous callers, per IP address (all routes together). */
  @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_PER_IP: number = 120;

  /** The rate-limit window (seconds); a caller over its limit waits until the window ends. */
  @IsInt() @Min(1) @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;
}

/** The secrets that must never keep their development defaults in production. */
const PRODUCTION_SECRETS = ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY'] as const;

export class ConfigurationError extends Error {}

/**
 * Reads, converts and validates the environment once. Throws a ConfigurationError that names every
 * bad variable, so a misconfigured app stops at start rather than at the first request.
 */
export function loadEnvironment<T extends PlatformEnvironment>(
  schema: new () => T,
  source: Record<string, string | undefined> = process.env,
): Readonly<T> {
  const defaults = new schema();
  const known = Object.keys(defaults);
  const given = Object.fromEntries(known.filter((k) => source[k] !== undefined && source[k] !== '').map((k) => [k, source[k]]));
  const env = plainToInstance(schema, { ...defaults, ...given }, { enableImplicitConversion: true });
  const problems = validateSync(env, { whitelist: true, forbidUnknownValues: true }).map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (env.NODE_ENV === 'production') {
    for (const key of PRODUCTION_SECRETS) {
      if (key in defaults && source[key] === undefined) problems.push(`${key}: must be set in production`);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  return Object.freeze(env);
}
