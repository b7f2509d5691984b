import 'reflect-metadata';
import { ConfigurationError, GatewayEnvironment, loadEnvironment, PlatformEnvironment } from './environment';

describe('environment', () => {
  it('converts numbers given as strings, as every environment variable is', () => {
    const env = loadEnvironment(GatewayEnvironment, { GATEWAY_PORT: '3999', REQUEST_TIMEOUT_MS: '1500', WORKER_CONCURRENCY: '8' });
    expect(env.GATEWAY_PORT).toBe(3999);
    expect(env.REQUEST_TIMEOUT_MS).toBe(1500);
    expect(env.WORKER_CONCURRENCY).toBe(8);
  });

  it('names every bad variable at once', () => {
    expect(() => loadEnvironment(GatewayEnvironment, { GATEWAY_PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/GATEWAY_PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*GATEWAY_PORT/) }),
    );
    expect(() => loadEnvironment(PlatformEnvironment, { DATABASE_URL: 'mysql://x' })).toThrow(ConfigurationError);
  });

  it('has working defaults for sign-in lockout and rate limits, and refuses limits of zero', () => {
    const env = loadEnvironment(GatewayEnvironment, {});
    expect(env).toMatchObject({ JWT_REFRESH_TTL_SECONDS: 1_209_600, LOGIN_MAX_FAILURES_PER_USERNAME: 5, LOGIN_MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES: 25, REFRESH_REUSE_LEEWAY_SECONDS: 10, LOGIN_LOCKOUT_SECONDS: 900, RATE_LIMIT_PER_ACCOUNT: 600, RATE_LIMIT_PER_IP: 120, TRUST_PROXY_HOPS: 0 });
    expect(() => loadEnvironment(GatewayEnvironment, { RATE_LIMIT_PER_IP: '0', LOGIN_LOCKOUT_SECONDS: '0' })).toThrow(/RATE_LIMIT_PER_IP[\s\S]*LOGIN_LOCKOUT_SECONDS|LOGIN_LOCKOUT_SECONDS[\s\S]*RATE_LIMIT_PER_IP/);
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadEnvironment(GatewayEnvironment, { NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
  });
});
