import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, SeniorRecord, ServiceClient } from '@app/contracts';
import { PendingRequest } from '@app/http';
import { IdNumberProtector } from './id-number-protector';
import type { EndFlagDto, PriorityFlagDto, RegisterSeniorDto } from './register-senior.dto';
import { presentSenior, SeniorView } from './senior.view';

@Injectable()
export class SeniorsService {
  constructor(
    private readonly client: ServiceClient,
    private readonly protector: IdNumberProtector,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /**
   * Registers a senior with the assessment service. With an Idempotency-Key the senior id and the
   * request id derive from (caller, key), so a retried POST is the same command, never a second senior.
   */
  async register(dto: RegisterSeniorDto, actor: Actor, correlationId: string, idempotencyKey?: string): Promise<SeniorView | PendingRequest> {
    const seniorId = idempotencyKey ? derivedUuid(`senior:${actor.accountId}:${idempotencyKey}`) : randomUUID();
    const outcome = await this.client.call(
      'assessment',
      'senior.register',
      {
        seniorId,
        name: dto.name,
        sex: dto.sex,
        birthDate: dto.birthDate,
        idNumber: this.protector.protect(dto.idNumber),
        address: { text: dto.address.text, streetCode: dto.address.streetCode, location: { lat: dto.address.location.lat, lng: dto.address.location.lng } },
        // A street (街镇) code starts with its district's 6-digit code.
        districtCode: dto.address.streetCode?.slice(0, 6) ?? this.env.DEFAULT_DISTRICT_CODE,
        livingArrangement: dto.livingArrangement,
        priorityFlags: dto.priorityFlags.map((f) => ({ flag: f.flag, evidence: f.evidence, validFrom: f.validFrom, validUntil: f.validUntil })),
        phone: dto.phone,
      },
      { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS, requestId: idempotencyKey ? derivedUuid(`request:${actor.accountId}:${idempotencyKey}`) : undefined },
    );
    return outcome.status === 'pending' ? new PendingRequest(outcome.requestId) : presentSenior(outcome.value, actor, this.protector);
  }

  async grantFlag(seniorId: string, dto: PriorityFlagDto, actor: Actor, correlationId: string): Promise<SeniorView | PendingRequest> {
    const grant = { flag: dto.flag, evidence: dto.evidence, validFrom: dto.validFrom, validUntil: dto.validUntil };
    const outcome = await this.client.call('assessment', 'senior.grant-flag', { seniorId, grant }, { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS });
    return outcome.status === 'pending' ? new PendingRequest(outcome.requestId) : presentSenior(outcome.value, actor, this.protector);
  }

  async endFlag(seniorId: string, grantId: string, dto: EndFlagDto, actor: Actor, correlationId: string): Promise<SeniorView | PendingRequest> {
    const outcome = await this.client.call(
      'assessment',
      'senior.end-flag',
      { seniorId, grantId, validUntil: dto.validUntil, reason: dto.reason },
      { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS },
    );
    return outcome.status === 'pending' ? new PendingRequest(outcome.requestId) : presentSenior(outcome.value, actor, this.protector);
  }

  async get(seniorId: string, actor: Actor, correlationId: string): Promise<SeniorView | PendingRequest> {
    const outcome = await this.client.call('assessment', 'senior.get', { seniorId }, { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS });
    return outcome.status === 'pending' ? new PendingRequest(outcome.requestId) : presentSenior(outcome.value, actor, this.protector);
  }

  /** Throws SENIOR_NOT_FOUND unless the assessment service knows the senior (waits as long as it takes). */
  async requireExists(seniorId: string, actor: Actor, correlationId: string): Promise<void> {
    await this.client.call('assessment', 'senior.get', { seniorId }, { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS * 3 });
  }

  /** How a senior registration completed later is shown on its status resource. */
  present(record: SeniorRecord, actor: Actor): SeniorView {
    return presentSenior(record, actor, this.protector);
  }
}

/** A UUID (version 8 layout) derived from a string: the same input always gives the same id. */
export function derivedUuid(input: string): string {
  const hex = createHash('sha256').update(input).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
