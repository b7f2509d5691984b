import { Column, Entity, Index } from 'typeorm';
import type { JsonDocument } from '../json-document';
import { SeniorVersionColumns } from './senior-version-columns';

/** A senior's home-care visit plan as effective-dated versions (the care plan agreed from the entitlement). */
@Entity({ schema: 'dispatch', name: 'visit_plan_version' })
@Index('visit_plan_senior_from', ['seniorId', 'validFrom'], { unique: true })
export class VisitPlanVersion extends SeniorVersionColumns {
  /** The domain's VisitPlan without the senior and location: days and windows, tasks, skills, gender preference, preferred and blocked caregivers. */
  @Column({ type: 'jsonb' })
  plan!: JsonDocument;
}
