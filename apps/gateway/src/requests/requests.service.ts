import { Injectable } from '@nestjs/common';
import { Actor, DomainError, DomainErrorBody, SeniorRecord, ServiceClient } from '@app/contracts';
import { SeniorsService } from '../seniors/seniors.service';

export type RequestStatusView =
  | { requestId: string; status: 'pending' }
  | { requestId: string; status: 'completed'; result: unknown }
  | { requestId: string; status: 'rejected'; error: DomainErrorBody }
  | { requestId: string; status: 'failed'; message: string };

/** Status resources of queued requests. Only the caller who made a request (or an admin) can read it. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly client: ServiceClient,
    private readonly seniors: SeniorsService,
  ) {}

  async status(requestId: string, actor: Actor): Promise<RequestStatusView> {
    const state = await this.client.requestState(requestId);
    if (!state || (state.actorId !== actor.accountId && !actor.roles.includes('admin'))) {
      throw new DomainError('REQUEST_NOT_FOUND', `No request ${requestId} of yours`);
    }
    switch (state.status) {
      case 'pending':
        return { requestId, status: 'pending' };
      case 'failed':
        return { requestId, status: 'failed', message: 'The service could not complete this request; staff have been alerted' };
      case 'completed':
        if (!state.reply.ok) return { requestId, status: 'rejected', error: state.reply.error };
        return { requestId, status: 'completed', result: this.present(state.service, state.reply.value, actor) };
    }
  }

  /** Shows a completed result the way its route would have; results of unknown shape are not echoed. */
  private present(service: string, value: unknown, actor: Actor): unknown {
    if (service === 'assessment' && isSeniorRecord(value)) return this.seniors.present(value, actor);
    return null;
  }
}

function isSeniorRecord(value: unknown): value is SeniorRecord {
  return typeof value === 'object' && value !== null && 'seniorId' in value && 'idNumber' in value;
}
