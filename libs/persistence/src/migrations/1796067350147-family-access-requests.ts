import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FamilyAccessRequests1796067350147 implements MigrationInterface {
  name = 'FamilyAccessRequests1796067350147';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "identity"."access_request" ("id" uuid NOT NULL, "family_account_id" uuid NOT NULL, "senior_id" uuid, "id_number_hash" text NOT NULL, "id_number_last4" text NOT NULL, "relationship" text NOT NULL, "scopes" text array NOT NULL, "note" text, "status" text NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "consent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "access_request_status_known" CHECK (status IN ('pending','approved','rejected')), CONSTRAINT "PK_a543250cab0b6d2eb3a85593d93" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "access_request_family" ON "identity"."access_request"  ("family_account_id", "created_at") `);
    await q.query(`CREATE INDEX "access_request_pending" ON "identity"."access_request"  ("created_at") WHERE status = 'pending'`);
  }

  async down(): Promise<void> {
    throw new Error('FamilyAccessRequests1796067350147 is not reversible: restore from backup');
  }
}
