import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { DomainError } from '@app/contracts';
import { LimitsRedis } from '../rate-limits/limits-redis';
import { clientAddress } from '../rate-limits/rate-limit-subject';

/** A sign-in refused because its username or address is locked; the answer carries Retry-After. */
export class LoginLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('LOGIN_LOCKED', `Too many failed sign-ins; try again in ${retryAfterSeconds} s`);
  }
}

/** Seconds until the longest of the given locks ends (Redis PTTL answers: -2 no key, -1 no expiry), or null when none holds. */
export function retryAfterSeconds(pttls: readonly number[]): number | null {
  const longest = Math.max(0, ...pttls);
  return longest > 0 ? Math.ceil(longest / 1000) : null;
}

/**
 * Counts one failure and locks the subject once the count reaches the limit within the window.
 * KEYS: failures counter, lock. ARGV: window ms, limit, lock ms. Returns the count (0 once locked).
 */
const RECORD_FAILURE = `
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if failures >= tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return 0
end
return failures`;

/**
 * Failed sign-ins counted in Redis three ways, each locking for LOGIN_LOCKOUT_SECONDS once it reaches
 * its limit within the window: a username from one address (LOGIN_MAX_FAILURES_PER_USERNAME; locks
 * the username for that address only, so failing on purpose cannot lock its owner out elsewhere), a
 * username from all addresses together (LOGIN_MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES, against
 * guessing spread over many addresses), and an address on all usernames (LOGIN_MAX_FAILURES_PER_IP).
 * Usernames are counted whether an account has them or not, and keyed by a hash, so a lock tells
 * nothing about which accounts exist.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly redis: LimitsRedis,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Throws LOGIN_LOCKED while the username or the address is locked. */
  async assertOpen(username: string, ip: string | undefined): Promise<void> {
    const locks = this.subjects(username, ip).map((s) => s.lock);
    const pttls = await Promise.all(locks.map((key) => this.redis.client.pttl(key)));
    const retryAfter = retryAfterSeconds(pttls);
    if (retryAfter !== null) throw new LoginLockedError(retryAfter);
  }

  async recordFailure(username: string, ip: string | undefined): Promise<void> {
    const windowMs = this.env.LOGIN_FAILURE_WINDOW_SECONDS * 1000;
    const lockMs = this.env.LOGIN_LOCKOUT_SECONDS * 1000;
    await Promise.all(this.subjects(username, ip).map((s) => this.redis.client.eval(RECORD_FAILURE, 2, s.failures, s.lock, windowMs, s.limit, lockMs)));
  }

  /**
   * A successful sign-in forgets the username's failures from its address (not the address's on
   * other usernames, nor the username's from elsewhere: one good sign-in must not clear a guesser's count).
   */
  async recordSuccess(username: string, ip: string | undefined): Promise<void> {
    await this.redis.client.del(this.subjects(username, ip)[0]!.failures);
  }

  /** The username from this address first, then the username anywhere, then the address. */
  private subjects(username: string, ip: string | undefined): Array<{ failures: string; lock: string; limit: number }> {
    const user = createHash('sha256').update(username.toLowerCase()).digest('hex');
    const address = ip ? clientAddress(ip) : 'unknown-address';
    const subject = (parts: string[], limit: number) => ({ failures: this.redis.key('login', ...parts, 'failures'), lock: this.redis.key('login', ...parts, 'lock'), limit });
    const subjects = [
      subject(['user-at', user, address], this.env.LOGIN_MAX_FAILURES_PER_USERNAME),
      subject(['user', user], this.env.LOGIN_MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES),
    ];
    if (ip) subjects.push(subject(['ip', address], this.env.LOGIN_MAX_FAILURES_PER_IP));
    return subjects;
  }
}
