import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Courier, Kitchen, KitchenMenu } from '@app/persistence';

/** The only place that reads and writes kitchens, their menus and couriers. */
@Injectable()
export class KitchensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Kitchen | null> {
    return this.dataSource.manager.findOne(Kitchen, { where: { id } });
  }

  inDistrict(districtCode: string): Promise<Kitchen[]> {
    return this.dataSource.manager.find(Kitchen, { where: { districtCode }, order: { name: 'ASC' } });
  }

  async districts(): Promise<string[]> {
    const rows: Array<{ district_code: string }> = await this.dataSource.query(`SELECT DISTINCT district_code FROM dispatch.kitchen`);
    return rows.map((r) => r.district_code);
  }

  async insert(kitchen: Omit<Kitchen, 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(Kitchen, kitchen);
  }

  async upsertMenu(menu: Omit<KitchenMenu, 'updatedAt'>): Promise<KitchenMenu> {
    await this.dataSource.manager.upsert(KitchenMenu, menu, ['kitchenId', 'date', 'slot']);
    return (await this.dataSource.manager.findOne(KitchenMenu, { where: { kitchenId: menu.kitchenId, date: menu.date, slot: menu.slot } }))!;
  }

  menus(kitchenIds: string[], date: string, slot: string): Promise<KitchenMenu[]> {
    if (kitchenIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(KitchenMenu, 'm').where('m.kitchen_id = ANY(:kitchenIds) AND m.date = :date AND m.slot = :slot', { kitchenIds, date, slot }).getMany();
  }

  courier(id: string): Promise<Courier | null> {
    return this.dataSource.manager.findOne(Courier, { where: { id } });
  }

  courierOfAccount(accountId: string): Promise<Courier | null> {
    return this.dataSource.manager.findOne(Courier, { where: { accountId } });
  }

  activeCouriers(kitchenIds: string[]): Promise<Courier[]> {
    if (kitchenIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(Courier, 'c').where('c.kitchen_id = ANY(:kitchenIds) AND c.active', { kitchenIds }).orderBy('c.name').getMany();
  }

  async insertCourier(courier: Omit<Courier, 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(Courier, courier);
  }
}
