import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchStaysAndDaycareDays1795392011193 implements MigrationInterface {
  name = 'DispatchStaysAndDaycareDays1795392011193';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "dispatch"."daycare_day" ("booking_id" uuid NOT NULL, "senior_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "date" date NOT NULL, "session" text NOT NULL, CONSTRAINT "PK_05cde2a98f809973b92a80916b5" PRIMARY KEY ("booking_id"))`);
    await q.query(`CREATE INDEX "dispatch_daycare_day_senior_date" ON "dispatch"."daycare_day"  ("senior_id", "date") `);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "residential_facility_id" uuid`);
    await q.query(`ALTER TABLE "dispatch"."senior_view" ADD "residential_since" TIMESTAMP WITH TIME ZONE`);
  }

  async down(): Promise<void> {
    throw new Error('DispatchStaysAndDaycareDays1795392011193 is not reversible: restore from backup');
  }
}
