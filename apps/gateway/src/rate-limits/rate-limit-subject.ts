import { normalizeIp } from '@nestjs/throttler';
import type { Actor } from '@app/contracts';

/** Who a request is counted against: the account when its credentials hold, otherwise the caller's IP address. */
export type RateLimitSubject = { kind: 'account'; accountId: string } | { kind: 'ip'; ip: string };

export interface RateLimits {
  perAccount: number;
  perIp: number;
}

export function subjectOf(actor: Actor | null, ip: string | undefined): RateLimitSubject {
  return actor ? { kind: 'account', accountId: actor.accountId } : { kind: 'ip', ip: clientAddress(ip) };
}

/**
 * The address a caller is counted under: an IPv4 address as it is (also when IPv4-mapped), an IPv6
 * address by its /64, since one household or host usually holds a whole /64.
 */
export function clientAddress(ip: string | undefined): string {
  return ip ? normalizeIp(ip) : 'unknown';
}

/** The counter's name: one per account or IP address for all routes together. */
export function trackerOf(subject: RateLimitSubject): string {
  return subject.kind === 'account' ? `account:${subject.accountId}` : `ip:${subject.ip}`;
}

export function limitOf(subject: RateLimitSubject, limits: RateLimits): number {
  return subject.kind === 'account' ? limits.perAccount : limits.perIp;
}

/** What a caller over its limit is told. */
export function rateLimitMessage(subject: RateLimitSubject, retryAfterSeconds: number): string {
  const who = subject.kind === 'account' ? 'this account' : 'your address';
  return `Too many requests from ${who}; retry in ${retryAfterSeconds} s`;
}
