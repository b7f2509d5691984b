import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WaitlistLookupIndexes1796068078055 implements MigrationInterface {
  name = 'WaitlistLookupIndexes1796068078055';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "bed_application_senior" ON "allocation"."bed_application"  ("senior_id") `);
    await q.query(`CREATE INDEX "bed_offer_application" ON "allocation"."bed_offer"  ("application_id") `);
  }

  async down(): Promise<void> {
    throw new Error('WaitlistLookupIndexes1796068078055 is not reversible: restore from backup');
  }
}
