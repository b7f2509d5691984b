import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Bed, Facility, Room } from '@app/persistence';

/** The only place that queries facilities, rooms and beds. */
@Injectable()
export class FacilitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<Facility | null> {
    return this.dataSource.manager.findOne(Facility, { where: { id } });
  }

  list(districtCode: string | null, type: string | null): Promise<Facility[]> {
    return this.dataSource.manager.find(Facility, { where: { ...(districtCode ? { districtCode } : {}), ...(type ? { type } : {}) }, order: { name: 'ASC' }, take: 5000 });
  }

  roomsOf(facilityIds: string[]): Promise<Room[]> {
    if (facilityIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(Room, 'r').where('r.facility_id IN (:...facilityIds)', { facilityIds }).orderBy('r.name').getMany();
  }

  bedsOf(facilityIds: string[]): Promise<Bed[]> {
    if (facilityIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(Bed, 'b').where('b.facility_id IN (:...facilityIds)', { facilityIds }).orderBy('b.label').getMany();
  }

  async insert(manager: EntityManager, facility: Omit<Facility, 'createdAt'>, rooms: Room[], beds: Bed[]): Promise<void> {
    await manager.insert(Facility, facility);
    if (rooms.length > 0) await manager.insert(Room, rooms);
    if (beds.length > 0) await manager.insert(Bed, beds);
  }
}
