import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditEntry } from '@app/persistence';

/** The only place that writes and reads the audit log. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await this.dataSource.manager.insert(AuditEntry, entry);
  }

  listForSenior(seniorId: string, limit: number): Promise<AuditEntry[]> {
    return this.dataSource.manager.find(AuditEntry, { where: { seniorId }, order: { at: 'DESC' }, take: limit });
  }
}
