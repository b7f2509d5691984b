import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotentRequestBookingId1796071703121 implements MigrationInterface {
  name = 'IdempotentRequestBookingId1796071703121';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "identity"."idempotent_request" ADD "booking_id" uuid`);
  }

  async down(): Promise<void> {
    throw new Error('IdempotentRequestBookingId1796071703121 is not reversible: restore from backup');
  }
}
