import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ReassessmentTask } from '@app/persistence';

/** The only place that queries reassessment tasks. */
@Injectable()
export class ReassessmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Raises a task once: the same senior, kind and key twice is the first task. */
  async raise(task: Pick<ReassessmentTask, 'seniorId' | 'kind' | 'dedupeKey' | 'dueOn' | 'reason' | 'raisedBy'>, manager: EntityManager = this.dataSource.manager): Promise<ReassessmentTask> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ReassessmentTask)
      .values({ ...task, id: randomUUID(), closedAt: null, closedByAssessmentId: null })
      .orIgnore()
      .execute();
    return (await manager.findOne(ReassessmentTask, { where: { seniorId: task.seniorId, kind: task.kind, dedupeKey: task.dedupeKey } }))!;
  }

  /** A submitted assessment answers every open task of its senior. */
  async closeOpenTasks(manager: EntityManager, seniorId: string, assessmentId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ReassessmentTask)
      .set({ closedAt: () => 'now()', closedByAssessmentId: assessmentId })
      .where('senior_id = :seniorId AND closed_at IS NULL', { seniorId })
      .execute();
  }

  list(districtCode: string | null, openOnly: boolean): Promise<ReassessmentTask[]> {
    const query = this.dataSource.manager.createQueryBuilder(ReassessmentTask, 't');
    if (openOnly) query.where('t.closed_at IS NULL');
    if (districtCode) query.innerJoin('t.senior', 's').andWhere('s.district_code = :districtCode', { districtCode });
    return query.orderBy('t.due_on').limit(10_000).getMany();
  }
}
