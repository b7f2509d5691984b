import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PostGIS and one schema per service. Written by hand: the entity diff cannot express extensions. */
export class EnablePostgis1763800000000 implements MigrationInterface {
  name = 'EnablePostgis1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    for (const schema of ['identity', 'assessment', 'allocation', 'dispatch']) {
      await q.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const schema of ['dispatch', 'allocation', 'assessment', 'identity']) {
      await q.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  }
}
