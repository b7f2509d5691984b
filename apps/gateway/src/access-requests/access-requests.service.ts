import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type Actor, type ConsentScope, DomainError, ServiceClient } from '@app/contracts';
import type { AccessRequest } from '@app/persistence';
import { ConsentsService } from '../consents/consents.service';
import { IdNumberProtector } from '../seniors/id-number-protector';
import type { AccessRequestDto, ApproveAccessDto } from './access-requests.dto';
import { AccessRequestsRepository } from './access-requests.repository';

export interface AccessRequestView {
  requestId: string;
  familyAccountId: string;
  /** Staff only: the registered senior with that ID number, or null. */
  seniorId?: string | null;
  idNumberLast4: string;
  relationship: string;
  scopes: ConsentScope[];
  note: string | null;
  status: 'pending' | 'approved' | 'rejected';
  decidedAt: string | null;
  decisionNote: string | null;
  consentId: string | null;
  createdAt: string;
}

/**
 * A family account asks for access to a senior by the senior's ID number; staff who meet the
 * senior or guardian confirm consent and identity and approve (which grants the consent with the
 * scopes agreed) or reject with the reason. The family is never told whether the number belongs to
 * a registered senior: every request is received alike, and staff see which ones match.
 */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly requests: AccessRequestsRepository,
    private readonly consents: ConsentsService,
    private readonly protector: IdNumberProtector,
    private readonly client: ServiceClient,
  ) {}

  async ask(dto: AccessRequestDto, family: Actor, correlationId: string, timeoutMs: number): Promise<AccessRequestView> {
    const hash = this.protector.hash(dto.idNumber);
    const found = await this.client.call('assessment', 'senior.find-by-id-hash', { idNumberHash: hash }, { actor: family, correlationId, timeoutMs });
    const seniorId = found.status === 'done' ? (found.value?.seniorId ?? null) : null;
    const id = randomUUID();
    await this.requests.insert({ id, familyAccountId: family.accountId, seniorId, idNumberHash: hash, idNumberLast4: dto.idNumber.slice(-4), relationship: dto.relationship, scopes: dto.scopes, note: dto.note, status: 'pending', decidedBy: null, decidedAt: null, decisionNote: null, consentId: null });
    return toView((await this.requests.byId(id))!, false);
  }

  async mine(family: Actor): Promise<AccessRequestView[]> {
    return (await this.requests.ofFamily(family.accountId)).map((r) => toView(r, false));
  }

  async pending(): Promise<AccessRequestView[]> {
    return (await this.requests.pending()).map((r) => toView(r, true));
  }

  async approve(requestId: string, dto: ApproveAccessDto, staff: Actor, correlationId: string): Promise<AccessRequestView> {
    const request = await this.open(requestId);
    if (!request.seniorId) throw new DomainError('SENIOR_NOT_FOUND', `No registered senior has the ID number ending ${request.idNumberLast4}: register the senior first, or reject the request`);
    const scopes = dto.scopes ?? (request.scopes as ConsentScope[]);
    const beyond = scopes.filter((scope) => !request.scopes.includes(scope));
    if (beyond.length > 0) throw new DomainError('VALIDATION_FAILED', 'Approve at most the scopes the family asked for', [{ field: 'scopes', problems: beyond.map((s) => `${s} was not asked for`) }]);
    const consent = await this.consents.grant(request.seniorId, { familyAccountId: request.familyAccountId, scopes, basis: dto.basis }, staff, correlationId);
    return this.requests.transaction(async (manager) => {
      await this.requests.update(manager, requestId, { status: 'approved', decidedBy: staff.accountId, decidedAt: new Date(), decisionNote: dto.basis, consentId: consent.consentId, scopes });
      return toView((await this.requests.byId(requestId, manager))!, true);
    });
  }

  async reject(requestId: string, reason: string, staff: Actor): Promise<AccessRequestView> {
    return this.requests.transaction(async (manager) => {
      const request = await this.requests.lock(manager, requestId);
      if (!request) throw new DomainError('NOT_FOUND', `No access request ${requestId}`);
      if (request.status !== 'pending') throw new DomainError('CONFLICT', `Access request ${requestId} was ${request.status} already`);
      await this.requests.update(manager, requestId, { status: 'rejected', decidedBy: staff.accountId, decidedAt: new Date(), decisionNote: reason });
      return toView((await this.requests.byId(requestId, manager))!, true);
    });
  }

  private async open(requestId: string): Promise<AccessRequest> {
    const request = await this.requests.byId(requestId);
    if (!request) throw new DomainError('NOT_FOUND', `No access request ${requestId}`);
    if (request.status !== 'pending') throw new DomainError('CONFLICT', `Access request ${requestId} was ${request.status} already`);
    return request;
  }
}

function toView(r: AccessRequest, forStaff: boolean): AccessRequestView {
  return {
    requestId: r.id,
    familyAccountId: r.familyAccountId,
    ...(forStaff ? { seniorId: r.seniorId } : {}),
    idNumberLast4: r.idNumberLast4,
    relationship: r.relationship,
    scopes: r.scopes as ConsentScope[],
    note: r.note,
    status: r.status,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    consentId: r.consentId,
    createdAt: r.createdAt.toISOString(),
  };
}
