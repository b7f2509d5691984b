import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import {
  Actor,
  CallOutcome,
  DomainError,
  type ErasureItem,
  type PersonalDataPart,
  type PersonalDataRows,
  SERVICE_NAMES,
  ServiceClient,
  type ServiceErasureResult,
  type ServiceName,
} from '@app/contracts';
import type { SeniorErasureRequest } from '@app/persistence';
import { AuditRepository } from '../audit/audit.repository';
import type { AuditEntryView } from '../audit/audit.service';
import type { ConsentView } from '../consents/consents.dto';
import { ConsentsRepository } from '../consents/consents.repository';
import { ConsentsService } from '../consents/consents.service';
import { SeniorsService } from '../seniors/seniors.service';
import type { SeniorView } from '../seniors/senior.view';
import { ErasureRequestsRepository } from './erasure-requests.repository';
import { SealedText } from './sealed-text';

/** Everything the platform holds about one senior (PIPL art. 45): the gateway's part and each service's. */
export interface PersonalDataExport {
  seniorId: string;
  exportedAt: string;
  exportedFor: { accountId: string; roles: string[] };
  gateway: {
    /** The registration as the gateway shows it to the caller (the whole ID number only to admins and assessors). */
    registration: SeniorView;
    consents: ConsentView[];
    auditEntries: AuditEntryView[];
    erasure: ErasureView | null;
  };
  assessment: PersonalDataPart;
  allocation: PersonalDataPart;
  /** Visit notes and concern details are opened here (the services hold them sealed). */
  dispatch: PersonalDataPart;
}

type GatewayErasureResult = Omit<ServiceErasureResult, 'service'> & { service: 'gateway' };
type Part = ServiceName | 'gateway';
const PARTS: readonly Part[] = ['gateway', ...SERVICE_NAMES];

export interface ErasureView {
  seniorId: string;
  /** completed: every service and the gateway confirmed; in-progress: some have not answered yet (they will: the commands stay queued). */
  status: 'completed' | 'in-progress';
  reason: string;
  requestedBy: string;
  requestedAt: string;
  completedAt: string | null;
  /** Each part's answer: what it erased and what it kept and why; `pending` until it confirms. */
  parts: Record<Part, GatewayErasureResult | ServiceErasureResult | { status: 'pending' }>;
  statusUrl: string;
}

const AUDIT_EXPORT_LIMIT = 100_000;
const ERASED_ON_REQUEST = 'PIPL art. 47: erased at the request of the senior or their guardian';

/**
 * A senior's personal data on request: the copy (PIPL art. 45) gathered from every service, and
 * the erasure (art. 47) carried out by each service for its own schema. See docs/adr/007.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly client: ServiceClient,
    private readonly seniors: SeniorsService,
    private readonly consents: ConsentsService,
    private readonly consentLinks: ConsentsRepository,
    private readonly auditEntries: AuditRepository,
    private readonly requests: ErasureRequestsRepository,
    private readonly sealed: SealedText,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** All parts or none: a service that does not answer in time makes the export a 503 naming it. */
  async export(seniorId: string, actor: Actor, correlationId: string): Promise<PersonalDataExport> {
    const ask = { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS };
    const registration = await this.client.call('assessment', 'senior.get', { seniorId }, ask);
    const [assessment, allocation, dispatch] = await Promise.all([
      this.client.call('assessment', 'senior.personal-data', { seniorId }, ask),
      this.client.call('allocation', 'senior.personal-data', { seniorId }, ask),
      this.client.call('dispatch', 'senior.personal-data', { seniorId }, ask),
    ]);
    const late = (
      [
        ['assessment', registration],
        ['assessment', assessment],
        ['allocation', allocation],
        ['dispatch', dispatch],
      ] as Array<[ServiceName, CallOutcome<unknown>]>
    ).filter(([, o]) => o.status === 'pending');
    if (registration.status !== 'done' || assessment.status !== 'done' || allocation.status !== 'done' || dispatch.status !== 'done') {
      const names = [...new Set(late.map(([s]) => s))].join(', ');
      throw new DomainError('SERVICE_UNAVAILABLE', `The ${names} service did not answer in time; nothing was exported: ask again in a minute`);
    }
    const request = await this.requests.find(seniorId);
    return {
      seniorId,
      exportedAt: new Date().toISOString(),
      exportedFor: { accountId: actor.accountId, roles: actor.roles },
      gateway: {
        registration: this.seniors.present(registration.value, actor),
        consents: await this.consents.list(seniorId),
        auditEntries: (await this.auditEntries.listForSenior(seniorId, AUDIT_EXPORT_LIMIT)).map((e) => ({
          at: e.at.toISOString(),
          actorAccountId: e.actorAccountId,
          actorRoles: e.actorRoles,
          action: e.action,
          route: e.route,
          status: e.status,
          correlationId: e.correlationId,
        })),
        erasure: request ? view(request) : null,
      },
      assessment: assessment.value,
      allocation: allocation.value,
      dispatch: { ...dispatch.value, tables: { ...dispatch.value.tables, care_visit: this.openVisitNotes(dispatch.value.tables.care_visit ?? []) } },
    };
  }

  /**
   * Starts or carries on the senior's erasure: the gateway's own part, then `senior.erase` to each
   * service that has not confirmed, as a command job with a stable id. A service that is down keeps
   * its job queued (BullMQ retries it) and the request stays in progress until it confirms; asking
   * again (POST or GET) picks up the answers. A completed request answers the same every time.
   */
  async erase(seniorId: string, reason: string, actor: Actor, correlationId: string): Promise<ErasureView> {
    let request = await this.requests.find(seniorId);
    if (request?.completedAt) return view(request);
    if (!request) {
      // Nothing is started for a senior the assessment service cannot vouch for right now.
      const known = await this.client.call('assessment', 'senior.get', { seniorId }, { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS });
      if (known.status !== 'done') throw new DomainError('SERVICE_UNAVAILABLE', 'The assessment service did not answer in time; nothing was erased: ask again in a minute');
      request = await this.requests.findOrCreate({ seniorId, reason, requestedBy: actor.accountId, requestedAt: new Date() });
    }
    return this.advance(request, actor, correlationId, true);
  }

  /** The request as it stands, with any confirmations that arrived since (nothing is sent again). */
  async status(seniorId: string, actor: Actor, correlationId: string): Promise<ErasureView> {
    const request = await this.requests.find(seniorId);
    if (!request) throw new DomainError('NOT_FOUND', `No erasure was requested for senior ${seniorId}`);
    return request.completedAt ? view(request) : this.advance(request, actor, correlationId, false);
  }

  private async advance(request: SeniorErasureRequest, actor: Actor, correlationId: string, send: boolean): Promise<ErasureView> {
    const confirmations: Record<string, unknown> = {};
    const jobIds: Record<string, string> = {};
    if (!request.confirmations.gateway && send) confirmations.gateway = await this.eraseGatewayPart(request, actor);
    const command = { seniorId: request.seniorId, reason: request.reason, requestedBy: request.requestedBy, requestedAt: request.requestedAt.toISOString() };
    const refusals: DomainError[] = [];
    await Promise.all(
      SERVICE_NAMES.filter((s) => !request.confirmations[s]).map(async (service) => {
        let jobId = request.jobIds[service] ?? `erasure-${request.seniorId}-${service}-1`;
        const state = await this.client.requestState(jobId);
        if (state?.status === 'completed') {
          if (state.reply.ok) confirmations[service] = state.reply.value;
          else refusals.push(DomainError.fromBody(state.reply.error));
          return;
        }
        if (!send) return;
        // A job that failed every attempt (e.g. the database was down for long) is sent again under a new id.
        if (state?.status === 'failed') jobId = nextJobId(jobId);
        jobIds[service] = jobId;
        try {
          const outcome = await this.client.call(service, 'senior.erase', command, { actor, correlationId, requestId: jobId, timeoutMs: this.env.REQUEST_TIMEOUT_MS });
          if (outcome.status === 'done') confirmations[service] = outcome.value;
        } catch (error) {
          if (error instanceof DomainError) refusals.push(error);
          // Anything else: the job failed; the next request sends it again under a new id.
        }
      }),
    );
    const updated = await this.requests.record(request.seniorId, confirmations, jobIds, PARTS);
    if (refusals.length > 0 && !updated.completedAt) throw refusals[0]!;
    return view(updated);
  }

  /** The gateway's own part: family access ends at once; the consent records and the audit log stay. */
  private async eraseGatewayPart(request: SeniorErasureRequest, actor: Actor): Promise<GatewayErasureResult> {
    const revoked = await this.consentLinks.revokeAllForSenior(request.seniorId, actor.accountId);
    const consents = (await this.consentLinks.listForSenior(request.seniorId)).length;
    const audit = (await this.auditEntries.listForSenior(request.seniorId, AUDIT_EXPORT_LIMIT)).length;
    const copies = await this.requests.eraseGatewayCopies(request.seniorId);
    const erased: ErasureItem[] = [
      { what: 'family consents still active, revoked: no family account sees the senior any more', rows: revoked, why: 'PIPL art. 47: the purpose of family access ended with the erasure' },
      { what: 'bodies sent and answers stored with bookings made through the families’ API (route, status and history kept)', rows: copies.bookings, why: ERASED_ON_REQUEST },
      { what: 'stored answers kept for idempotent retries that show the senior', rows: copies.replays, why: ERASED_ON_REQUEST },
      { what: 'payloads of webhook deliveries to families about the senior', rows: copies.webhookPayloads, why: ERASED_ON_REQUEST },
    ];
    return {
      service: 'gateway',
      seniorId: request.seniorId,
      erasedAt: request.requestedAt.toISOString(),
      erased,
      kept: [
        { what: 'consent records (who granted which scopes, on what basis, when revoked)', rows: consents, why: 'proof of the lawful basis of the processing done before the erasure (PIPL arts. 13–14); no copy of the senior’s data' },
        { what: 'audit log entries about the senior (who read or changed what, when, with which answer)', rows: audit, why: 'the record of processing PIPL arts. 54–55 require, and the evidence that the erasure itself happened; holds account ids, routes and statuses, not the senior’s data' },
      ],
    };
  }

  private openVisitNotes(rows: PersonalDataRows): PersonalDataRows {
    return rows.map(({ notes_sealed: notesSealed, concerns, ...row }) => ({
      ...row,
      notes: typeof notesSealed === 'string' ? this.sealed.open(notesSealed) : null,
      concerns: Array.isArray(concerns)
        ? concerns.map((c: Record<string, unknown>) => {
            const { detailSealed, ...concern } = c;
            return { ...concern, detail: typeof detailSealed === 'string' ? this.sealed.open(detailSealed) : null };
          })
        : [],
    }));
  }
}

function view(request: SeniorErasureRequest): ErasureView {
  const parts = Object.fromEntries(PARTS.map((p) => [p, request.confirmations[p] ?? { status: 'pending' }])) as ErasureView['parts'];
  return {
    seniorId: request.seniorId,
    status: request.completedAt ? 'completed' : 'in-progress',
    reason: request.reason,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt.toISOString(),
    completedAt: request.completedAt?.toISOString() ?? null,
    parts,
    statusUrl: `/v1/seniors/${request.seniorId}/erasure`,
  };
}

function nextJobId(jobId: string): string {
  const match = /-(\d+)$/.exec(jobId)!;
  return `${jobId.slice(0, match.index)}-${Number(match[1]) + 1}`;
}
