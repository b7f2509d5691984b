import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ENVIRONMENT, type PlatformEnvironment } from '@app/config';
import { type Actor, DomainError, type KitchenWebhookRecord, type MealSlotName, SCHEDULE_QUEUES, type WebhookDeliveryRecord } from '@app/contracts';
import { webhookSignature, webhookUrlProblems } from '@app/domain';
import { requireKitchenAccess } from '../kitchens/kitchen-access';
import { KitchensRepository } from '../kitchens/kitchens.repository';
import { MealDeliveriesService } from '../meal-deliveries/meal-deliveries.service';
import { KitchenWebhooksRepository } from './kitchen-webhooks.repository';

const EVENT = 'kitchen.lists-ready';
const TIMEOUT_MS = 10_000;
/** Eight attempts over about four minutes (1 s, 2 s, 4 s … 128 s), then the delivery log and the dead letters show it. */
const RETRIES = { attempts: 8, backoff: { type: 'exponential', delay: 1_000 } } as const;
/** The dispatch service itself, reading a kitchen's lists to push them. */
const SYSTEM: Actor = { accountId: '00000000-0000-0000-0000-000000000000', roles: ['admin'], facilityIds: [], kitchenIds: [] };

/**
 * After each cutoff, a kitchen that asked for it gets its production list and manifests pushed to
 * its webhook: a JSON POST signed with HMAC-SHA256 over `timestamp.body` with the kitchen's secret
 * (`X-Eldercare-Signature: t=…,v1=…`), retried with backoff until it answers 2xx, every attempt in
 * the delivery log. The delivery id is the same on every attempt, so the kitchen can deduplicate.
 */
@Injectable()
export class KitchenWebhooksService {
  private readonly logger = new Logger(KitchenWebhooksService.name);

  constructor(
    private readonly webhooks: KitchenWebhooksRepository,
    private readonly kitchens: KitchensRepository,
    private readonly deliveries: MealDeliveriesService,
    @InjectQueue(SCHEDULE_QUEUES.dispatch) private readonly queue: Queue,
    @Inject(ENVIRONMENT) private readonly env: PlatformEnvironment,
  ) {}

  async set(kitchenId: string, url: string | null, secret: string | null, actor: Actor): Promise<KitchenWebhookRecord> {
    if (!(await this.kitchens.findById(kitchenId))) throw new DomainError('KITCHEN_NOT_FOUND', `No kitchen ${kitchenId}`);
    requireKitchenAccess(actor, kitchenId);
    if (url !== null) {
      const problems = webhookUrlProblems(url, this.env.NODE_ENV !== 'production');
      if (secret === null || secret.length < 16) problems.push({ field: 'secret', problems: ['give a secret of at least 16 characters to sign the deliveries with'] });
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The webhook cannot be set', problems);
    }
    await this.webhooks.setWebhook(kitchenId, url, url === null ? null : secret);
    return { kitchenId, url, signed: url !== null };
  }

  /** After a cutoff: one delivery per kitchen with a webhook; the job id makes enqueuing twice harmless. */
  async enqueue(kitchenIds: string[], date: string, slot: MealSlotName): Promise<void> {
    for (const kitchen of await this.webhooks.withWebhooks(kitchenIds)) {
      const deliveryId = `${EVENT}:${kitchen.id}:${date}:${slot}`;
      try {
        await this.queue.add('kitchen.webhook', { kitchenId: kitchen.id, date, slot, deliveryId }, { jobId: deliveryId.replaceAll(':', '-'), ...RETRIES });
      } catch (error) {
        this.logger.warn({ err: error, kitchenId: kitchen.id }, 'could not queue a kitchen webhook; the lists stay readable through the API');
      }
    }
  }

  /** One attempt: throws on anything but 2xx so BullMQ retries it. */
  async deliver(kitchenId: string, date: string, slot: MealSlotName, deliveryId: string): Promise<{ statusCode: number }> {
    const [kitchen] = await this.webhooks.withWebhooks([kitchenId]);
    if (!kitchen?.webhookUrl || !kitchen.webhookSecret) return { statusCode: 0 }; // the webhook was removed meanwhile
    const [productionList, manifests] = await Promise.all([this.deliveries.productionList(kitchenId, date, slot, SYSTEM), this.deliveries.manifests(kitchenId, date, slot, SYSTEM)]);
    const body = JSON.stringify({ event: EVENT, deliveryId, kitchenId, date, slot, productionList, manifests });
    const signature = webhookSignature(kitchen.webhookSecret, body);
    const attempt = (await this.webhooks.attempts(deliveryId)) + 1;
    const started = performance.now();
    let statusCode: number | null = null;
    let failure: string | null = null;
    try {
      const response = await fetch(kitchen.webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Eldercare-Event': EVENT, 'X-Eldercare-Delivery': deliveryId, 'X-Eldercare-Signature': signature, 'User-Agent': 'eldercare-dispatch' },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = response.status;
      if (!response.ok) failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (error as Error).message;
    }
    await this.webhooks.log({ kitchenId, deliveryId, event: EVENT, url: kitchen.webhookUrl, attempt, statusCode, error: failure, durationMs: Math.round(performance.now() - started) });
    if (failure) throw new Error(`webhook ${deliveryId} attempt ${attempt}: ${failure}`);
    return { statusCode: statusCode! };
  }

  async log(kitchenId: string, actor: Actor): Promise<WebhookDeliveryRecord[]> {
    requireKitchenAccess(actor, kitchenId);
    return (await this.webhooks.deliveries(kitchenId)).map((d) => ({ deliveryId: d.deliveryId, event: d.event, url: d.url, attempt: d.attempt, statusCode: d.statusCode, error: d.error, durationMs: d.durationMs, at: d.at.toISOString() }));
  }
}
