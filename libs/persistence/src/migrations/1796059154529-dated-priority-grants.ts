import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DatedPriorityGrants1796059154529 implements MigrationInterface {
  name = 'DatedPriorityGrants1796059154529';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "priority_grants" jsonb NOT NULL DEFAULT '[]'`);
    // Seniors already known: the flags recorded were in force then; keep them, open-ended, until their flags next change.
    await q.query(`UPDATE "allocation"."senior_view" SET "priority_grants" = (SELECT jsonb_agg(jsonb_build_object('flag', f, 'validFrom', '1900-01-01', 'validUntil', NULL)) FROM unnest("priority_flags") AS f) WHERE cardinality("priority_flags") > 0`);
  }

  async down(): Promise<void> {
    throw new Error('DatedPriorityGrants1796059154529 is not reversible: restore from backup');
  }
}
