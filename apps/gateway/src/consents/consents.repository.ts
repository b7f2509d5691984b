import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ConsentLink } from '@app/persistence';

/** The only place that queries consent links. */
@Injectable()
export class ConsentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findActive(familyAccountId: string, seniorId: string): Promise<ConsentLink | null> {
    return this.dataSource.manager.findOne(ConsentLink, { where: { familyAccountId, seniorId, revokedAt: IsNull() } });
  }

  findById(id: string): Promise<ConsentLink | null> {
    return this.dataSource.manager.findOne(ConsentLink, { where: { id } });
  }

  listForSenior(seniorId: string): Promise<ConsentLink[]> {
    return this.dataSource.manager.find(ConsentLink, { where: { seniorId }, order: { grantedAt: 'DESC' } });
  }

  async insert(link: Omit<ConsentLink, 'grantedAt' | 'revokedAt' | 'revokedBy' | 'familyAccount'>): Promise<void> {
    await this.dataSource.manager.insert(ConsentLink, { ...link, revokedAt: null, revokedBy: null });
  }

  /** Revokes every active link to a senior (their personal data is erased); how many were active. */
  async revokeAllForSenior(seniorId: string, revokedBy: string): Promise<number> {
    const result = await this.dataSource.manager.update(ConsentLink, { seniorId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy });
    return result.affected ?? 0;
  }

  /** Revokes an active link; false when it was not active. */
  async revoke(id: string, revokedBy: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(ConsentLink, { id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy });
    return (result.affected ?? 0) > 0;
  }
}
