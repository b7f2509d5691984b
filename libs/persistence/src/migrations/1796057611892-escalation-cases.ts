import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EscalationCases1796057611892 implements MigrationInterface {
  name = 'EscalationCases1796057611892';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "dispatch"."escalation_case" ("id" uuid NOT NULL, "order_id" uuid NOT NULL, "senior_id" uuid NOT NULL, "district_code" text NOT NULL, "kitchen_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "current_step" text NOT NULL, "step_owner" text NOT NULL, "step_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "ladder" jsonb NOT NULL, "timeline" jsonb NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution" text, CONSTRAINT "escalation_case_status_known" CHECK (status IN ('open','resolved')), CONSTRAINT "PK_e210ad1ec711c2a175f3c411ad9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "escalation_case_district_started" ON "dispatch"."escalation_case"  ("district_code", "started_at") `);
    await q.query(`CREATE INDEX "escalation_case_open_deadline" ON "dispatch"."escalation_case"  ("step_deadline") WHERE status = 'open'`);
    await q.query(`CREATE UNIQUE INDEX "escalation_case_order" ON "dispatch"."escalation_case"  ("order_id") `);
  }

  async down(): Promise<void> {
    throw new Error('EscalationCases1796057611892 is not reversible: restore from backup');
  }
}
