import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DayCareCancelLeadTime1796065176179 implements MigrationInterface {
  name = 'DayCareCancelLeadTime1796065176179';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "allocation"."allocation_policy" ADD "day_care_cancel_lead_hours" integer NOT NULL DEFAULT '12'`);
  }

  async down(): Promise<void> {
    throw new Error('DayCareCancelLeadTime1796065176179 is not reversible: restore from backup');
  }
}
