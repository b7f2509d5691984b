import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshTokenRevokedIndex1796072188781 implements MigrationInterface {
  name = 'RefreshTokenRevokedIndex1796072188781';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "refresh_token_revoked" ON "identity"."refresh_token"  ("revoked_at") WHERE revoked_at IS NOT NULL`);
  }

  async down(): Promise<void> {
    throw new Error('RefreshTokenRevokedIndex1796072188781 is not reversible: restore from backup');
  }
}
