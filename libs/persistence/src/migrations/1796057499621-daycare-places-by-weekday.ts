import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DaycarePlacesByWeekday1796057499621 implements MigrationInterface {
  name = 'DaycarePlacesByWeekday1796057499621';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "allocation"."facility" ADD "day_care_week" jsonb`);
  }

  async down(): Promise<void> {
    throw new Error('DaycarePlacesByWeekday1796057499621 is not reversible: restore from backup');
  }
}
