import type { ServiceName } from './queues';

export interface PingReply {
  service: ServiceName;
  at: string;
}

/** Every service answers these: readiness probes and benchmarks use them. */
export interface SystemCommands {
  'system.ping': { request: Record<string, never>; reply: PingReply };
}
