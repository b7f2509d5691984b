import { hashRefreshToken, newRefreshToken, REFRESH_TOKEN_FORMAT, refusalOf } from './refresh-token';

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
});
