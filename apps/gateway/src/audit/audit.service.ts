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

type AuditRow = Parameters<AuditRepository['insertMany']>[0][number];

/** The most rows one INSERT carries (7 parameters each, far below PostgreSQL's 65,535). */
const MAX_BATCH = 500;

/**
 * Who read or changed a senior's data. Denied attempts are recorded too.
 *
 * Group commit: `record` resolves only once its entry is committed, as before, but entries recorded
 * while an INSERT is in flight wait for it to finish and then go together in the next multi-row
 * INSERT (one round trip and one WAL flush for many requests). A lone request is written at once,
 * with no added delay. If a batch fails, its rows are tried one by one, so a bad row fails only its
 * own request; a request whose entry cannot be written fails, as before.
 */
@Injectable()
export class AuditService implements AccessAuditor {
  private pending: Array<{ row: AuditRow; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly audit: AuditRepository) {}

  record(entry: { actor: Actor | null; action: string; seniorId: string | null; route: string; status: number; correlationId: string }): Promise<void> {
    const row: AuditRow = {
      actorAccountId: entry.actor?.accountId ?? null,
      actorRoles: entry.actor?.roles ?? [],
      action: entry.action,
      seniorId: entry.seniorId,
      route: entry.route,
      status: entry.status,
      correlationId: entry.correlationId,
    };
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          await this.audit.insertMany(batch.map((b) => b.row));
          for (const b of batch) b.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else {
            await Promise.all(
              batch.map((b) =>
                this.audit.insertMany([b.row]).then(
                  () => b.resolve(),
                  (e: unknown) => b.reject(e),
                ),
              ),
            );
          }
        }
      }
    } finally {
      this.flushing = false;
    }
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
