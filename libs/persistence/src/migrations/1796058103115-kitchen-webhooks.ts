import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KitchenWebhooks1796058103115 implements MigrationInterface {
  name = 'KitchenWebhooks1796058103115';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "dispatch"."webhook_delivery" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kitchen_id" uuid NOT NULL, "delivery_id" text NOT NULL, "event" text NOT NULL, "url" text NOT NULL, "attempt" integer NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "webhook_delivery_kitchen_at" ON "dispatch"."webhook_delivery"  ("kitchen_id", "at") `);
    await q.query(`ALTER TABLE "dispatch"."kitchen" ADD "webhook_url" text`);
    await q.query(`ALTER TABLE "dispatch"."kitchen" ADD "webhook_secret" text`);
  }

  async down(): Promise<void> {
    throw new Error('KitchenWebhooks1796058103115 is not reversible: restore from backup');
  }
}
