import { Injectable } from '@nestjs/common';
import { type Actor, type CourierRecord, DomainError, type FieldProblem, type KitchenRecord, type MealSlotName, type MenuRecord, type RegisterCourierCommand, type RegisterKitchenCommand } from '@app/contracts';
import { clockTime, DIETS, isClockTime, MEAL_SLOTS, minutesOfDay, outOfChina, TEXTURES, toWgs84, validateMenu } from '@app/domain';
import { type Courier, type Kitchen, UNIQUE_VIOLATION } from '@app/persistence';
import { MealCutoffService } from '../meal-cutoff/meal-cutoff.service';
import { requireKitchenAccess } from './kitchen-access';
import { KitchensRepository } from './kitchens.repository';

/** Kitchens of the district's meal assistance, their menus per date and slot, and their couriers. */
@Injectable()
export class KitchensService {
  constructor(
    private readonly kitchens: KitchensRepository,
    private readonly cutoffs: MealCutoffService,
  ) {}

  async register(command: RegisterKitchenCommand): Promise<KitchenRecord> {
    const existing = await this.kitchens.findById(command.kitchenId);
    if (existing) return toKitchenRecord(existing); // a retried request
    const problems: FieldProblem[] = [];
    for (const [slot, meals] of Object.entries(command.capacity)) {
      if (!(MEAL_SLOTS as readonly string[]).includes(slot)) problems.push({ field: `capacity.${slot}`, problems: [`unknown meal slot (known: ${MEAL_SLOTS.join(', ')})`] });
      else if (!Number.isInteger(meals) || (meals as number) < 0) problems.push({ field: `capacity.${slot}`, problems: ['must be a whole number of meals, 0 or more'] });
    }
    const unknownDiets = command.diets.filter((d) => !(DIETS as readonly string[]).includes(d));
    if (unknownDiets.length > 0) problems.push({ field: 'diets', problems: [`unknown: ${unknownDiets.join(', ')} (known: ${DIETS.join(', ')})`] });
    const unknownTextures = command.textures.filter((t) => !(TEXTURES as readonly string[]).includes(t));
    if (unknownTextures.length > 0) problems.push({ field: 'textures', problems: [`unknown: ${unknownTextures.join(', ')} (known: ${TEXTURES.join(', ')})`] });
    if (outOfChina(command.location)) problems.push({ field: 'location', problems: ['is outside China: check the coordinates and their order (lat, lng)'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The kitchen cannot be registered', problems);
    const location = toWgs84({ ...command.location, system: command.coordinateSystem });
    await this.kitchens.insert({
      id: command.kitchenId,
      districtCode: command.districtCode,
      name: command.name,
      kind: command.kind,
      facilityId: command.facilityId,
      location: { type: 'Point', coordinates: [location.lng, location.lat] },
      capacity: command.capacity,
      diets: command.diets,
      textures: command.textures,
      webhookUrl: null,
      webhookSecret: null,
    });
    return toKitchenRecord((await this.kitchens.findById(command.kitchenId))!);
  }

  async list(districtCode: string): Promise<KitchenRecord[]> {
    return (await this.kitchens.inDistrict(districtCode)).map(toKitchenRecord);
  }

  async kitchen(kitchenId: string): Promise<Kitchen> {
    const kitchen = await this.kitchens.findById(kitchenId);
    if (!kitchen) throw new DomainError('KITCHEN_NOT_FOUND', `No kitchen ${kitchenId}`);
    return kitchen;
  }

  /** Sets the menu of a date and slot; once that meal's cutoff has passed the lists are made from it, so it is refused. */
  async setMenu(kitchenId: string, date: string, slot: MealSlotName, dishes: unknown, actor: Actor): Promise<MenuRecord> {
    const kitchen = await this.kitchen(kitchenId);
    requireKitchenAccess(actor, kitchenId);
    const problems = validateMenu({ date, slot, dishes });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', `The menu has ${problems.length} problem(s)`, problems.map((p) => ({ field: p.path, problems: [p.message] })));
    if (!(await this.cutoffs.isOpen(kitchen.districtCode, slot, date))) throw new DomainError('CUTOFF_PASSED', `The ${slot} cutoff for ${date} has passed: the kitchen's lists are made from the menu as it was`);
    const saved = await this.kitchens.upsertMenu({ kitchenId, date, slot, dishes: dishes as object[], updatedBy: actor.accountId });
    return { kitchenId, date, slot, dishes: saved.dishes, updatedAt: saved.updatedAt.toISOString() };
  }

  async registerCourier(command: RegisterCourierCommand, actor: Actor): Promise<CourierRecord> {
    const existing = await this.kitchens.courier(command.courierId);
    if (existing) return toCourierRecord(existing);
    await this.kitchen(command.kitchenId);
    requireKitchenAccess(actor, command.kitchenId);
    const problems: FieldProblem[] = [];
    if (!isClockTime(command.shiftFrom)) problems.push({ field: 'shiftFrom', problems: ['must be a clock time HH:MM'] });
    if (!isClockTime(command.shiftTo)) problems.push({ field: 'shiftTo', problems: ['must be a clock time HH:MM'] });
    if (problems.length === 0 && minutesOfDay(command.shiftFrom) >= minutesOfDay(command.shiftTo)) problems.push({ field: 'shiftTo', problems: ['must be after shiftFrom'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The courier cannot be registered', problems);
    try {
      await this.kitchens.insertCourier({
        id: command.courierId,
        kitchenId: command.kitchenId,
        accountId: command.accountId,
        name: command.name,
        mode: command.mode,
        capacity: command.capacity,
        shiftFrom: minutesOfDay(command.shiftFrom),
        shiftTo: minutesOfDay(command.shiftTo),
        active: true,
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', 'That account is already a courier');
      throw error;
    }
    return toCourierRecord((await this.kitchens.courier(command.courierId))!);
  }
}

export function toKitchenRecord(k: Kitchen): KitchenRecord {
  const [lng, lat] = k.location.coordinates as [number, number];
  return { kitchenId: k.id, districtCode: k.districtCode, name: k.name, kind: k.kind, facilityId: k.facilityId, location: { lat, lng }, capacity: k.capacity as KitchenRecord['capacity'], diets: k.diets, textures: k.textures };
}

function toCourierRecord(c: Courier): CourierRecord {
  return { courierId: c.id, kitchenId: c.kitchenId, accountId: c.accountId, name: c.name, mode: c.mode, capacity: c.capacity, shiftFrom: clockTime(c.shiftFrom), shiftTo: clockTime(c.shiftTo), active: c.active };
}
