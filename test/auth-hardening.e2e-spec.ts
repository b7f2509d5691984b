import { createHash } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createGateway } from '../apps/gateway/src/gateway.bootstrap';
import { eventually } from '@app/testing';
import { ADMIN_PASSWORD, TestPlatform } from './platform';

const PASSWORD = 'a-long-test-password';
const FAMILY_SITE = 'https://family.example.cn';

/**
 * Signing in, staying signed in and being refused, as a client sees it: refresh-token rotation with
 * reuse detection, sign-out, lockout after failed sign-ins, rate limits per account and per
 * address, and the security headers, body-size limit and CORS of every answer.
 */
describe('authentication hardening (e2e)', () => {
  /** Short lockouts, addresses from X-Forwarded-For (one trusted proxy), one configured origin. */
  describe('sign-in, refresh and lockout', () => {
    let platform: TestPlatform;
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });

    beforeAll(async () => {
      platform = await TestPlatform.start({
        services: [],
        env: {
          TRUST_PROXY_HOPS: 1,
          LOGIN_MAX_FAILURES_PER_USERNAME: 3,
          LOGIN_MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES: 5,
          LOGIN_MAX_FAILURES_PER_IP: 6,
          LOGIN_FAILURE_WINDOW_SECONDS: 60,
          LOGIN_LOCKOUT_SECONDS: 2,
          CORS_ORIGINS: FAMILY_SITE,
        },
      });
    });
    afterAll(() => platform?.stop());

    const signIn = (username: string, password: string, ip = '198.51.100.1') => platform.http().post('/v1/auth/token').set(from(ip)).send({ username, password });
    const refresh = (refreshToken: string) => platform.http().post('/v1/auth/refresh').send({ refreshToken });
    const me = (accessToken: string) => platform.http().get('/v1/accounts/me').set('Authorization', `Bearer ${accessToken}`);
    /** Moves a refresh token's use back in time, as if it had been exchanged that long ago. */
    const usedSecondsAgo = (refreshToken: string, seconds: number) =>
      onDatabase(`UPDATE identity.refresh_token SET used_at = now() - make_interval(secs => $2) WHERE token_hash = $1`, [createHash('sha256').update(refreshToken).digest('hex'), seconds]);
    const onDatabase = async (sql: string, params: unknown[]) => {
      const client = new Client({ connectionString: platform.database.url });
      await client.connect();
      try {
        await client.query(sql, params);
      } finally {
        await client.end();
      }
    };

    describe('refresh tokens', () => {
      it('issues a refresh token at sign-in and rotates it: each refresh gives a working access token and a new refresh token', async () => {
        const { username } = await platform.account(['planner']);
        const first = (await signIn(username, PASSWORD).expect(200)).body;
        expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 14 * 86_400 });
        expect(first.refreshToken).toMatch(/^ecr_[A-Za-z0-9_-]{43}$/);

        const second = (await refresh(first.refreshToken).expect(200)).body;
        expect(second.refreshToken).not.toBe(first.refreshToken);
        expect((await me(second.accessToken).expect(200)).body.username).toBe(username);

        const third = (await refresh(second.refreshToken).expect(200)).body;
        await me(third.accessToken).expect(200);
      });

      it('revokes the whole sign-in when a used refresh token comes back: the token it was exchanged for fails too', async () => {
        const { username } = await platform.account(['planner']);
        const stolen = (await signIn(username, PASSWORD).expect(200)).body.refreshToken as string;
        const otherDevice = (await signIn(username, PASSWORD).expect(200)).body.refreshToken as string;
        const rotated = (await refresh(stolen).expect(200)).body as { refreshToken: string; accessToken: string };
        await me(rotated.accessToken).expect(200);
        await usedSecondsAgo(stolen, 30); // longer ago than the leeway for a second tab

        const reuse = await refresh(stolen).expect(401);
        expect(reuse.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED', message: expect.stringMatching(/already used.*revoked/) });

        const after = await refresh(rotated.refreshToken).expect(401);
        expect(after.body.code).toBe('REFRESH_TOKEN_INVALID');
        expect(after.body.message).toMatch(/revoked/);
        // The access token issued with the rotated one ends with the sign-in, not 15 minutes later.
        expect((await me(rotated.accessToken).expect(401)).body.message).toMatch(/sign-in .* has ended/);
        // Another sign-in of the same account is another family: untouched.
        await refresh(otherDevice).expect(200);
      });

      it('lets two tabs refresh the same token at once: both get working tokens of the same sign-in, and signing out ends both', async () => {
        const { username } = await platform.account(['planner']);
        const shared = (await signIn(username, PASSWORD).expect(200)).body.refreshToken as string;

        const [tabA, tabB] = (await Promise.all([refresh(shared), refresh(shared)])).map((res) => {
          expect(res.status).toBe(200);
          return res.body as { refreshToken: string; accessToken: string };
        });
        expect(tabA.refreshToken).not.toBe(tabB.refreshToken);
        const [nextA, nextB] = [(await refresh(tabA.refreshToken).expect(200)).body, (await refresh(tabB.refreshToken).expect(200)).body];
        await me(nextA.accessToken).expect(200);
        await me(nextB.accessToken).expect(200);

        await platform.http().post('/v1/auth/logout').send({ refreshToken: nextA.refreshToken }).expect(204);
        await refresh(nextB.refreshToken).expect(401);
        await me(nextA.accessToken).expect(401);
        await me(nextB.accessToken).expect(401);
      });

      it('signs out: logout revokes the family, so neither the token nor its successors refresh any more', async () => {
        const { username } = await platform.account(['assessor']);
        const first = (await signIn(username, PASSWORD).expect(200)).body.refreshToken as string;
        const second = (await refresh(first).expect(200)).body.refreshToken as string;

        await platform.http().post('/v1/auth/logout').send({ refreshToken: second }).expect(204);
        expect((await refresh(second).expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
        await platform.http().post('/v1/auth/logout').send({ refreshToken: second }).expect(204); // signing out twice is fine
      });

      it('ends access at once on sign-out, on this gateway and within a second or two on every other replica', async () => {
        const { username } = await platform.account(['assessor']);
        const signedIn = (await signIn(username, PASSWORD).expect(200)).body as { refreshToken: string; accessToken: string };
        const otherReplica = await createGateway(platform.env);
        await otherReplica.init();
        try {
          const onOther = () => request(otherReplica.getHttpServer()).get('/v1/accounts/me').set('Authorization', `Bearer ${signedIn.accessToken}`);
          await onOther().expect(200);
          await me(signedIn.accessToken).expect(200);

          await platform.http().post('/v1/auth/logout').send({ refreshToken: signedIn.refreshToken }).expect(204);
          const refused = await me(signedIn.accessToken).expect(401);
          expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/signed out or revoked/) });
          await eventually(async () => {
            await onOther().expect(401);
          });
          // Another sign-in of the same account keeps working.
          await me((await signIn(username, PASSWORD).expect(200)).body.accessToken).expect(200);
        } finally {
          await otherReplica.close();
        }
      });

      it('refuses to refresh for a disabled account, and refuses expired, unknown and malformed tokens clearly', async () => {
        const { id, username } = await platform.account(['operator']);
        const disabledLater = (await signIn(username, PASSWORD).expect(200)).body.refreshToken as string;
        const expiredOne = (await signIn(username, PASSWORD).expect(200)).body.refreshToken as string;

        const stored = createHash('sha256').update(expiredOne).digest('hex'); // only the hash is stored
        await onDatabase(`UPDATE identity.refresh_token SET issued_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE token_hash = $1`, [stored]);
        const expired = await refresh(expiredOne).expect(401);
        expect(expired.body).toMatchObject({ code: 'REFRESH_TOKEN_INVALID', message: expect.stringMatching(/expired/) });

        await onDatabase('UPDATE identity.account SET disabled_at = now() WHERE id = $1', [id]);
        const disabled = await refresh(disabledLater).expect(401);
        expect(disabled.body).toMatchObject({ code: 'REFRESH_TOKEN_INVALID', message: 'The account is disabled' });
        await signIn(username, PASSWORD).expect(401);

        const unknown = await refresh(`ecr_${'A'.repeat(43)}`).expect(401);
        expect(unknown.body.code).toBe('REFRESH_TOKEN_INVALID');
        const malformed = await refresh('not-a-token').expect(400);
        expect(malformed.body.fields).toEqual([{ field: 'refreshToken', problems: [expect.stringMatching(/must be a refresh token/)] }]);
      });
    });

    describe('lockout after failed sign-ins', () => {
      it('locks a username after 3 failures from one address with 429 and Retry-After, even for the right password, and opens again after the lockout', async () => {
        const { username } = await platform.account(['planner']);
        for (let i = 0; i < 3; i++) expect((await signIn(username, 'wrong-password', '198.51.100.11').expect(401)).body.code).toBe('INVALID_CREDENTIALS');

        const locked = await signIn(username, PASSWORD, '198.51.100.11').expect(429);
        expect(locked.body).toMatchObject({ code: 'LOGIN_LOCKED', message: expect.stringMatching(/^Too many failed sign-ins; try again in \d+ s$/) });
        expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(2);

        // LOGIN_LOCKOUT_SECONDS is 2 here: the right password works once the lock has run out.
        const res = await eventually(async () => signIn(username, PASSWORD, '198.51.100.11').expect(200), { timeoutMs: 10_000, intervalMs: 250 });
        expect(res.body.accessToken).toBeTruthy();
      });

      it('answers the same for a username that belongs to no account, so a lock reveals nothing', async () => {
        const { username } = await platform.account(['planner']);
        const stranger = `nobody-${Math.random().toString(36).slice(2, 10)}`;
        const answers = [];
        for (const name of [username, stranger]) {
          for (let i = 0; i < 3; i++) await signIn(name, 'wrong-password', '198.51.100.20').expect(401);
          const res = await signIn(name, 'wrong-password', '198.51.100.20');
          answers.push({ status: res.status, code: res.body.code, message: res.body.message.replace(/\d+/, 'N'), retryAfter: res.headers['retry-after'] !== undefined });
        }
        expect(answers[0]).toEqual({ status: 429, code: 'LOGIN_LOCKED', message: 'Too many failed sign-ins; try again in N s', retryAfter: true });
        expect(answers[1]).toEqual(answers[0]);
      });

      it('forgets earlier failures of a username once it signs in successfully', async () => {
        const { username } = await platform.account(['planner']);
        for (let i = 0; i < 2; i++) await signIn(username, 'wrong-password', '198.51.100.30').expect(401);
        await signIn(username, PASSWORD, '198.51.100.30').expect(200);
        for (let i = 0; i < 2; i++) await signIn(username, 'wrong-password', '198.51.100.30').expect(401);
        await signIn(username, PASSWORD, '198.51.100.30').expect(200);
      });

      it('does not let anyone lock a user out by failing on purpose from their own address, but locks a username failed from many addresses', async () => {
        const { username } = await platform.account(['planner']);
        for (let i = 0; i < 3; i++) await signIn(username, 'wrong-password', '198.51.100.50').expect(401);
        expect((await signIn(username, PASSWORD, '198.51.100.50').expect(429)).body.code).toBe('LOGIN_LOCKED');
        await signIn(username, PASSWORD, '198.51.100.51').expect(200); // its owner, elsewhere

        // Two more failures from two more addresses make five for the username: locked from everywhere.
        await signIn(username, 'wrong-password', '198.51.100.52').expect(401);
        await signIn(username, 'wrong-password', '198.51.100.53').expect(401);
        const everywhere = await signIn(username, PASSWORD, '198.51.100.54').expect(429);
        expect(everywhere.body.code).toBe('LOGIN_LOCKED');
        expect(everywhere.headers['retry-after']).toBeDefined();
      });

      it('locks an address that fails on many usernames, while other addresses still sign in', async () => {
        const { username } = await platform.account(['planner']);
        for (let i = 0; i < 6; i++) await signIn(`guess-${i}-${Math.random().toString(36).slice(2, 8)}`, 'wrong-password', '198.51.100.40').expect(401);

        const locked = await signIn(username, PASSWORD, '198.51.100.40').expect(429);
        expect(locked.body.code).toBe('LOGIN_LOCKED');
        expect(locked.headers['retry-after']).toBeDefined();
        await signIn(username, PASSWORD, '198.51.100.41').expect(200);
      });
    });

    describe('security headers, body size and CORS', () => {
      it("sends helmet's security headers and no X-Powered-By", async () => {
        const res = await platform.http().get('/health/live').expect(200);
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringMatching(/max-age=\d+/),
          'content-security-policy': expect.stringContaining("default-src 'self'"),
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
      });

      it('refuses a body over 100 kB with 413 and a clear error', async () => {
        const res = await platform
          .http()
          .post('/v1/auth/token')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ username: 'x'.repeat(150_000), password: 'y' }))
          .expect(413);
        expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/too large/i), correlationId: expect.any(String) });
      });

      it('lets only the configured origin read answers cross-origin', async () => {
        const preflight = (origin: string) =>
          platform.http().options('/v1/auth/token').set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type');

        const allowed = await preflight(FAMILY_SITE);
        expect(allowed.status).toBeLessThan(300);
        expect(allowed.headers['access-control-allow-origin']).toBe(FAMILY_SITE);
        expect(allowed.headers['access-control-allow-methods']).toContain('POST');

        const unknown = await preflight('https://evil.example.com');
        expect(unknown.headers['access-control-allow-origin']).toBeUndefined();

        const simple = await platform.http().get('/health/live').set('Origin', 'https://evil.example.com').expect(200);
        expect(simple.headers['access-control-allow-origin']).toBeUndefined();
        const simpleAllowed = await platform.http().get('/health/live').set('Origin', FAMILY_SITE).expect(200);
        expect(simpleAllowed.headers['access-control-allow-origin']).toBe(FAMILY_SITE);
      });
    });
  });

  /** Tight request limits: 4 per account and 6 per address per minute. */
  describe('rate limits', () => {
    let platform: TestPlatform;
    let admin: string;
    let user: string;
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });

    beforeAll(async () => {
      platform = await TestPlatform.start({ services: [], env: { TRUST_PROXY_HOPS: 1, RATE_LIMIT_PER_ACCOUNT: 4, RATE_LIMIT_PER_IP: 6, RATE_LIMIT_WINDOW_SECONDS: 60 } });
      // Sign-ins are anonymous: each counts against the (loopback) address, 2 of its 6.
      admin = await platform.token('admin', ADMIN_PASSWORD);
      const created = await platform.http().post('/v1/accounts').set('Authorization', `Bearer ${admin}`).send({ username: 'rate-limited', displayName: 'Rate Limited', password: PASSWORD, roles: ['planner'] }).expect(201);
      expect(created.headers['x-ratelimit-remaining']).toBe('3'); // the admin account's first request
      user = await platform.token('rate-limited', PASSWORD);
    });
    afterAll(() => platform?.stop());

    it('limits an account to its requests per window with 429, Retry-After and rate-limit headers, whichever address it calls from', async () => {
      const me = (ip: string) => platform.http().get('/v1/accounts/me').set('Authorization', `Bearer ${user}`).set(from(ip));
      const remaining = [];
      for (let i = 0; i < 4; i++) {
        const res = await me(`203.0.113.${i + 1}`).expect(200);
        expect(res.headers['x-ratelimit-limit']).toBe('4');
        remaining.push(res.headers['x-ratelimit-remaining']);
      }
      expect(remaining).toEqual(['3', '2', '1', '0']);

      const refused = await me('203.0.113.9').expect(429);
      expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many requests from this account; retry in \d+ s$/) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.headers).toMatchObject({ 'x-ratelimit-limit': '4', 'x-ratelimit-remaining': '0' });

      // Another account on the same address is counted on its own.
      await platform.http().get('/v1/accounts/me').set('Authorization', `Bearer ${admin}`).set(from('203.0.113.9')).expect(200);
    });

    it('limits anonymous callers per address, counting requests with bad credentials too, and never limits health probes', async () => {
      const anonymous = (ip: string) => platform.http().get('/v1/accounts/me').set(from(ip));
      for (let i = 0; i < 5; i++) await anonymous('192.0.2.1').expect(401);
      const last = await platform.http().get('/v1/accounts/me').set('Authorization', 'Bearer forged').set(from('192.0.2.1')).expect(401);
      expect(last.headers).toMatchObject({ 'x-ratelimit-limit': '6', 'x-ratelimit-remaining': '0' });

      const refused = await anonymous('192.0.2.1').expect(429);
      expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many requests from your address; retry in \d+ s$/) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await platform.http().post('/v1/auth/token').set(from('192.0.2.1')).send({ username: 'rate-limited', password: PASSWORD }).expect(429);

      await anonymous('192.0.2.2').expect(401); // another address has its own count
      for (let i = 0; i < 10; i++) {
        const probe = await platform.http().get('/health/live').set(from('192.0.2.1')).expect(200);
        expect(probe.headers['x-ratelimit-limit']).toBeUndefined();
      }
    });
  });
});
