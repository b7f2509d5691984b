import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataErasure1796064459642 implements MigrationInterface {
  name = 'PersonalDataErasure1796064459642';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assessment"."senior_erasure" ("senior_id" uuid NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, "requested_by" uuid NOT NULL, "result" jsonb NOT NULL, CONSTRAINT "PK_0e9262006ace1730733ece279ca" PRIMARY KEY ("senior_id"))`);
    await q.query(`CREATE TABLE "allocation"."senior_erasure" ("senior_id" uuid NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, "requested_by" uuid NOT NULL, "result" jsonb NOT NULL, CONSTRAINT "PK_0e9262006ace1730733ece279ca" PRIMARY KEY ("senior_id"))`);
    await q.query(`CREATE TABLE "dispatch"."senior_erasure" ("senior_id" uuid NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, "requested_by" uuid NOT NULL, "result" jsonb NOT NULL, CONSTRAINT "PK_0e9262006ace1730733ece279ca" PRIMARY KEY ("senior_id"))`);
    await q.query(`CREATE TABLE "identity"."senior_erasure_request" ("senior_id" uuid NOT NULL, "reason" text NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmations" jsonb NOT NULL DEFAULT '{}', "job_ids" jsonb NOT NULL DEFAULT '{}', "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b27ae0264f9263be5901dd7a20b" PRIMARY KEY ("senior_id"))`);
  }

  async down(): Promise<void> {
    throw new Error('PersonalDataErasure1796064459642 is not reversible: restore from backup');
  }
}
