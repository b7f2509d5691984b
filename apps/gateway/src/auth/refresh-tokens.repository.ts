import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Account, RefreshToken } from '@app/persistence';

/** The only place that queries identity refresh tokens. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction with a repository bound to it. */
  transaction<T>(work: (tx: RefreshTokensInTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new RefreshTokensInTransaction(manager)));
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.manager.findOne(RefreshToken, { where: { tokenHash } });
  }

  async insert(token: Pick<RefreshToken, 'id' | 'familyId' | 'accountId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await this.dataSource.manager.insert(RefreshToken, { ...token, usedAt: null, revokedAt: null });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await revokeFamily(this.dataSource.manager, familyId);
  }

  /** Sign-ins revoked within the last `seconds`, with when (the partial index on revoked_at keeps this cheap). */
  async revokedSince(seconds: number): Promise<Array<{ familyId: string; revokedAt: Date }>> {
    const rows: Array<{ family_id: string; revoked_at: Date }> = await this.dataSource.query(
      `SELECT family_id, max(revoked_at) AS revoked_at FROM identity.refresh_token
        WHERE revoked_at IS NOT NULL AND revoked_at > now() - make_interval(secs => $1) GROUP BY family_id`,
      [seconds],
    );
    return rows.map((row) => ({ familyId: row.family_id, revokedAt: row.revoked_at }));
  }
}

export class RefreshTokensInTransaction {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Marks the token used if it is unused, unrevoked and unexpired, and returns it; null otherwise.
   * The row lock makes two concurrent exchanges of one token have exactly one winner.
   */
  async markUsed(tokenHash: string): Promise<Pick<RefreshToken, 'id' | 'familyId' | 'accountId'> | null> {
    type Row = { id: string; family_id: string; account_id: string };
    // For an UPDATE the postgres driver answers [returned rows, affected count].
    const [rows] = (await this.manager.query(
      `UPDATE identity.refresh_token SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, family_id, account_id`,
      [tokenHash],
    )) as [Row[], number];
    const row = rows[0];
    return row ? { id: row.id, familyId: row.family_id, accountId: row.account_id } : null;
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.manager.findOne(RefreshToken, { where: { tokenHash } });
  }

  findAccount(accountId: string): Promise<Account | null> {
    return this.manager.findOne(Account, { where: { id: accountId } });
  }

  async insert(token: Pick<RefreshToken, 'id' | 'familyId' | 'accountId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await this.manager.insert(RefreshToken, { ...token, usedAt: null, revokedAt: null });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await revokeFamily(this.manager, familyId);
  }
}

async function revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
  await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
}
