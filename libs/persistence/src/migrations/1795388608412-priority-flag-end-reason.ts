import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PriorityFlagEndReason1795388608412 implements MigrationInterface {
  name = 'PriorityFlagEndReason1795388608412';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assessment"."senior_priority_flag" ADD "end_reason" text`);
  }

  async down(): Promise<void> {
    throw new Error('PriorityFlagEndReason1795388608412 is not reversible: restore from backup');
  }
}
