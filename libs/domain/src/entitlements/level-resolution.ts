// Which level counts for a rule. The Shanghai care level is an authoritative external input and
// must never be replaced by our own GB/T score for LTCI (spec §3.1); other rules may fall back to
// GB/T. Overdue or expired assessments keep their level unless the policy says to drop it
// (spec §8: do not drop entitlements silently; the service raises a reassessment task).

import { GBT_42195_2022_ID, SHANGHAI_CARE_NEEDS_ID, shanghaiRecordStatusOn } from '../assessment';
import { isIsoDate } from './date-checks';
import type { DistrictPolicy } from './district-policy';
import type { LevelBasis, LevelScale } from './policy-vocabulary';
import { reassessmentSchedule, reassessmentStatusOn } from './reassessment-schedule';
import type { SeniorFacts } from './senior-facts';

export interface UsableLevel {
  readonly scale: LevelScale;
  readonly instrument: string;
  readonly level: number;
  readonly levelName: string;
  readonly assessedOn: string;
  readonly expired: boolean;
  /** Short phrase for reasons, e.g. "Shanghai care level 4 照护四级". */
  readonly description: string;
  /** Longer phrase with dates, for the `levelUsed` reason. */
  readonly detail: string;
}

export interface ScaleReading {
  readonly level: UsableLevel | null;
  /** Why there is no usable level (when `level` is null). */
  readonly missing: string;
}

export type LevelReadings = Readonly<Record<LevelScale, ScaleReading>>;

export interface BasisLevel {
  readonly level: UsableLevel | null;
  /** Why the basis has no level, or why it fell back from Shanghai to GB/T. */
  readonly note: string | null;
}

export function readLevels(facts: SeniorFacts, policy: DistrictPolicy, warnings: string[]): LevelReadings {
  return { gbt: readGbt(facts, policy, warnings), shanghai: readShanghai(facts, policy, warnings) };
}

function readGbt(facts: SeniorFacts, policy: DistrictPolicy, warnings: string[]): ScaleReading {
  const gbt = facts.gbt;
  if (gbt === undefined) return { level: null, missing: 'no GB/T 42195 assessment yet' };
  if (!isIsoDate(gbt.assessedOn) || gbt.assessedOn > facts.asOf) {
    warnings.push(`GB/T assessment dated ${gbt.assessedOn} is not a date on or before ${facts.asOf}; it was ignored`);
    return { level: null, missing: `the GB/T assessment dated ${gbt.assessedOn} is not in effect on ${facts.asOf}` };
  }
  const schedule = reassessmentSchedule(gbt.assessedOn, policy.reassessment);
  const overdue = reassessmentStatusOn(schedule, facts.asOf) === 'overdue';
  const name = `GB/T level ${gbt.result.finalLevel} ${gbt.result.finalLevelName}`;
  if (overdue && policy.reassessment.whenOverdue === 'drop-level') {
    return {
      level: null,
      missing: `the GB/T assessment of ${gbt.assessedOn} (${name}) is overdue since ${schedule.overdueFrom} and reassessment.whenOverdue = drop-level`,
    };
  }
  return {
    level: {
      scale: 'gbt',
      instrument: GBT_42195_2022_ID,
      level: gbt.result.finalLevel,
      levelName: gbt.result.finalLevelName,
      assessedOn: gbt.assessedOn,
      expired: overdue,
      description: overdue ? `${name} (overdue, kept)` : name,
      detail: `${name}, assessed ${gbt.assessedOn}, reassessment due ${schedule.dueOn}` +
        (overdue ? `; overdue since ${schedule.overdueFrom}, level kept (reassessment.whenOverdue = keep-level)` : ''),
    },
    missing: '',
  };
}

function readShanghai(facts: SeniorFacts, policy: DistrictPolicy, warnings: string[]): ScaleReading {
  const record = facts.shanghai;
  if (record === undefined) return { level: null, missing: 'no Shanghai care-needs record' };
  const status = shanghaiRecordStatusOn(record, facts.asOf);
  if (status === 'not-yet-valid') {
    warnings.push(`Shanghai care-needs record ${record.organisationRef} is dated ${record.assessedOn}, after ${facts.asOf}; it was ignored`);
    return { level: null, missing: `the Shanghai record of ${record.assessedOn} is not yet in effect on ${facts.asOf}` };
  }
  if (record.careLevel === null) {
    return { level: null, missing: `the Shanghai record of ${record.assessedOn} refers to medical care (${record.outcome}) and gives no care level` };
  }
  const expired = status === 'expired';
  const name = `Shanghai care level ${record.careLevel} ${record.outcome}`;
  if (expired && policy.reassessment.whenShanghaiRecordExpired === 'drop-level') {
    return {
      level: null,
      missing: `the Shanghai record (${name}) expired after ${record.validUntil} and reassessment.whenShanghaiRecordExpired = drop-level`,
    };
  }
  return {
    level: {
      scale: 'shanghai',
      instrument: SHANGHAI_CARE_NEEDS_ID,
      level: record.careLevel,
      levelName: record.outcome,
      assessedOn: record.assessedOn,
      expired,
      description: expired ? `${name} (expired, kept)` : name,
      detail: `${name}, assessed ${record.assessedOn} (${record.organisationRef}), valid until ${record.validUntil}` +
        (expired ? '; expired, level kept (reassessment.whenShanghaiRecordExpired = keep-level)' : ''),
    },
    missing: '',
  };
}

export function levelOnBasis(readings: LevelReadings, basis: LevelBasis): BasisLevel {
  if (basis === 'gbt') return fromReading(readings.gbt);
  if (basis === 'shanghai') return fromReading(readings.shanghai);
  const shanghai = readings.shanghai;
  if (shanghai.level !== null) return { level: shanghai.level, note: null };
  const gbt = readings.gbt;
  if (gbt.level !== null) return { level: gbt.level, note: `GB/T used because ${shanghai.missing}` };
  return { level: null, note: `${shanghai.missing}, and ${gbt.missing}` };
}

function fromReading(reading: ScaleReading): BasisLevel {
  return reading.level === null ? { level: null, note: reading.missing } : { level: reading.level, note: null };
}
