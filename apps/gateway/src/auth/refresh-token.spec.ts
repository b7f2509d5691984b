import { hashRefreshToken, isConcurrentRefresh, newRefreshToken, REFRESH_TOKEN_FORMAT, refusalOf } from './refresh-token';

describe('refresh tokens', () => {
  it('are random, recognisable and stored only as a hash', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a).toMatch(REFRESH_TOKEN_FORMAT);
    expect(a).not.toBe(b);
    expect(hashRefreshToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(a)).toBe(hashRefreshToken(a));
    expect(hashRefreshToken(a)).not.toContain(a.slice(4));
  });

  describe('refusalOf', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const later = new Date('2026-12-02T08:00:00Z');
    const fresh = { usedAt: null, revokedAt: null, expiresAt: later };

    it('accepts an unused, unrevoked token within its lifetime', () => {
      expect(refusalOf(fresh, now)).toBeNull();
    });

    it('calls a used token a reuse, even once its family is revoked or it has expired', () => {
      expect(refusalOf({ ...fresh, usedAt: now }, now)).toBe('reused');
      expect(refusalOf({ usedAt: now, revokedAt: now, expiresAt: now }, later)).toBe('reused');
    });

    it('refuses an unknown, revoked or expired token', () => {
      expect(refusalOf(null, now)).toBe('unknown');
      expect(refusalOf({ ...fresh, revokedAt: now }, now)).toBe('revoked');
      expect(refusalOf(fresh, later)).toBe('expired');
    });
  });

  describe('isConcurrentRefresh', () => {
    const usedAt = new Date('2026-12-01T08:00:00Z');
    const used = { usedAt, revokedAt: null, expiresAt: new Date('2026-12-02T08:00:00Z') };
    const after = (ms: number) => new Date(usedAt.getTime() + ms);

    it('takes a used token back within the leeway of its use for a second tab', () => {
      expect(isConcurrentRefresh(used, after(0), 10_000)).toBe(true);
      expect(isConcurrentRefresh(used, after(9_999), 10_000)).toBe(true);
    });

    it('calls it a reuse from the end of the leeway on, or when the leeway is 0', () => {
      expect(isConcurrentRefresh(used, after(10_000), 10_000)).toBe(false);
      expect(isConcurrentRefresh(used, after(0), 0)).toBe(false);
    });

    it('never takes back an unused, revoked, expired or unknown token', () => {
      expect(isConcurrentRefresh({ ...used, usedAt: null }, after(1), 10_000)).toBe(false);
      expect(isConcurrentRefresh({ ...used, revokedAt: usedAt }, after(1), 10_000)).toBe(false);
      expect(isConcurrentRefresh({ ...used, expiresAt: usedAt }, after(1), 10_000)).toBe(false);
      expect(isConcurrentRefresh(null, after(1), 10_000)).toBe(false);
    });
  });
});
