import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BookingsIdempotencyFamilyWebhooks1796064372128 implements MigrationInterface {
  name = 'BookingsIdempotencyFamilyWebhooks1796064372128';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "identity"."idempotent_request" ("account_id" uuid NOT NULL, "key" text NOT NULL, "fingerprint" text NOT NULL, "status" integer, "body" jsonb, "location" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_581da3b6bf03d3b809586bf1294" PRIMARY KEY ("account_id", "key"))`);
    await q.query(`CREATE TABLE "identity"."booking" ("id" uuid NOT NULL, "senior_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "requested_by" uuid NOT NULL, "on_behalf" boolean NOT NULL, "request" jsonb NOT NULL, "result" jsonb, "reason" jsonb, "request_id" text, "history" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "booking_status_known" CHECK (status IN ('requested','confirmed','rejected','cancelled')), CONSTRAINT "PK_49171efc69702ed84c812f33540" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "booking_requested" ON "identity"."booking"  ("updated_at") WHERE status = 'requested'`);
    await q.query(`CREATE INDEX "booking_senior_created" ON "identity"."booking"  ("senior_id", "created_at") `);
    await q.query(`CREATE TABLE "identity"."family_webhook" ("account_id" uuid NOT NULL, "url" text NOT NULL, "secret_sealed" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_63de1efa5dd299b80f78b2d42d1" PRIMARY KEY ("account_id"))`);
    await q.query(`CREATE TABLE "identity"."family_webhook_delivery" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "event" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempt_log" jsonb NOT NULL DEFAULT '[]', "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "family_webhook_delivery_status_known" CHECK (status IN ('pending','delivered','failed')), CONSTRAINT "PK_375cd66d361dbb68a3229903236" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "family_webhook_delivery_account" ON "identity"."family_webhook_delivery"  ("account_id", "created_at") `);
    await q.query(`CREATE INDEX "family_webhook_delivery_due" ON "identity"."family_webhook_delivery"  ("next_attempt_at") WHERE status = 'pending'`);
  }

  async down(): Promise<void> {
    throw new Error('BookingsIdempotencyFamilyWebhooks1796064372128 is not reversible: restore from backup');
  }
}
