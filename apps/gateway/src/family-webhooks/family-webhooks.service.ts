import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { DomainError } from '@app/contracts';
import { webhookSignature, webhookUrlProblems } from '@app/domain';
import type { FamilyWebhookDelivery } from '@app/persistence';
import { PollingTask } from '../background/polling-task';
import { SealedText } from '../personal-data/sealed-text';
import { FamilyWebhooksRepository } from './family-webhooks.repository';

const TIMEOUT_MS = 10_000;
const BATCH = 20;
/** Attempts, then the delivery is failed (its log says why); waits double from 5 s: 5 s, 10 s, 20 s … about 21 minutes in all. */
const MAX_ATTEMPTS = 9;
const FIRST_RETRY_MS = 5_000;
/** A leased delivery is left alone this long (longer than one attempt can take). */
const LEASE_MS = 60_000;

export interface FamilyWebhookView {
  url: string | null;
  signed: boolean;
  updatedAt: string | null;
}

export interface FamilyWebhookDeliveryView {
  deliveryId: string;
  event: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  log: Array<{ at: string; httpStatus: number | null; error: string | null }>;
}

/**
 * Families' apps hear of their bookings' status changes by webhook: a JSON POST signed with
 * HMAC-SHA256 over `timestamp.body` with the account's secret (`X-Eldercare-Signature: t=…,v1=…`),
 * retried with backoff until the app answers 2xx, every attempt in the delivery log the family can
 * read. Deliveries are written in the same transaction as the status change, so none is lost; the
 * delivery id is the same on every attempt, so the app can deduplicate.
 */
@Injectable()
export class FamilyWebhooksService extends PollingTask {
  protected readonly intervalMs: number;
  protected readonly batchSize = BATCH;

  constructor(
    private readonly webhooks: FamilyWebhooksRepository,
    private readonly sealed: SealedText,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {
    super();
    this.intervalMs = Math.max(200, env.OUTBOX_POLL_MS);
  }

  async set(accountId: string, url: string, secret: string): Promise<FamilyWebhookView> {
    const problems = webhookUrlProblems(url, this.env.NODE_ENV !== 'production');
    if (secret.length < 16) problems.push({ field: 'secret', problems: ['give a secret of at least 16 characters to check the signatures with'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The webhook cannot be set', problems);
    const updatedAt = new Date();
    await this.webhooks.save({ accountId, url, secretSealed: this.sealed.seal(secret), updatedAt });
    return { url, signed: true, updatedAt: updatedAt.toISOString() };
  }

  async get(accountId: string): Promise<FamilyWebhookView> {
    const hook = await this.webhooks.webhook(accountId);
    return { url: hook?.url ?? null, signed: hook !== null, updatedAt: hook?.updatedAt.toISOString() ?? null };
  }

  async remove(accountId: string): Promise<void> {
    await this.webhooks.remove(accountId);
  }

  /** In the caller's transaction: one delivery per account, due now. */
  async enqueue(manager: EntityManager, accountIds: readonly string[], event: string, payload: object): Promise<void> {
    const now = new Date();
    await this.webhooks.insertDeliveries(manager, accountIds.map((accountId) => ({ id: randomUUID(), accountId, event, payload: { ...payload, event }, status: 'pending' as const, nextAttemptAt: now })));
  }

  async deliveries(accountId: string): Promise<FamilyWebhookDeliveryView[]> {
    return (await this.webhooks.deliveries(accountId)).map(toView);
  }

  /**
   * One batch of due deliveries: leased (their next attempt pushed a minute ahead, in a short
   * transaction, so another gateway skips them and a crash retries them), then each sent and its
   * attempt recorded on its own, so one failure cannot roll back the others' logs.
   */
  protected async runOnce(): Promise<number> {
    const due = await this.webhooks.transaction(async (manager) => {
      const rows = await this.webhooks.due(manager, BATCH);
      for (const row of rows) await this.webhooks.updateDelivery(manager, row.id, { nextAttemptAt: new Date(Date.now() + LEASE_MS) });
      return rows;
    });
    await Promise.all(due.map((delivery) => this.attempt(delivery).catch((error: unknown) => this.logger.warn({ err: error, deliveryId: delivery.id }, 'could not record a webhook attempt; it is retried after its lease'))));
    return due.length;
  }

  private async attempt(delivery: FamilyWebhookDelivery): Promise<void> {
    const manager = this.webhooks.manager;
    const hook = await this.webhooks.webhook(delivery.accountId);
    const at = new Date();
    const log = [...((delivery.attemptLog as unknown as FamilyWebhookDeliveryView['log']) ?? [])];
    if (!hook) {
      log.push({ at: at.toISOString(), httpStatus: null, error: 'the webhook was removed' });
      await this.webhooks.updateDelivery(manager, delivery.id, { status: 'failed', attemptLog: log as unknown as object });
      return;
    }
    const body = JSON.stringify({ deliveryId: delivery.id, ...(delivery.payload as object) });
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Eldercare-Event': delivery.event, 'X-Eldercare-Delivery': delivery.id, 'X-Eldercare-Signature': webhookSignature(this.sealed.open(hook.secretSealed), body), 'User-Agent': 'eldercare-gateway' },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      httpStatus = response.status;
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (failure) {
      error = (failure as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (failure as Error).message;
    }
    log.push({ at: at.toISOString(), httpStatus, error });
    const attempts = delivery.attempts + 1;
    if (error === null) {
      await this.webhooks.updateDelivery(manager, delivery.id, { status: 'delivered', attempts, deliveredAt: at, attemptLog: log as unknown as object });
    } else if (attempts >= MAX_ATTEMPTS) {
      await this.webhooks.updateDelivery(manager, delivery.id, { status: 'failed', attempts, attemptLog: log as unknown as object });
    } else {
      await this.webhooks.updateDelivery(manager, delivery.id, { attempts, nextAttemptAt: new Date(at.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1)), attemptLog: log as unknown as object });
    }
  }
}

function toView(d: FamilyWebhookDelivery): FamilyWebhookDeliveryView {
  return {
    deliveryId: d.id,
    event: d.event,
    payload: d.payload,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    log: d.attemptLog as unknown as FamilyWebhookDeliveryView['log'],
  };
}
