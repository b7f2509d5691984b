import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HomeCareVisitsDone1796063210228 implements MigrationInterface {
  name = 'HomeCareVisitsDone1796063210228';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "dispatch"."care_visit_alert" ("id" uuid NOT NULL, "visit_id" text NOT NULL, "senior_id" uuid NOT NULL, "district_code" text NOT NULL, "caregiver_id" uuid, "kind" text NOT NULL, "severity" text NOT NULL, "summary" text NOT NULL, "minutes_late" integer, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "escalated_at" TIMESTAMP WITH TIME ZONE, "cleared_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, "resolution" text, CONSTRAINT "care_visit_alert_severity_known" CHECK (severity IN ('medium','high','critical')), CONSTRAINT "care_visit_alert_kind_known" CHECK (kind IN ('late','concern','verification-failed')), CONSTRAINT "PK_fba4527bb9a0f263283fa32c5d8" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "care_visit_alert_district_open" ON "dispatch"."care_visit_alert"  ("district_code", "raised_at") WHERE resolved_at IS NULL AND cleared_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "care_visit_alert_one_late" ON "dispatch"."care_visit_alert"  ("visit_id", "kind") WHERE kind IN ('late','verification-failed')`);
    await q.query(`CREATE TABLE "dispatch"."care_schedule_version" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "district_code" text NOT NULL, "week_start" date NOT NULL, "number" integer NOT NULL, "kind" text NOT NULL, "reason" text NOT NULL, "visits" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "care_schedule_version_kind_known" CHECK (kind IN ('original','optimised','replan','manual')), CONSTRAINT "PK_6e61285f0badac1fffb07ae5056" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "care_schedule_version_number" ON "dispatch"."care_schedule_version"  ("district_code", "week_start", "number") `);
    await q.query(`CREATE TABLE "dispatch"."care_visit_notice" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "recipient_kind" text NOT NULL, "recipient_id" uuid NOT NULL, "visit_id" text NOT NULL, "message" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_92d443e1fd66b9948c7c02f3c2e" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "care_visit_notice_recipient" ON "dispatch"."care_visit_notice"  ("recipient_kind", "recipient_id", "created_at") `);
    await q.query(`CREATE TABLE "dispatch"."care_door_tag" ("senior_id" uuid NOT NULL, "code_hash" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by" uuid NOT NULL, CONSTRAINT "PK_6a93c31216f2aba04f371319ba0" PRIMARY KEY ("senior_id"))`);
    await q.query(`CREATE TABLE "dispatch"."visit_policy_version" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "district_code" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "policy" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6764da05f8e830461f836f635ba" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "visit_policy_version_unique" ON "dispatch"."visit_policy_version"  ("district_code", "version") `);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "request" jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ALTER COLUMN "request" DROP DEFAULT`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "cancel_reason" text`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "check_in_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "check_in_verified" boolean`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "check_out_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "check_out_verified" boolean`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "verification" jsonb`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "check_in_location" geography(Point,4326)`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "check_out_location" geography(Point,4326)`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "tasks_done" text array`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "notes_sealed" text`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD "concerns" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" DROP CONSTRAINT "care_visit_status_known"`);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD CONSTRAINT "care_visit_status_known" CHECK (status IN ('planned','unassigned','in-progress','delivered','missed','cancelled'))`);
    await q.query(`CREATE INDEX "care_visit_date_status" ON "dispatch"."care_visit"  ("date", "status") `);
    await q.query(`ALTER TABLE "dispatch"."care_visit" ADD CONSTRAINT "care_visit_check_out_after_in" CHECK (check_out_at IS NULL OR (check_in_at IS NOT NULL AND check_out_at >= check_in_at))`);
  }

  async down(): Promise<void> {
    throw new Error('HomeCareVisitsDone1796063210228 is not reversible: restore from backup');
  }
}
