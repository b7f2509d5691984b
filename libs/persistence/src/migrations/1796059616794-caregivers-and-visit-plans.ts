import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaregiversAndVisitPlans1796059616794 implements MigrationInterface {
  name = 'CaregiversAndVisitPlans1796059616794';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "dispatch"."caregiver" ("id" uuid NOT NULL, "district_code" text NOT NULL, "account_id" uuid, "name" text NOT NULL, "profile" jsonb NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_114bf658fe2b416245381f89be0" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "caregiver_account" ON "dispatch"."caregiver"  ("account_id") WHERE account_id IS NOT NULL`);
    await q.query(`CREATE INDEX "caregiver_district" ON "dispatch"."caregiver"  ("district_code") `);
    await q.query(`CREATE TABLE "dispatch"."visit_plan_version" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "senior_id" uuid NOT NULL, "valid_from" date NOT NULL, "valid_until" date, "plan" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bd8247b7c75e478358f17ca43e5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "visit_plan_senior_from" ON "dispatch"."visit_plan_version"  ("senior_id", "valid_from") `);
  }

  async down(): Promise<void> {
    throw new Error('CaregiversAndVisitPlans1796059616794 is not reversible: restore from backup');
  }
}
