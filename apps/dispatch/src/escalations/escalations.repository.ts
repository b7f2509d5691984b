import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EscalationCase } from '@app/persistence';

export type EscalationCaseView = EscalationCase & { seniorName: string; livesAlone: boolean };

/** The only place that reads and writes "no answer at the door" cases. */
@Injectable()
export class EscalationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, row: EscalationCase): Promise<void> {
    await manager.insert(EscalationCase, row);
  }

  forUpdate(manager: EntityManager, id: string): Promise<EscalationCase | null> {
    return manager.findOne(EscalationCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: EscalationCase): Promise<void> {
    await manager.save(EscalationCase, row);
  }

  async view(id: string): Promise<EscalationCaseView | null> {
    return (await this.views('c.id = $1', [id]))[0] ?? null;
  }

  list(districtCode: string, kitchenId: string | null, openOnly: boolean): Promise<EscalationCaseView[]> {
    return this.views(`c.district_code = $1 AND ($2::uuid IS NULL OR c.kitchen_id = $2) AND (NOT $3 OR c.status = 'open')`, [districtCode, kitchenId, openOnly]);
  }

  startedBetween(districtCode: string, from: Date, until: Date): Promise<EscalationCase[]> {
    return this.dataSource.manager.createQueryBuilder(EscalationCase, 'c').where('c.district_code = :districtCode AND c.started_at >= :from AND c.started_at < :until', { districtCode, from, until }).getMany();
  }

  /** Open cases whose step deadline passed a while ago: their delayed job may have been lost. */
  async overdue(graceSeconds: number): Promise<Array<{ id: string; current_step: string }>> {
    return this.dataSource.query(`SELECT id, current_step FROM dispatch.escalation_case WHERE status = 'open' AND step_deadline < now() - make_interval(secs => $1)`, [graceSeconds]);
  }

  private async views(where: string, params: unknown[]): Promise<EscalationCaseView[]> {
    const rows: Array<{ id: string; name: string; lives_alone: boolean }> = await this.dataSource.query(
      `SELECT c.id, s.name, s.lives_alone FROM dispatch.escalation_case c JOIN dispatch.senior_view s ON s.senior_id = c.senior_id WHERE ${where}
       ORDER BY c.status DESC, c.step_deadline`,
      params,
    );
    if (rows.length === 0) return [];
    const cases = await this.dataSource.manager.createQueryBuilder(EscalationCase, 'c').where('c.id IN (:...ids)', { ids: rows.map((r) => r.id) }).getMany();
    const byId = new Map(cases.map((c) => [c.id, c]));
    return rows.map((r) => Object.assign(byId.get(r.id)!, { seniorName: r.name, livesAlone: r.lives_alone }));
  }
}
