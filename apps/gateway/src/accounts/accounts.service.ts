import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, DomainError, Role } from '@app/contracts';
import { type Account, UNIQUE_VIOLATION } from '@app/persistence';
import type { AccountView, CreateAccountDto } from './accounts.dto';
import { AccountsRepository } from './accounts.repository';

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Creates the first admin from config on an empty identity schema, so a new district can sign in. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.BOOTSTRAP_ADMIN_PASSWORD || (await this.accounts.count()) > 0) return;
    try {
      await this.create({ username: this.env.BOOTSTRAP_ADMIN_USERNAME, displayName: 'Administrator', password: this.env.BOOTSTRAP_ADMIN_PASSWORD, roles: ['admin'], facilityIds: [], kitchenIds: [] });
      this.logger.log(`created bootstrap admin account "${this.env.BOOTSTRAP_ADMIN_USERNAME}"`);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'ACCOUNT_EXISTS')) throw error; // another replica was first
    }
  }

  async create(dto: CreateAccountDto): Promise<AccountView> {
    const account = {
      id: randomUUID(),
      username: dto.username.toLowerCase(),
      displayName: dto.displayName,
      passwordHash: await argon2.hash(dto.password, { type: argon2.argon2id }),
      roles: dto.roles,
      facilityIds: dto.facilityIds,
      kitchenIds: dto.kitchenIds,
    };
    try {
      await this.accounts.insert(account);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError('ACCOUNT_EXISTS', `Username ${account.username} is taken`, [{ field: 'username', problems: ['is taken'] }]);
      }
      throw error;
    }
    return this.get(account.id);
  }

  async get(accountId: string): Promise<AccountView> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new DomainError('ACCOUNT_NOT_FOUND', `No account ${accountId}`);
    return toView(account);
  }

  /** Issues an API key for a machine account. The key is shown once; only its SHA-256 is kept. */
  async createApiKey(accountId: string, label: string): Promise<{ apiKeyId: string; apiKey: string }> {
    await this.get(accountId);
    const apiKey = `eck_${randomBytes(32).toString('base64url')}`;
    const apiKeyId = randomUUID();
    await this.accounts.insertApiKey({ id: apiKeyId, accountId, label, keyHash: hashApiKey(apiKey) });
    return { apiKeyId, apiKey };
  }

  /** The account a family consent can be granted to: it must exist, be active and have the family role. */
  async requireFamilyAccount(accountId: string): Promise<void> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.disabledAt || !account.roles.includes('family')) {
      throw new DomainError('VALIDATION_FAILED', 'familyAccountId is not an active family account', [
        { field: 'familyAccountId', problems: ['is not an active family account'] },
      ]);
    }
  }
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

export function actorOf(account: Account): Actor {
  return { accountId: account.id, roles: account.roles as Role[], facilityIds: account.facilityIds, kitchenIds: account.kitchenIds };
}

function toView(account: Account): AccountView {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: account.roles as Role[],
    facilityIds: account.facilityIds,
    kitchenIds: account.kitchenIds,
    createdAt: account.createdAt.toISOString(),
  };
}
