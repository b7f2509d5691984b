import { Column, Entity, Index } from 'typeorm';
import type { JsonDocument } from '../json-document';
import { SeniorVersionColumns } from './senior-version-columns';

/** A senior's meal subscription as effective-dated versions of its terms. */
@Entity({ schema: 'dispatch', name: 'meal_subscription_version' })
@Index('meal_subscription_senior_from', ['seniorId', 'validFrom'], { unique: true })
export class MealSubscriptionVersion extends SeniorVersionColumns {
  /** The domain's MealSubscriptionTerms: slots by weekday, delivery or canteen, diet, texture, allergens, ingredients to avoid, notes. */
  @Column({ type: 'jsonb' })
  terms!: JsonDocument;
}
