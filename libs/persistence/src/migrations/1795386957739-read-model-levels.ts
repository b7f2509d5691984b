import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReadModelLevels1795386957739 implements MigrationInterface {
  name = 'ReadModelLevels1795386957739';

  async up(q: QueryRunner): Promise<void> {
    // Rows from before: the district of seniors registered without one (their senior.registered carried none).
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "district_code" text NOT NULL DEFAULT '310112'`);
    await q.query(`ALTER TABLE "allocation"."senior_view" ALTER COLUMN "district_code" DROP DEFAULT`);
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "level" integer`);
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "level_instrument" text`);
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "level_assessed_on" date`);
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "entitlements" jsonb`);
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "entitlements_at" TIMESTAMP WITH TIME ZONE`);
    // Rows from before: the district of seniors registered without one (their senior.registered carried none).
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "district_code" text NOT NULL DEFAULT '310112'`);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ALTER COLUMN "district_code" DROP DEFAULT`);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "level" integer`);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "level_instrument" text`);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "level_assessed_on" date`);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "entitlements" jsonb`);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "entitlements_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(): Promise<void> {
    throw new Error('ReadModelLevels1795386957739 is not reversible: restore from backup');
  }
}
