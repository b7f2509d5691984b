/**
 * An applicant's score under a version of the priority rules, as a sum of named parts, and the
 * order of the waiting list: highest score first, then who applied first, then the application id
 * (so the order is total and the same on every run). Pure: the caller gives "now".
 */
import { GBT_42195_2022_ID, gbtLevelName } from '../assessment';
import { PRIORITY_GROUP_NAMES, type PriorityGroupId } from '../entitlements/policy-vocabulary';
import type { PriorityRules } from './priority-rules';

export interface Applicant {
  readonly applicationId: string;
  /** When the application was made: time waited counts from here. */
  readonly appliedAt: Date;
  /** The priority groups the senior holds now (each with evidence and a validity date upstream). */
  readonly priorityFlags: readonly PriorityGroupId[];
  readonly level: number | null;
  readonly levelInstrument: string | null;
  /** Offers the applicant has declined or let lapse so far. */
  readonly declinedOffers: number;
}

export interface ScorePart {
  /** Stable key: "group:extreme-poverty", "level", "waiting-time", "declined-offers". */
  readonly part: string;
  /** What a family reads: "特困 (extreme-poverty)", "GB/T 42195-2022 level 3 重度失能", "7 full months waiting × 2". */
  readonly label: string;
  readonly points: number;
}

export interface ApplicantScore {
  readonly applicationId: string;
  readonly total: number;
  readonly parts: readonly ScorePart[];
}

export interface RankedApplicant extends ApplicantScore {
  /** 1 = next in line. */
  readonly position: number;
}

/** Whole calendar months from one instant to another (a month counts once its day is reached). */
export function fullMonthsBetween(from: Date, to: Date): number {
  if (to <= from) return 0;
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

function levelLabel(instrument: string, level: number): string {
  return instrument === GBT_42195_2022_ID ? `${instrument} level ${level} ${gbtLevelName(level)}` : `${instrument} level ${level}`;
}

export function scoreApplicant(rules: PriorityRules, applicant: Applicant, now: Date): ApplicantScore {
  const parts: ScorePart[] = [];
  for (const flag of [...new Set(applicant.priorityFlags)].sort()) {
    const points = rules.groupPoints[flag];
    if (points) parts.push({ part: `group:${flag}`, label: `${PRIORITY_GROUP_NAMES[flag]} (${flag})`, points });
  }
  if (applicant.level !== null && applicant.levelInstrument !== null) {
    const points = rules.levelPoints[applicant.levelInstrument]?.[String(applicant.level)];
    if (points) parts.push({ part: 'level', label: levelLabel(applicant.levelInstrument, applicant.level), points });
  }
  const months = fullMonthsBetween(applicant.appliedAt, now);
  const waiting = Math.min(rules.maxWaitingPoints, months * rules.waitingPointsPerMonth);
  if (waiting > 0) parts.push({ part: 'waiting-time', label: `${months} full month${months === 1 ? '' : 's'} waiting × ${rules.waitingPointsPerMonth}${waiting === rules.maxWaitingPoints ? ` (capped at ${rules.maxWaitingPoints})` : ''}`, points: waiting });
  if (applicant.declinedOffers > 0 && rules.declinePenaltyPoints > 0) {
    parts.push({ part: 'declined-offers', label: `${applicant.declinedOffers} offer${applicant.declinedOffers === 1 ? '' : 's'} declined or let lapse × −${rules.declinePenaltyPoints}`, points: -applicant.declinedOffers * rules.declinePenaltyPoints });
  }
  const total = parts.reduce((sum, p) => sum + p.points, 0);
  return { applicationId: applicant.applicationId, total, parts };
}

/** The waiting list in order: score, then who applied first, then application id. */
export function rankApplicants(rules: PriorityRules, applicants: readonly Applicant[], now: Date): RankedApplicant[] {
  const scored = applicants.map((a) => ({ applicant: a, score: scoreApplicant(rules, a, now) }));
  scored.sort(
    (x, y) =>
      y.score.total - x.score.total ||
      x.applicant.appliedAt.getTime() - y.applicant.appliedAt.getTime() ||
      (x.applicant.applicationId < y.applicant.applicationId ? -1 : x.applicant.applicationId > y.applicant.applicationId ? 1 : 0),
  );
  return scored.map((s, i) => ({ ...s.score, position: i + 1 }));
}

export interface PositionChange {
  readonly applicationId: string;
  readonly current: { position: number; total: number };
  readonly draft: { position: number; total: number };
  /** Positive: moves up the list under the draft. */
  readonly movedBy: number;
}

/** How the order would change if the draft rules replaced the current ones. */
export function compareRankings(current: PriorityRules, draft: PriorityRules, applicants: readonly Applicant[], now: Date): PositionChange[] {
  const before = new Map(rankApplicants(current, applicants, now).map((r) => [r.applicationId, r]));
  return rankApplicants(draft, applicants, now).map((after) => {
    const was = before.get(after.applicationId)!;
    return {
      applicationId: after.applicationId,
      current: { position: was.position, total: was.total },
      draft: { position: after.position, total: after.total },
      movedBy: was.position - after.position,
    };
  });
}
