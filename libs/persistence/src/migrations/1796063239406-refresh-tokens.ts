import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshTokens1796063239406 implements MigrationInterface {
  name = 'RefreshTokens1796063239406';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "identity"."refresh_token" ("id" uuid NOT NULL, "family_id" uuid NOT NULL, "account_id" uuid NOT NULL, "token_hash" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_f0812282fad2e352cdaf83ef0a9" UNIQUE ("token_hash"), CONSTRAINT "refresh_token_expires_after_issue" CHECK (expires_at > issued_at), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "refresh_token_account" ON "identity"."refresh_token"  ("account_id") `);
    await q.query(`CREATE INDEX "refresh_token_family" ON "identity"."refresh_token"  ("family_id") `);
    await q.query(`ALTER TABLE "identity"."refresh_token" ADD CONSTRAINT "FK_f8e6c51db7655e2f7084f615681" FOREIGN KEY ("account_id") REFERENCES "identity"."account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(): Promise<void> {
    throw new Error('RefreshTokens1796063239406 is not reversible: restore from backup');
  }
}
