import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, LivingArrangement, PriorityFlag, PriorityFlagGrant, RegisterSeniorCommand, SeniorRecord, Sex } from '@app/contracts';
import { DomainError } from '@app/contracts';
import { AssessmentOutboxEvent, OutboxRelay, recordEvent, Senior, UNIQUE_VIOLATION } from '@app/persistence';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { SeniorsRepository } from './seniors.repository';

@Injectable()
export class SeniorsService {
  constructor(
    private readonly seniors: SeniorsRepository,
    private readonly entitlements: EntitlementsService,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Registers a senior and records `senior.registered` in the same transaction. Idempotent on the
   * senior id chosen by the gateway: a retried command returns the first registration.
   */
  async register(command: RegisterSeniorCommand, actor: Actor | null, correlationId: string): Promise<SeniorRecord> {
    const existing = await this.seniors.findById(command.seniorId);
    if (existing) return this.sameRegistration(existing, command);
    try {
      await this.seniors.transaction(async (manager) => {
        if (await this.seniors.findByIdNumberHash(command.idNumber.hash, manager)) throw idNumberTaken();
        await this.seniors.insert(
          manager,
          {
            id: command.seniorId,
            name: command.name,
            sex: command.sex,
            birthDate: command.birthDate,
            idNumberCipher: command.idNumber.cipher,
            idNumberHash: command.idNumber.hash,
            idNumberLast4: command.idNumber.last4,
            addressText: command.address.text,
            streetCode: command.address.streetCode,
            districtCode: command.districtCode,
            location: { type: 'Point', coordinates: [command.address.location.lng, command.address.location.lat] },
            livingArrangement: command.livingArrangement,
            phone: command.phone,
            registeredBy: actor?.accountId ?? null,
          },
          command.priorityFlags.map((f) => ({ flag: f.flag, evidence: f.evidence, validFrom: f.validFrom, validUntil: f.validUntil })),
        );
        await recordEvent(
          manager,
          AssessmentOutboxEvent,
          'senior.registered',
          {
            seniorId: command.seniorId,
            name: command.name,
            sex: command.sex,
            birthDate: command.birthDate,
            address: { text: command.address.text, streetCode: command.address.streetCode },
            districtCode: command.districtCode,
            location: command.address.location,
            livingArrangement: command.livingArrangement,
            priorityFlags: command.priorityFlags.map(({ flag, validFrom, validUntil }) => ({ flag, validFrom, validUntil })),
            registeredAt: new Date().toISOString(),
          },
          correlationId,
        );
        await this.initialEntitlements(manager, command.seniorId, correlationId);
      });
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      // A concurrent twin of this command won the race, or the ID number was registered meanwhile.
      const raced = await this.seniors.findById(command.seniorId);
      if (raced) return this.sameRegistration(raced, command);
      throw idNumberTaken();
    }
    this.relay.kick();
    return this.get(command.seniorId);
  }

  /** What a senior is entitled to before any assessment (priority groups, subsidies); none where the district has no policy yet. */
  private async initialEntitlements(manager: EntityManager, seniorId: string, correlationId: string): Promise<void> {
    try {
      await this.entitlements.recompute(manager, seniorId, 'registered', correlationId);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'POLICY_NOT_FOUND')) throw error;
    }
  }

  /** Grants a priority flag; the senior's entitlements are derived again in the same transaction. */
  async grantFlag(seniorId: string, grant: PriorityFlagGrant, correlationId: string): Promise<SeniorRecord> {
    if (grant.validUntil !== null && grant.validUntil < grant.validFrom) {
      throw new DomainError('VALIDATION_FAILED', 'validUntil is before validFrom', [{ field: 'validUntil', problems: ['is before validFrom'] }]);
    }
    await this.changeFlags(seniorId, correlationId, (manager) => this.seniors.insertFlag(manager, seniorId, grant));
    return this.get(seniorId);
  }

  /** Ends a grant's validity on a date (not before it started); the history stays. */
  async endFlag(seniorId: string, grantId: string, validUntil: string, reason: string, correlationId: string): Promise<SeniorRecord> {
    await this.changeFlags(seniorId, correlationId, async (manager) => {
      const grant = await this.seniors.findFlag(manager, seniorId, grantId);
      if (!grant) throw new DomainError('NOT_FOUND', `Senior ${seniorId} has no flag grant ${grantId}`);
      if (validUntil < grant.validFrom) throw new DomainError('VALIDATION_FAILED', 'validUntil is before the grant started', [{ field: 'validUntil', problems: [`is before ${grant.validFrom}`] }]);
      await this.seniors.endFlag(manager, grantId, validUntil, reason);
    });
    return this.get(seniorId);
  }

  private async changeFlags(seniorId: string, correlationId: string, change: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.seniors.transaction(async (manager) => {
      if (!(await this.seniors.lock(manager, seniorId))) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId}`);
      await change(manager);
      const senior = (await this.seniors.findById(seniorId, manager))!;
      await recordEvent(
        manager,
        AssessmentOutboxEvent,
        'senior.flags-changed',
        {
          seniorId,
          livingArrangement: senior.livingArrangement as LivingArrangement,
          priorityFlags: (senior.priorityFlags ?? []).map((f) => ({ flag: f.flag as PriorityFlag, validFrom: f.validFrom, validUntil: f.validUntil })),
        },
        correlationId,
      );
      await this.entitlements.recompute(manager, seniorId, 'flags-changed', correlationId);
    });
    this.relay.kick();
  }

  /** The senior registered under an ID number's lookup hash, if any (a family asking for access names the senior by ID number). */
  async findByIdNumberHash(hash: string): Promise<{ seniorId: string } | null> {
    const senior = await this.seniors.findByIdNumberHash(hash);
    return senior ? { seniorId: senior.id } : null;
  }

  async get(seniorId: string): Promise<SeniorRecord> {
    const senior = await this.seniors.findById(seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId}`);
    return toRecord(senior);
  }

  private sameRegistration(existing: Senior, command: RegisterSeniorCommand): SeniorRecord {
    if (existing.idNumberHash !== command.idNumber.hash) throw new DomainError('CONFLICT', `Senior id ${command.seniorId} is already used by another registration`);
    return toRecord(existing);
  }
}

function idNumberTaken(): DomainError {
  return new DomainError('ID_NUMBER_TAKEN', 'A senior with this ID number is already registered', [
    { field: 'idNumber', problems: ['is already registered'] },
  ]);
}

function toRecord(senior: Senior): SeniorRecord {
  const [lng, lat] = senior.location.coordinates as [number, number];
  return {
    seniorId: senior.id,
    name: senior.name,
    sex: senior.sex as Sex,
    birthDate: senior.birthDate,
    idNumber: { cipher: senior.idNumberCipher, hash: senior.idNumberHash, last4: senior.idNumberLast4 },
    address: { text: senior.addressText, streetCode: senior.streetCode, location: { lat, lng } },
    districtCode: senior.districtCode,
    livingArrangement: senior.livingArrangement as LivingArrangement,
    priorityFlags: (senior.priorityFlags ?? [])
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((f) => ({ grantId: f.id, flag: f.flag as PriorityFlag, evidence: f.evidence, validFrom: f.validFrom, validUntil: f.validUntil })),
    phone: senior.phone,
    registeredBy: senior.registeredBy,
    registeredAt: senior.registeredAt.toISOString(),
  };
}
