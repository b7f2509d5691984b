import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Kitchen, WebhookDelivery } from '@app/persistence';

/** The only place that reads and writes kitchens' webhooks and their delivery log. */
@Injectable()
export class KitchenWebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async setWebhook(kitchenId: string, url: string | null, secret: string | null): Promise<void> {
    await this.dataSource.manager.update(Kitchen, { id: kitchenId }, { webhookUrl: url, webhookSecret: secret });
  }

  withWebhooks(kitchenIds: string[]): Promise<Kitchen[]> {
    if (kitchenIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(Kitchen, 'k').where('k.id = ANY(:kitchenIds) AND k.webhook_url IS NOT NULL', { kitchenIds }).getMany();
  }

  async attempts(deliveryId: string): Promise<number> {
    return this.dataSource.manager.count(WebhookDelivery, { where: { deliveryId } });
  }

  async log(delivery: Omit<WebhookDelivery, 'id' | 'at'>): Promise<void> {
    await this.dataSource.manager.insert(WebhookDelivery, delivery);
  }

  deliveries(kitchenId: string): Promise<WebhookDelivery[]> {
    return this.dataSource.manager.find(WebhookDelivery, { where: { kitchenId }, order: { at: 'DESC', id: 'DESC' }, take: 200 });
  }
}
