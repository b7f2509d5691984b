import { clientAddress, limitOf, rateLimitMessage, subjectOf, trackerOf } from './rate-limit-subject';

describe('rate-limit subject', () => {
  const actor = { accountId: '6f1c2f8e-3c1b-4c7e-9d7a-1a2b3c4d5e6f', roles: ['planner' as const], facilityIds: [], kitchenIds: [] };
  const limits = { perAccount: 600, perIp: 120 };

  it('counts an authenticated caller per account, wherever it calls from', () => {
    const fromHome = subjectOf(actor, '10.0.0.1');
    const fromWork = subjectOf(actor, '10.0.0.2');
    expect(trackerOf(fromHome)).toBe(trackerOf(fromWork));
    expect(trackerOf(fromHome)).toBe(`account:${actor.accountId}`);
    expect(limitOf(fromHome, limits)).toBe(600);
  });

  it('counts an anonymous caller per IP address, with the IP limit', () => {
    const subject = subjectOf(null, '10.0.0.1');
    expect(trackerOf(subject)).toBe('ip:10.0.0.1');
    expect(trackerOf(subjectOf(null, '10.0.0.2'))).not.toBe(trackerOf(subject));
    expect(limitOf(subject, limits)).toBe(120);
  });

  it('counts IPv4 addresses as they are and IPv6 addresses by their /64', () => {
    expect(clientAddress('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clientAddress('203.0.113.5')).toBe('203.0.113.5');
    expect(clientAddress('2001:db8:1:2:3:4:5:6')).toBe(clientAddress('2001:db8:1:2:ffff::1'));
    expect(clientAddress('2001:db8:1:2::1')).not.toBe(clientAddress('2001:db8:1:3::1'));
    expect(clientAddress(undefined)).toBe('unknown');
  });

  it('says whose limit was reached and when to retry', () => {
    expect(rateLimitMessage(subjectOf(actor, '10.0.0.1'), 42)).toBe('Too many requests from this account; retry in 42 s');
    expect(rateLimitMessage(subjectOf(null, '10.0.0.1'), 7)).toBe('Too many requests from your address; retry in 7 s');
  });
});
