import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BedWaitingList1796054259327 implements MigrationInterface {
  name = 'BedWaitingList1796054259327';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "allocation"."bed_application" ("id" uuid NOT NULL, "senior_id" uuid NOT NULL, "district_code" text NOT NULL, "kind" text NOT NULL, "bed_types" text array NOT NULL, "facility_ids" uuid array NOT NULL, "max_walking_minutes" integer, "status" text NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bed_application_walk_sane" CHECK (max_walking_minutes IS NULL OR max_walking_minutes > 0), CONSTRAINT "bed_application_status_known" CHECK (status IN ('waiting','offered','admitted','withdrawn')), CONSTRAINT "bed_application_kind_known" CHECK (kind IN ('long-stay','respite')), CONSTRAINT "PK_d4cee4575f22b7d308980fd0f51" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "bed_application_district_status" ON "allocation"."bed_application"  ("district_code", "status") `);
    await q.query(`CREATE UNIQUE INDEX "bed_application_one_open_per_senior" ON "allocation"."bed_application"  ("senior_id") WHERE status IN ('waiting','offered')`);
    await q.query(`CREATE TABLE "allocation"."bed_offer" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "bed_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "status" text NOT NULL, "rules_version" text NOT NULL, "score" integer NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, CONSTRAINT "bed_offer_status_known" CHECK (status IN ('open','accepted','admitted','declined','expired','withdrawn')), CONSTRAINT "PK_02c61675decf151f2591ce1b1a2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "bed_offer_status_expires" ON "allocation"."bed_offer"  ("status", "expires_at") `);
    await q.query(`CREATE UNIQUE INDEX "bed_offer_one_open_per_application" ON "allocation"."bed_offer"  ("application_id") WHERE status IN ('open','accepted')`);
    await q.query(`CREATE TABLE "allocation"."priority_rules_version" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "district_code" text NOT NULL, "version" text NOT NULL, "effective_from" date, "rules" jsonb NOT NULL, "note" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_56fb312445a016a2fd734b53571" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "priority_rules_version_unique" ON "allocation"."priority_rules_version"  ("district_code", "version") `);
    await q.query(`CREATE TABLE "allocation"."waitlist_decision" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "application_id" uuid NOT NULL, "kind" text NOT NULL, "bed_id" uuid, "facility_id" uuid, "reason" text NOT NULL, "rules_version" text, "score" integer, "position" integer, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "waitlist_decision_kind_known" CHECK (kind IN ('applied','offered','accepted','declined','expired','passed-over','admitted','withdrawn','offer-withdrawn')), CONSTRAINT "PK_8e14df614a5b7d6915583804ed4" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "waitlist_decision_application" ON "allocation"."waitlist_decision"  ("application_id", "at") `);
  }

  async down(): Promise<void> {
    throw new Error('BedWaitingList1796054259327 is not reversible: restore from backup');
  }
}
