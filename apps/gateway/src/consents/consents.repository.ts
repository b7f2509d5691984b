import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ConsentLink } from '@app/persistence';
import { ConsentCache } from './consent-cache';

/** The only place that queries consent links. */
@Injectable()
export class ConsentsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ConsentCache,
  ) {}

  /** The scopes of the family account's active consent for the senior (null: none). Asked on every family read: cached (see ConsentCache), plain SQL. */
  activeScopes(familyAccountId: string, seniorId: string): Promise<readonly string[] | null> {
    return this.cache.scopes(familyAccountId, seniorId, async () => {
      const rows = (await this.dataSource.query(
        'SELECT scopes FROM identity.consent_link WHERE family_account_id = $1 AND senior_id = $2 AND revoked_at IS NULL LIMIT 1',
        [familyAccountId, seniorId],
      )) as Array<{ scopes: string[] }>;
      return rows[0]?.scopes ?? null;
    });
  }

  findById(id: string): Promise<ConsentLink | null> {
    return this.dataSource.manager.findOne(ConsentLink, { where: { id } });
  }

  listForSenior(seniorId: string): Promise<ConsentLink[]> {
    return this.dataSource.manager.find(ConsentLink, { where: { seniorId }, order: { grantedAt: 'DESC' } });
  }

  async insert(link: Omit<ConsentLink, 'grantedAt' | 'revokedAt' | 'revokedBy' | 'familyAccount'>): Promise<void> {
    await this.dataSource.manager.insert(ConsentLink, { ...link, revokedAt: null, revokedBy: null });
    await this.cache.changed();
  }

  /** Revokes every active link to a senior (their personal data is erased); how many were active. */
  async revokeAllForSenior(seniorId: string, revokedBy: string): Promise<number> {
    const result = await this.dataSource.manager.update(ConsentLink, { seniorId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy });
    await this.cache.changed();
    return result.affected ?? 0;
  }

  /** Revokes an active link; false when it was not active. */
  async revoke(id: string, revokedBy: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(ConsentLink, { id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy });
    await this.cache.changed();
    return (result.affected ?? 0) > 0;
  }
}
