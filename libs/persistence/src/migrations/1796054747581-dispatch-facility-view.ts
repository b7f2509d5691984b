import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchFacilityView1796054747581 implements MigrationInterface {
  name = 'DispatchFacilityView1796054747581';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "dispatch"."facility_view" ("facility_id" uuid NOT NULL, "type" text NOT NULL, "name" text NOT NULL, "district_code" text NOT NULL, "street_code" text, "location" geography(Point,4326) NOT NULL, "opening_hours" text, "meal_seats" integer NOT NULL, "day_care_places" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_309ec9ec5bdb41945a54a91d3f6" PRIMARY KEY ("facility_id"))`);
    await q.query(`CREATE INDEX "dispatch_facility_view_location" ON "dispatch"."facility_view" USING gist ("location") `);
    await q.query(`CREATE INDEX "dispatch_facility_view_district_type" ON "dispatch"."facility_view"  ("district_code", "type") `);
  }

  async down(): Promise<void> {
    throw new Error('DispatchFacilityView1796054747581 is not reversible: restore from backup');
  }
}
