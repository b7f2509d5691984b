/**
 * Pushing events to systems outside the platform (kitchens' systems, families' apps): where a push
 * may go, and how it is signed so the receiver can tell it came from us and was not replayed.
 */
import { createHmac } from 'node:crypto';

/** Private, loopback, link-local, carrier-grade NAT and IPv4-mapped address literals: a push must not reach the platform's own network. */
const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|0\.|\[(::1?\]|f[cd][0-9a-f]{2}:|fe80:|::ffff:))/i;

/**
 * HTTPS to a public host. Outside production, plain HTTP to this machine is allowed too (a local
 * bridge in a demo, tests). Names that resolve to private addresses are not caught here: production
 * should also route pushes through an egress proxy.
 */
export function webhookUrlProblems(url: string, allowLoopbackHttp: boolean): Array<{ field: string; problems: string[] }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ field: 'url', problems: ['is not a URL'] }];
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (allowLoopbackHttp && loopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return [];
  if (parsed.protocol !== 'https:') return [{ field: 'url', problems: ['must be https'] }];
  if (PRIVATE_HOST.test(parsed.hostname)) return [{ field: 'url', problems: ['must be a public host, not a private or loopback address'] }];
  return [];
}

/** `X-Eldercare-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the receiver's secret>`. */
export function webhookSignature(secret: string, body: string, timestamp: number = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
