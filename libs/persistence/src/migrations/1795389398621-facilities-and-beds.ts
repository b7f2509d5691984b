import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FacilitiesAndBeds1795389398621 implements MigrationInterface {
  name = 'FacilitiesAndBeds1795389398621';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint mix equality (the bed) with range overlap (the period).
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE TABLE "allocation"."facility" ("id" uuid NOT NULL, "type" text NOT NULL, "name" text NOT NULL, "district_code" text NOT NULL, "street_code" text, "location" geography(Point,4326) NOT NULL, "coordinates_source" text NOT NULL, "operator_name" text NOT NULL, "floor_area_m2" numeric(10,1), "opening_hours" text, "day_care_places" integer NOT NULL DEFAULT '0', "meal_seats" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "facility_capacities_not_negative" CHECK (day_care_places >= 0 AND meal_seats >= 0 AND (floor_area_m2 IS NULL OR floor_area_m2 >= 0)), CONSTRAINT "facility_coordinates_source_known" CHECK (coordinates_source IN ('WGS-84','GCJ-02')), CONSTRAINT "facility_type_known" CHECK (type IN ('care-institution','small-care-home','day-care-centre','community-hub','meal-site','neighbourhood-point')), CONSTRAINT "PK_07c6c82781d105a680b5c265be6" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "facility_location" ON "allocation"."facility" USING gist ("location") `);
    await q.query(`CREATE INDEX "facility_district_type" ON "allocation"."facility"  ("district_code", "type") `);
    await q.query(`CREATE TABLE "allocation"."room" ("id" uuid NOT NULL, "facility_id" uuid NOT NULL, "name" text NOT NULL, "gender_rule" text NOT NULL, CONSTRAINT "room_gender_rule_known" CHECK (gender_rule IN ('female','male','any')), CONSTRAINT "PK_c6d46db005d623e691b2fbcba23" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "room_name_per_facility" ON "allocation"."room"  ("facility_id", "name") `);
    await q.query(`CREATE TABLE "allocation"."bed" ("id" uuid NOT NULL, "room_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "label" text NOT NULL, "bed_type" text NOT NULL, "respite" boolean NOT NULL DEFAULT false, "equipment" text array NOT NULL DEFAULT '{}', CONSTRAINT "bed_type_known" CHECK (bed_type IN ('general','nursing','dementia-care')), CONSTRAINT "PK_828b3f79eab8a8b1de6b6ed6c5a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "bed_facility" ON "allocation"."bed"  ("facility_id") `);
    await q.query(`CREATE UNIQUE INDEX "bed_label_per_room" ON "allocation"."bed"  ("room_id", "label") `);
    await q.query(`CREATE TABLE "allocation"."bed_occupancy" ("id" uuid NOT NULL, "bed_id" uuid NOT NULL, "senior_id" uuid NOT NULL, "kind" text NOT NULL, "during" tstzrange NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bed_occupancy_kind_known" CHECK (kind IN ('hold','stay')), CONSTRAINT "PK_8e987108cff89b7b32247c2ba47" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "bed_occupancy_senior" ON "allocation"."bed_occupancy"  ("senior_id") `);
    await q.query(`CREATE TABLE "allocation"."walking_policy" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "district_code" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "walking_speed_mps" double precision NOT NULL, "detour_factor" double precision NOT NULL, "circle_minutes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "walking_policy_sane" CHECK (walking_speed_mps > 0 AND detour_factor >= 1 AND circle_minutes > 0), CONSTRAINT "PK_9c9b0e8df89a23226fe085763ed" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "walking_policy_version" ON "allocation"."walking_policy"  ("district_code", "version") `);
    await q.query(`ALTER TABLE "allocation"."room" ADD CONSTRAINT "FK_5403a5bfa8aab99e7347c3c343e" FOREIGN KEY ("facility_id") REFERENCES "allocation"."facility"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "allocation"."bed" ADD CONSTRAINT "FK_b75531ba09219690de04094e33f" FOREIGN KEY ("room_id") REFERENCES "allocation"."room"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "allocation"."bed" ADD CONSTRAINT "FK_8be375de863c02bc2db1ad79acd" FOREIGN KEY ("facility_id") REFERENCES "allocation"."facility"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "allocation"."bed_occupancy" ADD CONSTRAINT "FK_9381673e6ac7aa03c4936448219" FOREIGN KEY ("bed_id") REFERENCES "allocation"."bed"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // A bed is never held or occupied by two seniors at the same time: PostgreSQL refuses the second.
    await q.query(`ALTER TABLE "allocation"."bed_occupancy" ADD CONSTRAINT "bed_occupancy_no_overlap" EXCLUDE USING gist ("bed_id" WITH =, "during" WITH &&)`);
    // The default walking model (domain.md): older adults walk about 0.8 m/s, streets are about 1.3×
    // the straight line, the circle is 15 minutes. Districts publish their own versions.
    await q.query(`INSERT INTO "allocation"."walking_policy" ("district_code", "version", "effective_from", "walking_speed_mps", "detour_factor", "circle_minutes")
      VALUES ('310112', 'default-1', '2020-01-01', 0.8, 1.3, 15), ('320214', 'default-1', '2020-01-01', 0.8, 1.3, 15)`);
  }

  async down(): Promise<void> {
    throw new Error('FacilitiesAndBeds1795389398621 is not reversible: restore from backup');
  }
}
