import { Injectable } from '@nestjs/common';
import { type Actor, type CaregiverRecord as CaregiverView, DomainError, type FieldProblem, type RegisterCaregiverCommand, type SetVisitPlanCommand, type VisitPlanRecord } from '@app/contracts';
import {
  addDays,
  CARE_SKILLS,
  CAREGIVER_GENDERS,
  CAREGIVER_TRAVEL_MODES,
  CERTIFICATION_LEVELS,
  type Entitlements,
  isClockTime,
  localDate,
  minutesOfDay,
  nextMonday,
  outOfChina,
  plannedMinutesPerWeek,
  validateVisitPlan,
  type VisitPlan,
  visitsForWeek,
} from '@app/domain';
import { type CaregiverRecord, versionOn, UNIQUE_VIOLATION } from '@app/persistence';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { HomeCareRepository } from './home-care.repository';

const STAFF = ['admin', 'planner'];

/**
 * Home care's standing data: the district's caregivers and each senior's visit plan, kept as
 * effective-dated versions and checked against the senior's home-care entitlement (more hours than
 * entitled need a reason). The weekly schedule is made from these by the visits scheduler.
 */
@Injectable()
export class HomeCareService {
  constructor(
    private readonly homeCare: HomeCareRepository,
    private readonly seniors: SeniorViewsRepository,
  ) {}

  async registerCaregiver(command: RegisterCaregiverCommand, actor: Actor): Promise<CaregiverView> {
    if (!STAFF.some((r) => actor.roles.includes(r as never))) throw new DomainError('FORBIDDEN', 'Planners and admins register caregivers');
    const existing = await this.homeCare.caregiver(command.caregiverId);
    if (existing) return toCaregiverView(existing);
    const problems = caregiverProblems(command.profile);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The caregiver cannot be registered', problems);
    try {
      await this.homeCare.insertCaregiver({ id: command.caregiverId, districtCode: command.districtCode, accountId: command.accountId, name: command.name, profile: command.profile, active: true });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', 'That account is already a caregiver');
      throw error;
    }
    return toCaregiverView((await this.homeCare.caregiver(command.caregiverId))!);
  }

  async caregivers(districtCode: string): Promise<CaregiverView[]> {
    return (await this.homeCare.caregivers(districtCode)).map(toCaregiverView);
  }

  async setPlan(command: SetVisitPlanCommand, actor: Actor): Promise<VisitPlanRecord> {
    const senior = await this.senior(command.seniorId);
    const entitlement = (senior.entitlements as Entitlements | null)?.homeCare ?? null;
    if (!entitlement || entitlement.source === null) throw new DomainError('NOT_ELIGIBLE', 'The senior has no home-care entitlement; assess them first (the entitlements say why not)');
    const [lng, lat] = senior.location.coordinates as [number, number];
    for (const field of ['patterns', 'tasks', 'preferredCaregiverIds', 'blockedCaregiverIds'] as const) {
      if (command.plan[field] !== undefined && !Array.isArray(command.plan[field])) throw new DomainError('VALIDATION_FAILED', `plan.${field} must be a list`, [{ field: `plan.${field}`, problems: ['must be a list'] }]);
    }
    const plan = { patterns: [], tasks: [], preferredCaregiverIds: [], blockedCaregiverIds: [], genderPreference: null, ...command.plan, seniorId: command.seniorId, location: { lat, lng } } as unknown as VisitPlan;
    const problems = validateVisitPlan(plan, entitlement);
    if (problems.length > 0) {
      const beyondEntitlement = problems.every((p) => p.path === 'patterns' && p.message.includes('overrideReason'));
      throw new DomainError(beyondEntitlement ? 'NOT_ELIGIBLE' : 'VALIDATION_FAILED', beyondEntitlement ? problems[0]!.message : 'The visit plan has problems', problems.map((p) => ({ field: `plan.${p.path}`, problems: [p.message] })));
    }
    const today = localDate(new Date());
    const validFrom = command.validFrom ?? nextMonday(today);
    if (validFrom < today) throw new DomainError('VALIDATION_FAILED', 'A plan cannot start in the past', [{ field: 'validFrom', problems: [`${validFrom} is before today (${today})`] }]);
    const stored: Record<string, unknown> = { ...command.plan };
    await this.homeCare.startPlan(command.seniorId, validFrom, stored, actor.accountId);
    return this.getPlan(command.seniorId);
  }

  async getPlan(seniorId: string): Promise<VisitPlanRecord> {
    const senior = await this.senior(seniorId);
    const entitlement = (senior.entitlements as Entitlements | null)?.homeCare ?? null;
    const versions = await this.homeCare.planVersions(seniorId);
    const today = localDate(new Date());
    const current = versionOn(versions, today) ?? null;
    const upcoming = current ?? versions.find((v) => v.validFrom > today) ?? null;
    const [lng, lat] = senior.location.coordinates as [number, number];
    const weekStart = upcoming ? nextMonday(upcoming.validFrom > today ? addDays(upcoming.validFrom, -1) : today) : null;
    const plan = upcoming ? ({ ...(upcoming.plan as object), seniorId, location: { lat, lng } } as VisitPlan) : null;
    return {
      seniorId,
      entitledHoursPerWeek: entitlement && entitlement.source ? entitlement.hoursPerWeek : null,
      plannedHoursPerWeek: plan ? plannedMinutesPerWeek(plan) / 60 : null,
      current: current ? { validFrom: current.validFrom, validUntil: current.validUntil, plan: current.plan as Record<string, unknown> } : null,
      versions: versions.map((v) => ({ validFrom: v.validFrom, validUntil: v.validUntil, plan: v.plan as Record<string, unknown> })),
      nextWeek: plan && weekStart ? visitsForWeek(plan, weekStart) : [],
    };
  }

  private async senior(seniorId: string) {
    const senior = await this.seniors.findById(seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Dispatch knows no senior ${seniorId}`);
    return senior;
  }
}

function caregiverProblems(profile: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: string, problem: string) => problems.push({ field: `profile.${field}`, problems: [problem] });
  const list = (value: unknown): unknown[] | null => (Array.isArray(value) ? value : null);
  if (!(CAREGIVER_GENDERS as readonly unknown[]).includes(profile['gender'])) bad('gender', `one of ${CAREGIVER_GENDERS.join(', ')}`);
  if (profile['certification'] != null && !(CERTIFICATION_LEVELS as readonly unknown[]).includes(profile['certification'])) bad('certification', `one of ${CERTIFICATION_LEVELS.join(', ')}, or null`);
  const skills = list(profile['skills']);
  if (!skills || skills.some((s) => !(CARE_SKILLS as readonly unknown[]).includes(s))) bad('skills', `a list of ${CARE_SKILLS.join(', ')}`);
  if (!list(profile['languages'])?.every((l) => typeof l === 'string')) bad('languages', 'a list of languages or dialects');
  const home = profile['home'] as { lat?: unknown; lng?: unknown } | undefined;
  if (typeof home?.lat !== 'number' || typeof home?.lng !== 'number' || outOfChina({ lat: home.lat, lng: home.lng })) bad('home', 'a WGS-84 point { lat, lng } in China');
  if (!(CAREGIVER_TRAVEL_MODES as readonly unknown[]).includes(profile['travelMode'])) bad('travelMode', `one of ${CAREGIVER_TRAVEL_MODES.join(', ')}`);
  const days = list(profile['workingDays']);
  if (!days || days.length === 0 || days.some((d) => !Number.isInteger(d) || (d as number) < 1 || (d as number) > 7)) bad('workingDays', 'ISO weekdays 1 (Monday) to 7 (Sunday)');
  const shift = profile['shift'] as { from?: unknown; to?: unknown } | undefined;
  if (!isClockTime(shift?.from) || !isClockTime(shift?.to) || minutesOfDay(shift.from) >= minutesOfDay(shift.to)) bad('shift', '{ from, to } as HH:MM, from before to');
  const pause = profile['break'] as { from?: unknown; to?: unknown; minutes?: unknown } | null | undefined;
  if (pause != null) {
    const fits = isClockTime(pause.from) && isClockTime(pause.to) && typeof pause.minutes === 'number' && Number.isInteger(pause.minutes) && pause.minutes >= 10 && minutesOfDay(pause.from) + pause.minutes <= minutesOfDay(pause.to);
    if (!fits) bad('break', '{ from, to, minutes }: a break of 10 or more whole minutes that fits between from and to (HH:MM), or null');
  }
  const max = profile['maxHoursPerWeek'];
  if (max != null && !(typeof max === 'number' && max > 0 && max <= 60)) bad('maxHoursPerWeek', 'hours from 1 to 60, or null');
  if (!list(profile['daysOff'])?.every((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))) bad('daysOff', 'a list of dates YYYY-MM-DD');
  return problems;
}

function toCaregiverView(c: CaregiverRecord): CaregiverView {
  return { caregiverId: c.id, districtCode: c.districtCode, accountId: c.accountId, name: c.name, profile: c.profile as Record<string, unknown>, active: c.active };
}
