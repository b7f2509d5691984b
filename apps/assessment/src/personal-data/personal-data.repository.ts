import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ERASED_LOCATION_DECIMALS, ERASED_TEXT, type PersonalDataRows, type ServiceErasureResult } from '@app/contracts';
import { AssessmentSeniorErasure, countAffected, countRows, type JsonDocument, personalDataRows, roundedPointSql } from '@app/persistence';

/** The only place that queries the assessment schema for a senior's export and erasure. */
@Injectable()
export class PersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  erasure(seniorId: string, manager: EntityManager = this.dataSource.manager): Promise<AssessmentSeniorErasure | null> {
    return manager.findOne(AssessmentSeniorErasure, { where: { seniorId } });
  }

  /** Locks the senior's row; false when there is no such senior. */
  async lockSenior(manager: EntityManager, seniorId: string): Promise<boolean> {
    return ((await manager.query(`SELECT 1 FROM assessment.senior WHERE id = $1 FOR UPDATE`, [seniorId])) as unknown[]).length > 0;
  }

  async tables(seniorId: string): Promise<Record<string, PersonalDataRows>> {
    const m = this.dataSource.manager;
    return {
      // The ID number is shown by the gateway (revealed or masked by role); its cipher and hash are not the senior's data to read.
      senior: await personalDataRows(m, 'assessment.senior', seniorId, { where: 't.id = $1', geography: ['location'], omit: ['id_number_cipher', 'id_number_hash', 'id_number_last4'] }),
      senior_priority_flag: await personalDataRows(m, 'assessment.senior_priority_flag', seniorId, { orderBy: 't.id' }),
      assessment: await personalDataRows(m, 'assessment.assessment', seniorId, { orderBy: 't.created_at' }),
      entitlement_snapshot: await personalDataRows(m, 'assessment.entitlement_snapshot', seniorId, { orderBy: 't.id' }),
      reassessment_task: await personalDataRows(m, 'assessment.reassessment_task', seniorId, { orderBy: 't.created_at' }),
    };
  }

  eraseRegistration(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(
      manager,
      `UPDATE assessment.senior SET name = $2, id_number_cipher = '', id_number_hash = 'erased:' || id::text, id_number_last4 = '',
         address_text = $2, phone = NULL, location = ${roundedPointSql('location', ERASED_LOCATION_DECIMALS)}
       WHERE id = $1 RETURNING 1`,
      [seniorId, ERASED_TEXT],
    );
  }

  eraseFlagEvidence(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(manager, `UPDATE assessment.senior_priority_flag SET evidence = $2 WHERE senior_id = $1 RETURNING 1`, [seniorId, ERASED_TEXT]);
  }

  deleteDrafts(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(manager, `DELETE FROM assessment.assessment WHERE senior_id = $1 AND status = 'draft' RETURNING 1`, [seniorId]);
  }

  eraseTasks(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(
      manager,
      `UPDATE assessment.reassessment_task SET reason = $2, raised_by = $2, closed_at = COALESCE(closed_at, now()) WHERE senior_id = $1 RETURNING 1`,
      [seniorId, ERASED_TEXT],
    );
  }

  /** senior.registered events carry the name, the address text and the location: the outbox keeps them de-identified too. */
  eraseRegistrationEvents(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(
      manager,
      `UPDATE assessment.outbox_event SET payload = payload || jsonb_build_object(
          'name', $2::text,
          'address', jsonb_build_object('text', $2::text, 'streetCode', payload->'address'->'streetCode'),
          'location', jsonb_build_object('lat', round((payload->'location'->>'lat')::numeric, ${ERASED_LOCATION_DECIMALS}), 'lng', round((payload->'location'->>'lng')::numeric, ${ERASED_LOCATION_DECIMALS})))
       WHERE type = 'senior.registered' AND payload->>'seniorId' = $1 RETURNING 1`,
      [seniorId, ERASED_TEXT],
    );
  }

  async keptCounts(manager: EntityManager, seniorId: string): Promise<{ assessments: number; snapshots: number; flags: number }> {
    return {
      assessments: await countRows(manager, `SELECT count(*)::int AS n FROM assessment.assessment WHERE senior_id = $1`, [seniorId]),
      snapshots: await countRows(manager, `SELECT count(*)::int AS n FROM assessment.entitlement_snapshot WHERE senior_id = $1`, [seniorId]),
      flags: await countRows(manager, `SELECT count(*)::int AS n FROM assessment.senior_priority_flag WHERE senior_id = $1`, [seniorId]),
    };
  }

  async recordErasure(manager: EntityManager, row: { seniorId: string; reason: string; requestedBy: string; erasedAt: Date; result: ServiceErasureResult }): Promise<void> {
    await manager.insert(AssessmentSeniorErasure, { ...row, result: row.result as unknown as JsonDocument });
  }
}
