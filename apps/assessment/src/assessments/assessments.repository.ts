import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Assessment } from '@app/persistence';

/** The only place that queries assessments. */
@Injectable()
export class AssessmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Assessment | null> {
    return manager.findOne(Assessment, { where: { id } });
  }

  /** Locks the draft for a change, so two saves or a save and a submit never interleave. */
  findForUpdate(id: string, manager: EntityManager): Promise<Assessment | null> {
    return manager.createQueryBuilder(Assessment, 'a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  listForSenior(seniorId: string): Promise<Assessment[]> {
    return this.dataSource.manager.find(Assessment, { where: { seniorId }, order: { createdAt: 'ASC' } });
  }

  /** The submitted assessment that supersedes this one, if any. */
  async supersededBy(id: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const row = await manager.findOne(Assessment, { select: { id: true }, where: { supersedesId: id, status: 'submitted' } });
    return row?.id ?? null;
  }

  /** Ids of submitted assessments in the list that a later submitted assessment supersedes. */
  async supersededAmong(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(Assessment, 'a')
      .select(['a.id', 'a.supersedesId'])
      .where('a.supersedes_id IN (:...ids) AND a.status = :submitted', { ids, submitted: 'submitted' })
      .getMany();
    return new Map(rows.map((r) => [r.supersedesId!, r.id]));
  }

  /** The senior's current assessment with an instrument: the latest submitted one nothing supersedes. */
  currentFor(seniorId: string, instrument: string, manager: EntityManager = this.dataSource.manager): Promise<Assessment | null> {
    return manager
      .createQueryBuilder(Assessment, 'a')
      .where('a.senior_id = :seniorId AND a.instrument = :instrument AND a.status = :submitted', { seniorId, instrument, submitted: 'submitted' })
      .andWhere(`NOT EXISTS (SELECT 1 FROM assessment.assessment s WHERE s.supersedes_id = a.id AND s.status = 'submitted')`)
      .orderBy('a.assessed_on', 'DESC')
      .addOrderBy('a.submitted_at', 'DESC')
      .getOne();
  }

  /** Every senior's current assessment per instrument (the latest submitted, not superseded). */
  currentAssessments(manager: EntityManager, seniorId: string): Promise<Assessment[]> {
    return manager
      .createQueryBuilder(Assessment, 'a')
      .distinctOn(['a.instrument'])
      .where('a.senior_id = :seniorId AND a.status = :submitted', { seniorId, submitted: 'submitted' })
      .andWhere(`NOT EXISTS (SELECT 1 FROM assessment.assessment s WHERE s.supersedes_id = a.id AND s.status = 'submitted')`)
      .orderBy('a.instrument')
      .addOrderBy('a.assessed_on', 'DESC')
      .addOrderBy('a.submitted_at', 'DESC')
      .getMany();
  }

  async insert(manager: EntityManager, assessment: Omit<Assessment, 'createdAt' | 'updatedAt' | 'senior' | 'supersedes'>): Promise<void> {
    await manager.insert(Assessment, assessment);
  }

  async saveAnswers(manager: EntityManager, id: string, answers: Record<string, unknown>): Promise<void> {
    await manager.update(Assessment, { id, status: 'draft' }, { answers });
  }

  /** Makes a draft final. Returns false when it was no longer a draft (a concurrent submit won). */
  async submit(
    manager: EntityManager,
    id: string,
    final: Pick<Assessment, 'result' | 'finalLevel' | 'finalLevelName' | 'dueOn' | 'answers'>,
  ): Promise<boolean> {
    const result = await manager.update(Assessment, { id, status: 'draft' }, { ...final, status: 'submitted', submittedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Submitted, current assessments whose due date falls in [from, to]. */
  dueBetween(from: string, to: string, districtCode: string | null): Promise<Assessment[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(Assessment, 'a')
      .innerJoin('a.senior', 's')
      .addSelect(['s.id', 's.districtCode'])
      .where(`a.status = 'submitted' AND a.due_on BETWEEN :from AND :to`, { from, to })
      .andWhere(`NOT EXISTS (SELECT 1 FROM assessment.assessment n WHERE n.senior_id = a.senior_id AND n.instrument = a.instrument AND n.status = 'submitted' AND (n.supersedes_id = a.id OR n.assessed_on > a.assessed_on))`);
    if (districtCode) query.andWhere('s.district_code = :districtCode', { districtCode });
    return query.orderBy('a.due_on').limit(10_000).getMany();
  }
}
