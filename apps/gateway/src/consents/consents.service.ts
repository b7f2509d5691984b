import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, ConsentScope, DomainError } from '@app/contracts';
import type { ConsentChecker } from '@app/http';
import { type ConsentLink, UNIQUE_VIOLATION } from '@app/persistence';
import { AccountsService } from '../accounts/accounts.service';
import { SeniorsService } from '../seniors/seniors.service';
import type { ConsentView, GrantConsentDto } from './consents.dto';
import { ConsentsRepository } from './consents.repository';

/** Family access to a senior: granted by staff who checked identity, revocable at once. */
@Injectable()
export class ConsentsService implements ConsentChecker {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly accounts: AccountsService,
    private readonly seniors: SeniorsService,
  ) {}

  async hasConsent(familyAccountId: string, seniorId: string, scope: ConsentScope): Promise<boolean> {
    const scopes = await this.consents.activeScopes(familyAccountId, seniorId);
    return scopes !== null && scopes.includes(scope);
  }

  async grant(seniorId: string, dto: GrantConsentDto, staff: Actor, correlationId: string): Promise<ConsentView> {
    await this.accounts.requireFamilyAccount(dto.familyAccountId);
    await this.seniors.requireExists(seniorId, staff, correlationId);
    const id = randomUUID();
    try {
      await this.consents.insert({ id, familyAccountId: dto.familyAccountId, seniorId, scopes: dto.scopes, grantedBy: staff.accountId, basis: dto.basis });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError('CONFLICT', 'This family account already holds a consent for this senior; revoke it before granting a new one');
      }
      throw error;
    }
    return toView((await this.consents.findById(id))!);
  }

  async list(seniorId: string): Promise<ConsentView[]> {
    return (await this.consents.listForSenior(seniorId)).map(toView);
  }

  async revoke(consentId: string, staff: Actor): Promise<ConsentView> {
    const link = await this.consents.findById(consentId);
    if (!link) throw new DomainError('NOT_FOUND', `No consent ${consentId}`);
    if (!(await this.consents.revoke(consentId, staff.accountId))) throw new DomainError('CONFLICT', `Consent ${consentId} is already revoked`);
    return toView((await this.consents.findById(consentId))!);
  }
}

function toView(link: ConsentLink): ConsentView {
  return {
    consentId: link.id,
    familyAccountId: link.familyAccountId,
    seniorId: link.seniorId,
    scopes: link.scopes as ConsentScope[],
    grantedBy: link.grantedBy,
    basis: link.basis,
    grantedAt: link.grantedAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
  };
}
