import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type BedTypeId, type CoordinateSystem, type DayCareWeek, type FacilityRecord, type FacilityType, type FieldProblem, type GenderRule, type RegisterFacilityCommand } from '@app/contracts';
import { gcj02ToWgs84, outOfChina } from '@app/domain';
import { AllocationOutboxEvent, type Bed, type Facility, OutboxRelay, recordEvent, type Room, UNIQUE_VIOLATION } from '@app/persistence';
import { FacilitiesRepository } from './facilities.repository';

const RESIDENTIAL: readonly FacilityType[] = ['care-institution', 'small-care-home'];

/** The facility registry: sites of the circle with their rooms, beds and places. */
@Injectable()
export class FacilitiesService {
  constructor(
    private readonly facilities: FacilitiesRepository,
    private readonly relay: OutboxRelay,
  ) {}

  /** Registers a facility with its rooms and beds in one transaction, and tells dispatch. Idempotent on the facility id. */
  async register(command: RegisterFacilityCommand, correlationId: string): Promise<FacilityRecord> {
    if (await this.facilities.findById(command.facilityId)) return this.get(command.facilityId);
    const problems = checkFacility(command);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The facility cannot be registered', problems);
    const location = toWgs84(command.location, command.coordinateSystem);
    const rooms: Room[] = [];
    const beds: Bed[] = [];
    for (const room of command.rooms) {
      const roomId = randomUUID();
      rooms.push({ id: roomId, facilityId: command.facilityId, name: room.name, genderRule: room.genderRule });
      for (const bed of room.beds) beds.push({ id: randomUUID(), roomId, facilityId: command.facilityId, label: bed.label, bedType: bed.bedType, respite: bed.respite, equipment: bed.equipment });
    }
    try {
      await this.facilities.transaction(async (manager) => {
        await this.facilities.insert(
          manager,
          {
            id: command.facilityId,
            type: command.type,
            name: command.name,
            districtCode: command.districtCode,
            streetCode: command.streetCode,
            location: { type: 'Point', coordinates: [location.lng, location.lat] },
            coordinatesSource: command.coordinateSystem,
            operatorName: command.operatorName,
            floorAreaM2: command.floorAreaM2 === null ? null : String(command.floorAreaM2),
            openingHours: command.openingHours,
            dayCarePlaces: command.dayCarePlaces,
            dayCareWeek: command.dayCareWeek,
            mealSeats: command.mealSeats,
          },
          rooms,
          beds,
        );
        await recordEvent(
          manager,
          AllocationOutboxEvent,
          'facility.registered',
          {
            facilityId: command.facilityId,
            type: command.type,
            name: command.name,
            districtCode: command.districtCode,
            streetCode: command.streetCode,
            location,
            openingHours: command.openingHours,
            mealSeats: command.mealSeats,
            dayCarePlaces: command.dayCarePlaces,
          },
          correlationId,
        );
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', 'Two rooms share a name, or two beds of a room share a label');
      throw error;
    }
    this.relay.kick();
    return this.get(command.facilityId);
  }

  async get(facilityId: string): Promise<FacilityRecord> {
    const facility = await this.facilities.findById(facilityId);
    if (!facility) throw new DomainError('FACILITY_NOT_FOUND', `No facility ${facilityId}`);
    return (await this.present([facility]))[0]!;
  }

  async list(districtCode: string | null, type: FacilityType | null): Promise<FacilityRecord[]> {
    return this.present(await this.facilities.list(districtCode, type));
  }

  private async present(facilities: Facility[]): Promise<FacilityRecord[]> {
    const ids = facilities.map((f) => f.id);
    const [rooms, beds] = await Promise.all([this.facilities.roomsOf(ids), this.facilities.bedsOf(ids)]);
    return facilities.map((f) => {
      const own = beds.filter((b) => b.facilityId === f.id);
      const [lng, lat] = f.location.coordinates as [number, number];
      return {
        facilityId: f.id,
        type: f.type as FacilityType,
        name: f.name,
        districtCode: f.districtCode,
        streetCode: f.streetCode,
        location: { lat, lng },
        coordinatesSource: f.coordinatesSource as CoordinateSystem,
        operatorName: f.operatorName,
        floorAreaM2: f.floorAreaM2 === null ? null : Number(f.floorAreaM2),
        openingHours: f.openingHours,
        dayCarePlaces: f.dayCarePlaces,
        dayCareWeek: f.dayCareWeek as DayCareWeek | null,
        mealSeats: f.mealSeats,
        beds: { general: count(own, 'general'), nursing: count(own, 'nursing'), 'dementia-care': count(own, 'dementia-care') },
        respiteBeds: own.filter((b) => b.respite).length,
        rooms: rooms
          .filter((r) => r.facilityId === f.id)
          .map((r) => ({
            roomId: r.id,
            name: r.name,
            genderRule: r.genderRule as GenderRule,
            beds: own.filter((b) => b.roomId === r.id).map((b) => ({ bedId: b.id, label: b.label, bedType: b.bedType, respite: b.respite, equipment: b.equipment })),
          })),
      };
    });
  }
}

function count(beds: Bed[], type: BedTypeId): number {
  return beds.filter((b) => b.bedType === type).length;
}

/** GCJ-02 (the offset system of Chinese maps) is converted; the facility stores WGS-84 and remembers the source. */
function toWgs84(point: { lat: number; lng: number }, system: CoordinateSystem): { lat: number; lng: number } {
  return system === 'GCJ-02' ? gcj02ToWgs84(point) : point;
}

function checkFacility(command: RegisterFacilityCommand): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (outOfChina(command.location)) problems.push({ field: 'location', problems: ['is outside China: check the coordinates and their order (lat, lng)'] });
  if (command.streetCode !== null && !command.streetCode.startsWith(command.districtCode)) {
    problems.push({ field: 'streetCode', problems: [`is not a street of district ${command.districtCode}`] });
  }
  const residential = RESIDENTIAL.includes(command.type);
  if (!residential && command.rooms.length > 0) problems.push({ field: 'rooms', problems: [`a ${command.type} has no residential beds`] });
  if (residential && command.rooms.every((r) => r.beds.length === 0)) problems.push({ field: 'rooms', problems: ['a residential facility has at least one bed'] });
  for (const [weekday, places] of Object.entries(command.dayCareWeek ?? {})) {
    const field = `dayCareWeek.${weekday}`;
    if (!/^[1-7]$/.test(weekday)) problems.push({ field, problems: ['weekdays are 1 (Monday) to 7 (Sunday)'] });
    else if (typeof places !== 'object' || places === null || Object.keys(places).sort().join() !== 'afternoon,morning') problems.push({ field, problems: ['give { morning, afternoon } places'] });
    else for (const session of ['morning', 'afternoon'] as const) if (!Number.isInteger(places[session]) || places[session] < 0) problems.push({ field: `${field}.${session}`, problems: ['must be a whole number of places, 0 (closed) or more'] });
  }
  return problems;
}
