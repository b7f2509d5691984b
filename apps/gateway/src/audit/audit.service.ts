import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/contracts';
import type { AccessAuditor } from '@app/http';
import { AuditRepository } from './audit.repository';

export interface AuditEntryView {
  at: string;
  actorAccountId: string | null;
  actorRoles: string[];
  action: string;
  route: string;
  status: number;
  correlationId: string;
}

/** Who read or changed a senior's data. Denied attempts are recorded too. */
@Injectable()
export class AuditService implements AccessAuditor {
  constructor(private readonly audit: AuditRepository) {}

  async record(entry: { actor: Actor | null; action: string; seniorId: string | null; route: string; status: number; correlationId: string }): Promise<void> {
    await this.audit.insert({
      actorAccountId: entry.actor?.accountId ?? null,
      actorRoles: entry.actor?.roles ?? [],
      action: entry.action,
      seniorId: entry.seniorId,
      route: entry.route,
      status: entry.status,
      correlationId: entry.correlationId,
    });
  }

  async forSenior(seniorId: string): Promise<AuditEntryView[]> {
    return (await this.audit.listForSenior(seniorId, 500)).map((e) => ({
      at: e.at.toISOString(),
      actorAccountId: e.actorAccountId,
      actorRoles: e.actorRoles,
      action: e.action,
      route: e.route,
      status: e.status,
      correlationId: e.correlationId,
    }));
  }
}
