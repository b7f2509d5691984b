import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DaycareBookings1795391781626 implements MigrationInterface {
  name = 'DaycareBookings1795391781626';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "allocation"."daycare_booking" ("id" uuid NOT NULL, "request_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "senior_id" uuid NOT NULL, "date" date NOT NULL, "session" text NOT NULL, "status" text NOT NULL, "created_by" uuid NOT NULL, "cancel_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "daycare_booking_status_known" CHECK (status IN ('booked','cancelled')), CONSTRAINT "daycare_booking_session_known" CHECK (session IN ('morning','afternoon','full-day')), CONSTRAINT "PK_ca22ca1708b596af517dc082889" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "daycare_booking_facility_date" ON "allocation"."daycare_booking"  ("facility_id", "date") `);
    await q.query(`CREATE UNIQUE INDEX "daycare_booking_once" ON "allocation"."daycare_booking"  ("senior_id", "date", "session") WHERE status = 'booked'`);
    await q.query(`CREATE TABLE "allocation"."daycare_session_load" ("facility_id" uuid NOT NULL, "date" date NOT NULL, "session" text NOT NULL, "booked" integer NOT NULL, "capacity" integer NOT NULL, CONSTRAINT "daycare_session_load_within_capacity" CHECK (booked >= 0 AND booked <= capacity), CONSTRAINT "PK_579bf9752d430daefcab0f0a34c" PRIMARY KEY ("facility_id", "date", "session"))`);
    await q.query(`ALTER TABLE "allocation"."daycare_booking" ADD CONSTRAINT "FK_1ca2105f4cdd37d923e4d4e3397" FOREIGN KEY ("facility_id") REFERENCES "allocation"."facility"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(): Promise<void> {
    throw new Error('DaycareBookings1795391781626 is not reversible: restore from backup');
  }
}
