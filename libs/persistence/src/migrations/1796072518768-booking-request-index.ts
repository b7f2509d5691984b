import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BookingRequestIndex1796072518768 implements MigrationInterface {
  name = 'BookingRequestIndex1796072518768';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "booking_request" ON "identity"."booking"  ("request_id") WHERE request_id IS NOT NULL`);
  }

  async down(): Promise<void> {
    throw new Error('BookingRequestIndex1796072518768 is not reversible: restore from backup');
  }
}
