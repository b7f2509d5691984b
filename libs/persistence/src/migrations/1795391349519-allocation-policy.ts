import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AllocationPolicy1795391349519 implements MigrationInterface {
  name = 'AllocationPolicy1795391349519';

  /** The walking model's table becomes the allocation policy, gaining the bed-hold duration (48 h where a district set none). */
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "allocation"."allocation_policy" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "district_code" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "walking_speed_mps" double precision NOT NULL, "detour_factor" double precision NOT NULL, "circle_minutes" integer NOT NULL, "hold_hours" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "allocation_policy_sane" CHECK (walking_speed_mps > 0 AND detour_factor >= 1 AND circle_minutes > 0 AND hold_hours > 0), CONSTRAINT "PK_b0cc05c6be72753d660fe48858d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "allocation_policy_version" ON "allocation"."allocation_policy"  ("district_code", "version") `);
    await q.query(`INSERT INTO "allocation"."allocation_policy" ("district_code", "version", "effective_from", "walking_speed_mps", "detour_factor", "circle_minutes", "hold_hours", "created_at")
      SELECT "district_code", "version", "effective_from", "walking_speed_mps", "detour_factor", "circle_minutes", 48, "created_at" FROM "allocation"."walking_policy"`);
    await q.query(`DROP TABLE "allocation"."walking_policy"`);
  }

  async down(): Promise<void> {
    throw new Error('AllocationPolicy1795391349519 is not reversible: restore from backup');
  }
}
