import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OccupancyReasonsAndOneBedPerSenior1795391503986 implements MigrationInterface {
  name = 'OccupancyReasonsAndOneBedPerSenior1795391503986';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "allocation"."bed_occupancy" ADD "end_reason" text`);
    await q.query(`ALTER TABLE "allocation"."bed_occupancy" ADD "created_by" uuid`);
    await q.query(`ALTER TABLE "allocation"."bed_occupancy" ADD CONSTRAINT "bed_occupancy_one_bed_per_senior" EXCLUDE USING gist ("senior_id" WITH =, "during" WITH &&)`);
  }

  async down(): Promise<void> {
    throw new Error('OccupancyReasonsAndOneBedPerSenior1795391503986 is not reversible: restore from backup');
  }
}
