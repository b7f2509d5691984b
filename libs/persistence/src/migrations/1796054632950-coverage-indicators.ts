import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoverageIndicators1796054632950 implements MigrationInterface {
  name = 'CoverageIndicators1796054632950';

  /**
   * Coverage and planning indicators: the districts' plan targets (versioned), streets' registered
   * population per year, and the street of each senior's home in allocation's read model (filled
   * from senior.registered from now on; seniors registered before stay without a street).
   */
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "allocation"."planning_targets" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "district_code" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "beds_per_100_older" double precision NOT NULL, "nursing_bed_share_pct" double precision NOT NULL, "dementia_care_beds" integer, "meal_capacity_pct_of_65_plus" double precision NOT NULL, "community_floor_m2_per_1000" double precision NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "planning_targets_sane" CHECK (beds_per_100_older > 0 AND beds_per_100_older <= 100 AND nursing_bed_share_pct > 0 AND nursing_bed_share_pct <= 100 AND meal_capacity_pct_of_65_plus > 0 AND meal_capacity_pct_of_65_plus <= 100 AND community_floor_m2_per_1000 > 0 AND (dementia_care_beds IS NULL OR dementia_care_beds >= 0)), CONSTRAINT "PK_01b0dc7f4f1602a2e8585782f58" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "planning_targets_version" ON "allocation"."planning_targets"  ("district_code", "version") `);
    await q.query(`CREATE TABLE "allocation"."street_statistics" ("district_code" text NOT NULL, "street_code" text NOT NULL, "year" integer NOT NULL, "name" text NOT NULL, "registered_population" integer NOT NULL, "registered_60_plus" integer NOT NULL, "registered_65_plus" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "street_statistics_street_of_district" CHECK (starts_with(street_code, district_code)), CONSTRAINT "street_statistics_sane" CHECK (registered_65_plus >= 0 AND registered_65_plus <= registered_60_plus AND registered_60_plus <= registered_population AND year BETWEEN 1990 AND 2100), CONSTRAINT "PK_8880cad0f6f53d653ed165563b6" PRIMARY KEY ("district_code", "street_code", "year"))`);
    await q.query(`ALTER TABLE "allocation"."senior_view" ADD "street_code" text`);
    // Minhang's plan (domain.md): beds for 4.1% of registered people aged 60+, at least 60% of them
    // nursing-type, 1,200 dementia-care beds, meals for 5% of those aged 65+, and Shanghai's 40 m² of
    // community care space per 1,000 residents. Districts publish their own versions.
    await q.query(`INSERT INTO "allocation"."planning_targets" ("district_code", "version", "effective_from", "beds_per_100_older", "nursing_bed_share_pct", "dementia_care_beds", "meal_capacity_pct_of_65_plus", "community_floor_m2_per_1000")
      VALUES ('310112', 'minhang-plan-2021-2025', '2021-01-01', 4.1, 60, 1200, 5, 40)`);
  }

  async down(): Promise<void> {
    throw new Error('CoverageIndicators1796054632950 is not reversible: restore from backup');
  }
}
