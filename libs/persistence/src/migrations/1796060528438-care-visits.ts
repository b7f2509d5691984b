import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CareVisits1796060528438 implements MigrationInterface {
  name = 'CareVisits1796060528438';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "dispatch"."care_visit" ("id" text NOT NULL, "district_code" text NOT NULL, "week_start" date NOT NULL, "senior_id" uuid NOT NULL, "date" date NOT NULL, "caregiver_id" uuid, "planned_start" TIMESTAMP WITH TIME ZONE, "duration_minutes" integer NOT NULL, "tasks" text array NOT NULL, "status" text NOT NULL, "unassigned_reason" text, CONSTRAINT "care_visit_status_known" CHECK (status IN ('planned','unassigned')), CONSTRAINT "PK_5d5049eb9125d63497b5d1ae213" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "care_visit_senior_date" ON "dispatch"."care_visit"  ("senior_id", "date") `);
    await q.query(`CREATE INDEX "care_visit_caregiver_date" ON "dispatch"."care_visit"  ("caregiver_id", "date") `);
    await q.query(`CREATE INDEX "care_visit_district_week" ON "dispatch"."care_visit"  ("district_code", "week_start") `);
  }

  async down(): Promise<void> {
    throw new Error('CareVisits1796060528438 is not reversible: restore from backup');
  }
}
