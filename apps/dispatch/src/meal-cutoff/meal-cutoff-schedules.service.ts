import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type MealCutoffSummary, type MealSlotName, SCHEDULE_QUEUES } from '@app/contracts';
import { addDays, DISTRICT_TIME_ZONE, localDate, MEAL_SLOTS, minutesOfDay } from '@app/domain';
import { KitchensRepository } from '../kitchens/kitchens.repository';
import { MealPoliciesService } from '../meal-policies/meal-policies.service';
import { MealCutoffService } from './meal-cutoff.service';

/**
 * The meal cutoffs as BullMQ job schedulers: one per district and meal slot at the cutoff time of
 * the district's meal policy, so a cutoff fires once across replicas and survives restarts. The
 * cutoff itself is idempotent, so a retried or repeated firing does nothing twice.
 */
@Injectable()
export class MealCutoffSchedules {
  private readonly logger = new Logger(MealCutoffSchedules.name);

  constructor(
    private readonly cutoffs: MealCutoffService,
    private readonly kitchens: KitchensRepository,
    private readonly policies: MealPoliciesService,
    @InjectQueue(SCHEDULE_QUEUES.dispatch) private readonly queue: Queue,
  ) {}

  /** (Re)declares a district's cutoff schedulers from its policy in force today; slots it no longer serves lose theirs. */
  async refresh(districtCode: string): Promise<void> {
    const { policy } = await this.policies.inForce(districtCode, localDate(new Date()));
    for (const slot of MEAL_SLOTS) {
      const id = `meal-cutoff:${districtCode}:${slot}`;
      const rules = policy.slots[slot];
      if (!rules) {
        await this.queue.removeJobScheduler(id);
        continue;
      }
      const minutes = minutesOfDay(rules.cutoff);
      await this.queue.upsertJobScheduler(id, { pattern: `0 ${minutes % 60} ${Math.floor(minutes / 60)} * * *`, tz: DISTRICT_TIME_ZONE }, { name: 'meal.cutoff', data: { districtCode, slot } });
    }
  }

  async refreshAll(): Promise<void> {
    for (const district of await this.kitchens.districts()) await this.refresh(district);
  }

  /** A scheduler fired: the meal date is today plus the slot's days between cutoff and meal. */
  async runScheduled(districtCode: string, slot: MealSlotName): Promise<MealCutoffSummary | { skipped: string }> {
    const { policy } = await this.policies.inForce(districtCode, localDate(new Date()));
    const rules = policy.slots[slot];
    if (!rules) return { skipped: `${districtCode} no longer serves ${slot}` };
    const mealDate = addDays(localDate(new Date()), rules.cutoffDaysBefore);
    const summary = await this.cutoffs.run(districtCode, mealDate, slot);
    this.logger.log({ districtCode, slot, mealDate, orders: summary.orders }, 'scheduled meal cutoff');
    return summary;
  }
}
