import { createHash, randomBytes } from 'node:crypto';

/** What a refresh token looks like: a prefix (so a leaked one is recognisable) and 32 random bytes in base64url. */
export const REFRESH_TOKEN_FORMAT = /^ecr_[A-Za-z0-9_-]{43}$/;

/** A new opaque refresh token. Only its hash is stored. */
export function newRefreshToken(): string {
  return `ecr_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a refresh token: 256 random bits need no slow hash, a SHA-256 is enough. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a stored refresh token says about a presented one that could not be exchanged. */
export type RefreshRefusal = 'unknown' | 'reused' | 'revoked' | 'expired';

/**
 * Why a stored token cannot be exchanged, checked in this order: a token already exchanged is a
 * reuse (someone holds a copy), whatever else happened to it since; then a revoked family; then age.
 * null when it can be exchanged.
 */
export function refusalOf(token: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date): RefreshRefusal | null {
  if (!token) return 'unknown';
  if (token.usedAt) return 'reused';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/**
 * A used token that comes back within the leeway of its use, in a sign-in still open: two tabs or a
 * retried request refreshing at once. It gets tokens of its own in the same sign-in instead of being
 * taken for a stolen copy.
 */
export function isConcurrentRefresh(token: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date, leewayMs: number): boolean {
  if (!token?.usedAt || token.revokedAt || token.expiresAt.getTime() <= now.getTime()) return false;
  return now.getTime() - token.usedAt.getTime() < leewayMs;
}
