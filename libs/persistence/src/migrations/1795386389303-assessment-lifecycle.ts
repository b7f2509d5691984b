import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentLifecycle1795386389303 implements MigrationInterface {
  name = 'AssessmentLifecycle1795386389303';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assessment"."assessment" ("id" uuid NOT NULL, "senior_id" uuid NOT NULL, "instrument" text NOT NULL, "status" text NOT NULL, "reason" text NOT NULL, "supersedes_id" uuid, "correction_reason" text, "answers" jsonb NOT NULL, "result" jsonb, "final_level" integer, "final_level_name" text, "assessor_id" uuid NOT NULL, "assessed_on" date NOT NULL, "due_on" date, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assessment_submitted_has_result" CHECK (status = 'draft' OR (result IS NOT NULL AND submitted_at IS NOT NULL)), CONSTRAINT "assessment_reason_known" CHECK (reason IN ('first','routine','immediate','dispute')), CONSTRAINT "assessment_status_known" CHECK (status IN ('draft','submitted')), CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "assessment_due" ON "assessment"."assessment"  ("due_on") WHERE status = 'submitted'`);
    await q.query(`CREATE UNIQUE INDEX "assessment_supersedes_once" ON "assessment"."assessment"  ("supersedes_id") WHERE supersedes_id IS NOT NULL AND status = 'submitted'`);
    await q.query(`CREATE INDEX "assessment_senior_submitted" ON "assessment"."assessment"  ("senior_id", "submitted_at") `);
    await q.query(`CREATE TABLE "assessment"."district_policy" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "district_code" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "document" jsonb NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_68c55abb067e9b5e67fa2f4b8bc" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "district_policy_version" ON "assessment"."district_policy"  ("district_code", "version") `);
    await q.query(`CREATE TABLE "assessment"."entitlement_snapshot" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "senior_id" uuid NOT NULL, "entitlements" jsonb NOT NULL, "district_code" text NOT NULL, "policy_version" text NOT NULL, "trigger" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_779b34cf093c0045cfd55d02cb3" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "entitlement_snapshot_latest" ON "assessment"."entitlement_snapshot"  ("senior_id", "id") `);
    await q.query(`CREATE TABLE "assessment"."reassessment_task" ("id" uuid NOT NULL, "senior_id" uuid NOT NULL, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "due_on" date NOT NULL, "reason" text NOT NULL, "raised_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_assessment_id" uuid, CONSTRAINT "reassessment_task_kind_known" CHECK (kind IN ('reminder','expired','immediate')), CONSTRAINT "PK_6ecd9dd33105a2ba6685582a6cc" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "reassessment_task_open" ON "assessment"."reassessment_task"  ("due_on") WHERE closed_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "reassessment_task_once" ON "assessment"."reassessment_task"  ("senior_id", "kind", "dedupe_key") `);
    // Seniors registered before districts were recorded: the street code starts with the district code.
    await q.query(`ALTER TABLE "assessment"."senior" ADD "district_code" text`);
    await q.query(`UPDATE "assessment"."senior" SET "district_code" = COALESCE(left("street_code", 6), '310112')`);
    await q.query(`ALTER TABLE "assessment"."senior" ALTER COLUMN "district_code" SET NOT NULL`);
    await q.query(`ALTER TABLE "assessment"."assessment" ADD CONSTRAINT "FK_2bd60688a5a7b3928f70d4a08a5" FOREIGN KEY ("senior_id") REFERENCES "assessment"."senior"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "assessment"."assessment" ADD CONSTRAINT "FK_a5d393601e80053a66c2f81f531" FOREIGN KEY ("supersedes_id") REFERENCES "assessment"."assessment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "assessment"."entitlement_snapshot" ADD CONSTRAINT "FK_121e2f1ed245a20bd2f6b7721d1" FOREIGN KEY ("senior_id") REFERENCES "assessment"."senior"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "assessment"."reassessment_task" ADD CONSTRAINT "FK_8685846e0f13182a4d20561467f" FOREIGN KEY ("senior_id") REFERENCES "assessment"."senior"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // A submitted assessment is final: the database refuses to change or delete it, whatever the code does.
    await q.query(`
      CREATE FUNCTION "assessment"."refuse_change_of_submitted_assessment"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'assessment % is submitted and cannot be changed; supersede it instead', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER "assessment_submitted_is_final" BEFORE UPDATE OR DELETE ON "assessment"."assessment"
      FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION "assessment"."refuse_change_of_submitted_assessment"()`);
  }

  async down(): Promise<void> {
    throw new Error('AssessmentLifecycle1795386389303 is not reversible: restore from backup');
  }
}
