import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Account, ApiKey } from '@app/persistence';

/** The only place that queries identity accounts and API keys. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Account | null> {
    return this.dataSource.manager.findOne(Account, { where: { id } });
  }

  findByUsername(username: string): Promise<Account | null> {
    return this.dataSource.manager.findOne(Account, { where: { username: username.toLowerCase() } });
  }

  count(): Promise<number> {
    return this.dataSource.manager.count(Account);
  }

  async insert(account: Omit<Account, 'createdAt' | 'disabledAt'>): Promise<void> {
    await this.dataSource.manager.insert(Account, { ...account, disabledAt: null });
  }

  async insertApiKey(key: Omit<ApiKey, 'createdAt' | 'revokedAt' | 'account'>): Promise<void> {
    await this.dataSource.manager.insert(ApiKey, { ...key, revokedAt: null });
  }

  /** The active account behind an active API key. */
  findByApiKeyHash(keyHash: string): Promise<Account | null> {
    return this.dataSource.manager
      .createQueryBuilder(Account, 'a')
      .innerJoin(ApiKey, 'k', 'k.account_id = a.id AND k.revoked_at IS NULL')
      .where('k.key_hash = :keyHash', { keyHash })
      .andWhere('a.disabled_at IS NULL')
      .getOne();
  }
}
