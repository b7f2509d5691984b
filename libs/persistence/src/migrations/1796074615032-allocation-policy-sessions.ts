import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AllocationPolicySessions1796074615032 implements MigrationInterface {
  name = 'AllocationPolicySessions1796074615032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "allocation"."allocation_policy" ADD "day_care_morning_starts" text NOT NULL DEFAULT '08:00'`);
    await q.query(`ALTER TABLE "allocation"."allocation_policy" ADD "day_care_afternoon_starts" text NOT NULL DEFAULT '13:00'`);
    await q.query(`ALTER TABLE "allocation"."allocation_policy" ADD "created_by" uuid`);
    await q.query(`ALTER TABLE "allocation"."allocation_policy" ADD CONSTRAINT "allocation_policy_sessions" CHECK (day_care_morning_starts ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND day_care_afternoon_starts ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND day_care_morning_starts < day_care_afternoon_starts)`);
  }

  async down(): Promise<void> {
    throw new Error('AllocationPolicySessions1796074615032 is not reversible: restore from backup');
  }
}
