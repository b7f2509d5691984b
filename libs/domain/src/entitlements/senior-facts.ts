// What the entitlement rules know about one senior on one date. The assessment service builds this
// from its own records; nothing here is read from a clock or a database.

import type { BarthelResult, GbtResult, LawtonResult, ShanghaiCareNeedsRecord } from '../assessment';
import type { IsoDate } from './date-checks';
import type { LivingArrangement, PriorityGroupId, SeniorSex } from './policy-vocabulary';

export interface DatedResult<TResult> {
  /** The day the assessment was made (and finalised). */
  readonly assessedOn: IsoDate;
  readonly result: TResult;
}

export interface SeniorFacts {
  /** The local date the entitlements are for. */
  readonly asOf: IsoDate;
  readonly birthDate: IsoDate;
  readonly sex: SeniorSex;
  readonly livingArrangement: LivingArrangement;
  /** Priority flags granted with evidence and active on `asOf` (the caller filters by validity). */
  readonly priorityFlags: readonly PriorityGroupId[];
  /** The latest final GB/T 42195 result; absent before the first assessment. */
  readonly gbt?: DatedResult<GbtResult>;
  /** The latest Shanghai 统一需求评估 record (it carries its own validity). */
  readonly shanghai?: ShanghaiCareNeedsRecord;
  /** The latest Lawton IADL result, where a district uses it (meal delivery). */
  readonly lawton?: DatedResult<LawtonResult>;
  /** The latest Barthel Index result, where a district uses it. */
  readonly barthel?: DatedResult<BarthelResult>;
  /** A recorded F00–F03 dementia diagnosis. The GB/T result's own dementia flag counts too. */
  readonly dementiaDiagnosed?: boolean;
  /** Cognitive impairment confirmed by screening or diagnosed by a hospital or psychiatric clinic. */
  readonly cognitiveImpairmentDiagnosed?: boolean;
  /** Whole or fractional months of continuous home care, counted by the platform. Default 0. */
  readonly continuousCareMonths?: number;
}
