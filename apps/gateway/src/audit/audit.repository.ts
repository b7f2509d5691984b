import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditEntry } from '@app/persistence';

/** The only place that writes and reads the audit log. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await this.insertMany([entry]);
  }

  /**
   * One multi-row INSERT, committed when it returns (its own transaction). Each row is stamped with
   * clock_timestamp(), so rows keep the order they were recorded in and the time of the insert.
   */
  async insertMany(entries: ReadonlyArray<Omit<AuditEntry, 'id' | 'at'>>): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map((e) => {
      const n = values.push(e.actorAccountId, e.actorRoles, e.action, e.seniorId, e.route, e.status, e.correlationId);
      const p = (i: number) => `$${n - 7 + i}`;
      return `(clock_timestamp(), ${p(1)}::uuid, ${p(2)}::text[], ${p(3)}, ${p(4)}::uuid, ${p(5)}, ${p(6)}::int, ${p(7)})`;
    });
    await this.dataSource.query(
      `INSERT INTO identity.audit_entry (at, actor_account_id, actor_roles, action, senior_id, route, status, correlation_id) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  listForSenior(seniorId: string, limit: number): Promise<AuditEntry[]> {
    return this.dataSource.manager.find(AuditEntry, { where: { seniorId }, order: { at: 'DESC' }, take: limit });
  }
}
