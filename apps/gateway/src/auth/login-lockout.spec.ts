import { LoginLockedError, retryAfterSeconds } from './login-lockout';

describe('login lockout', () => {
  it('is open when no lock key exists or none has time left', () => {
    expect(retryAfterSeconds([-2, -2])).toBeNull();
    expect(retryAfterSeconds([])).toBeNull();
    expect(retryAfterSeconds([0])).toBeNull();
  });

  it('waits for the longest lock, rounded up to whole seconds', () => {
    expect(retryAfterSeconds([-2, 1])).toBe(1);
    expect(retryAfterSeconds([90_001, 30_000])).toBe(91);
  });

  it('refuses with LOGIN_LOCKED and says when to retry', () => {
    const error = new LoginLockedError(60);
    expect(error.code).toBe('LOGIN_LOCKED');
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.message).toBe('Too many failed sign-ins; try again in 60 s');
  });
});
