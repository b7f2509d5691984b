import { Injectable, Logger } from '@nestjs/common';
import type { DueAssessmentRecord, ReassessmentTaskRecord } from '@app/contracts';
import { DomainError } from '@app/contracts';
import { addDays, daysBetween, localDate } from '@app/domain';
import type { ReassessmentTask } from '@app/persistence';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { DistrictPoliciesService } from '../entitlements/district-policies.service';
import { SeniorsRepository } from '../seniors/seniors.repository';
import { ReassessmentsRepository } from './reassessments.repository';

/** The longest reminder lead any policy may set; the sweep looks this far ahead. */
const SWEEP_HORIZON_DAYS = 366;

/**
 * Reassessment work: routine due dates (computed from each assessment, never a nightly state
 * flip), reminders before them and a task when one expires (raised by the daily sweep, once each),
 * and immediate reassessments asked for by people or services.
 */
@Injectable()
export class ReassessmentsService {
  private readonly logger = new Logger(ReassessmentsService.name);

  constructor(
    private readonly tasks: ReassessmentsRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly seniors: SeniorsRepository,
    private readonly policies: DistrictPoliciesService,
  ) {}

  async requestImmediate(requestId: string, seniorId: string, reason: string, raisedBy: string): Promise<ReassessmentTaskRecord> {
    if (!(await this.seniors.findById(seniorId))) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId}`);
    const today = localDate(new Date());
    return toRecord(await this.tasks.raise({ seniorId, kind: 'immediate', dedupeKey: requestId, dueOn: today, reason, raisedBy }));
  }

  async list(districtCode: string | null, openOnly: boolean): Promise<ReassessmentTaskRecord[]> {
    return (await this.tasks.list(districtCode, openOnly)).map(toRecord);
  }

  /** Current assessments due within the next days, or already overdue (expired, level kept). */
  async due(districtCode: string | null, withinDays: number, overdueOnly: boolean): Promise<DueAssessmentRecord[]> {
    const today = localDate(new Date());
    const rows = await this.assessments.dueBetween('1900-01-01', overdueOnly ? addDays(today, -1) : addDays(today, withinDays), districtCode);
    return rows.map((a) => ({ seniorId: a.seniorId, assessmentId: a.id, instrument: a.instrument, finalLevel: a.finalLevel, dueOn: a.dueOn!, overdueDays: Math.max(0, daysBetween(a.dueOn!, today)) }));
  }

  /**
   * The daily sweep: a reminder task at each of the policy's lead times before a due date and an
   * "expired" task once it passes. Idempotent, so a sweep run twice (or on two replicas) raises each once.
   */
  async sweep(today: string = localDate(new Date())): Promise<{ reminders: number; expired: number }> {
    const rows = await this.assessments.dueBetween('1900-01-01', addDays(today, SWEEP_HORIZON_DAYS), null);
    let reminders = 0;
    let expired = 0;
    for (const a of rows) {
      const dueOn = a.dueOn!;
      if (dueOn < today) {
        await this.tasks.raise({ seniorId: a.seniorId, kind: 'expired', dedupeKey: `${a.id}`, dueOn, reason: `${a.instrument} assessment expired on ${dueOn}; the level is kept until reassessment`, raisedBy: 'schedule:reassessment-sweep' });
        expired += 1;
        continue;
      }
      const timing = await this.policies.reassessmentTiming(null, a.senior!.districtCode, today);
      const lead = daysBetween(today, dueOn);
      const reached = timing.reminderDaysBefore.filter((days) => lead <= days);
      if (reached.length === 0) continue;
      const days = Math.min(...reached);
      await this.tasks.raise({ seniorId: a.seniorId, kind: 'reminder', dedupeKey: `${a.id}:${days}`, dueOn, reason: `${a.instrument} reassessment due on ${dueOn} (reminder ${days} days before)`, raisedBy: 'schedule:reassessment-sweep' });
      reminders += 1;
    }
    this.logger.log({ reminders, expired, today }, 'reassessment sweep done');
    return { reminders, expired };
  }
}

function toRecord(task: ReassessmentTask): ReassessmentTaskRecord {
  return {
    taskId: task.id,
    seniorId: task.seniorId,
    kind: task.kind,
    dueOn: task.dueOn,
    reason: task.reason,
    raisedBy: task.raisedBy,
    createdAt: task.createdAt.toISOString(),
    closedAt: task.closedAt?.toISOString() ?? null,
  };
}
