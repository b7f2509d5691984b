import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { addMonths, idNumberLookupHash } from '@app/domain';
import { Assessment, AssessmentOutboxEvent, Senior } from '@app/persistence';
import { DistrictPoliciesRepository } from '../entitlements/district-policies.repository';
import { DistrictPoliciesService } from '../entitlements/district-policies.service';
import type { ImportRow, RejectedRow } from './import-row';

export interface ImportedBatch {
  imported: number;
  rejected: RejectedRow[];
  /** Seniors whose current assessment may have changed: their entitlements need deriving again. */
  seniors: Set<string>;
}

/**
 * Writes validated historical assessments as submitted assessments, a batch per transaction. When
 * a batch fails in the database (an unknown senior, say), its rows are written one by one so only
 * the failing rows are rejected: a row is imported whole or not at all.
 */
export class AssessmentImporter {
  private readonly policies: DistrictPoliciesService;
  private readonly seniorsByHash = new Map<string, { id: string; districtCode: string } | null>();
  private readonly seniorsById = new Map<string, { id: string; districtCode: string } | null>();
  private readonly routineMonths = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly importerAccountId: string,
    private readonly idHashKey: string,
    private readonly today: string,
  ) {
    this.policies = new DistrictPoliciesService(new DistrictPoliciesRepository(dataSource));
  }

  async importBatch(rows: ImportRow[]): Promise<ImportedBatch> {
    const outcome: ImportedBatch = { imported: 0, rejected: [], seniors: new Set() };
    const resolved: Array<{ row: ImportRow; senior: { id: string; districtCode: string } }> = [];
    await this.resolveSeniors(rows);
    for (const row of rows) {
      const senior = row.seniorId ? this.seniorsById.get(row.seniorId) : this.seniorsByHash.get(this.hash(row.idNumber!));
      if (!senior) outcome.rejected.push({ line: row.line, reason: 'no registered senior with this seniorId or idNumber' });
      else resolved.push({ row, senior });
    }
    const records = await Promise.all(resolved.map(({ row, senior }) => this.recordOf(row, senior)));
    try {
      await this.dataSource.transaction((manager) => this.write(manager, records));
      outcome.imported = records.length;
    } catch {
      for (const record of records) {
        try {
          await this.dataSource.transaction((manager) => this.write(manager, [record]));
          outcome.imported += 1;
        } catch (error) {
          outcome.rejected.push({ line: record.line, reason: `database refused the row: ${(error as Error).message}` });
          continue;
        }
      }
    }
    for (const record of records) outcome.seniors.add(record.seniorId);
    return outcome;
  }

  private async write(manager: EntityManager, records: Array<Omit<Assessment, 'createdAt' | 'updatedAt' | 'senior' | 'supersedes'> & { line: number }>): Promise<void> {
    if (records.length === 0) return;
    await manager.insert(Assessment, records.map(({ line: _line, ...assessment }) => assessment));
    // Other services learn each senior's newest imported level, as after any submit.
    const newest = new Map<string, (typeof records)[number]>();
    for (const r of records) if (!newest.has(r.seniorId) || newest.get(r.seniorId)!.assessedOn < r.assessedOn) newest.set(r.seniorId, r);
    await manager.insert(
      AssessmentOutboxEvent,
      [...newest.values()].map((r) => ({
        eventId: randomUUID(),
        type: 'assessment.finalized',
        payload: { assessmentId: r.id, seniorId: r.seniorId, instrument: r.instrument, finalLevel: r.finalLevel, finalLevelName: r.finalLevelName, assessedOn: r.assessedOn, dueOn: r.dueOn, supersedesId: null },
        correlationId: `import-${this.importerAccountId}`,
        publishedAt: null,
      })),
    );
  }

  private async recordOf(row: ImportRow, senior: { id: string; districtCode: string }) {
    const result = row.result as unknown as Record<string, unknown> & { finalLevel?: number | null; finalLevelName?: string | null; kind: string; validUntil?: string };
    const dueOn = result.kind === 'recorded' && result.validUntil ? result.validUntil : addMonths(row.assessedOn, await this.routineMonthsFor(senior.districtCode));
    return {
      line: row.line,
      id: randomUUID(),
      seniorId: senior.id,
      instrument: row.instrument,
      status: 'submitted' as const,
      reason: row.reason,
      supersedesId: null,
      correctionReason: null,
      answers: row.answers,
      result,
      finalLevel: result.finalLevel ?? null,
      finalLevelName: result.finalLevelName ?? null,
      assessorId: this.importerAccountId,
      assessedOn: row.assessedOn,
      dueOn,
      submittedAt: new Date(),
    };
  }

  private async routineMonthsFor(districtCode: string): Promise<number> {
    let months = this.routineMonths.get(districtCode);
    if (months === undefined) {
      months = (await this.policies.reassessmentTiming(null, districtCode, this.today)).routineMonths;
      this.routineMonths.set(districtCode, months);
    }
    return months;
  }

  /** Looks up the batch's seniors in two queries, remembering them for later batches. */
  private async resolveSeniors(rows: ImportRow[]): Promise<void> {
    const ids = [...new Set(rows.filter((r) => r.seniorId && !this.seniorsById.has(r.seniorId)).map((r) => r.seniorId!))];
    const hashes = [...new Set(rows.filter((r) => !r.seniorId).map((r) => this.hash(r.idNumber!)).filter((h) => !this.seniorsByHash.has(h)))];
    const repo = this.dataSource.getRepository(Senior);
    if (ids.length > 0) {
      const found = await repo.createQueryBuilder('s').select(['s.id', 's.districtCode']).where('s.id IN (:...ids)', { ids }).getMany();
      for (const id of ids) this.seniorsById.set(id, null);
      for (const s of found) this.seniorsById.set(s.id, { id: s.id, districtCode: s.districtCode });
    }
    if (hashes.length > 0) {
      const found = await repo.createQueryBuilder('s').select(['s.id', 's.districtCode', 's.idNumberHash']).where('s.id_number_hash IN (:...hashes)', { hashes }).getMany();
      for (const h of hashes) this.seniorsByHash.set(h, null);
      for (const s of found) this.seniorsByHash.set(s.idNumberHash, { id: s.id, districtCode: s.districtCode });
    }
  }

  private hash(idNumber: string): string {
    return idNumberLookupHash(idNumber, this.idHashKey);
  }
}
