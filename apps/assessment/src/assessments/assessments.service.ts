import { Injectable } from '@nestjs/common';
import type { Actor, AssessmentRecord, AssessmentReport, FieldProblem, JsonObject, SaveAnswersCommand, StartAssessmentCommand } from '@app/contracts';
import { DomainError } from '@app/contracts';
import { addDays, addMonths, ageOn, evaluateAssessment, findAssessmentInstrument, localDate, type AssessmentProblem } from '@app/domain';
import { Assessment, AssessmentOutboxEvent, OutboxRelay, recordEvent, UNIQUE_VIOLATION } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { DistrictPoliciesService } from '../entitlements/district-policies.service';
import { ReassessmentsRepository } from '../reassessments/reassessments.repository';
import { SeniorsRepository } from '../seniors/seniors.repository';
import { AssessmentsRepository } from './assessments.repository';
import { stateOf, toRecord } from './assessment.view';

/** Answers still missing are fine in a draft; anything else wrong is refused at once. */
const INCOMPLETE_ONLY = new Set(['MISSING_ITEM', 'MISSING_FIELD']);

/**
 * The assessment lifecycle: a draft takes partial answers; submitting validates completeness,
 * scores on the server (client totals are ignored), makes it final and derives entitlements, all
 * in one transaction with the events other services act on.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly seniors: SeniorsRepository,
    private readonly reassessments: ReassessmentsRepository,
    private readonly policies: DistrictPoliciesService,
    private readonly entitlements: EntitlementsService,
    private readonly relay: OutboxRelay,
  ) {}

  async start(command: StartAssessmentCommand, actor: Actor): Promise<AssessmentRecord> {
    const existing = await this.assessments.findById(command.assessmentId);
    if (existing) {
      if (existing.seniorId !== command.seniorId || existing.assessorId !== actor.accountId) throw new DomainError('CONFLICT', `Assessment id ${command.assessmentId} is taken`);
      return this.get(existing.seniorId, existing.id); // a retried start
    }
    const senior = await this.seniors.findById(command.seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${command.seniorId}`);
    const instrument = findAssessmentInstrument(command.instrument);
    const problems: FieldProblem[] = [];
    if (!instrument) problems.push({ field: 'instrument', problems: [`unknown instrument "${command.instrument}"`] });
    const today = localDate(new Date());
    if (command.assessedOn > today) problems.push({ field: 'assessedOn', problems: ['is in the future'] });
    if (command.assessedOn < senior.birthDate) problems.push({ field: 'assessedOn', problems: ['is before the senior was born'] });
    if (command.reason === 'dispute' && !command.supersedesId) problems.push({ field: 'supersedesId', problems: ['a dispute names the assessment it disputes'] });
    if (command.supersedesId && !command.correctionReason) problems.push({ field: 'correctionReason', problems: ['say why the earlier assessment is corrected'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The assessment cannot be started', problems);

    if (command.supersedesId) await this.checkSupersedable(command, instrument!.id, actor, senior.districtCode, today);
    else if (command.reason === 'first' && (await this.assessments.currentFor(command.seniorId, instrument!.id))) {
      throw new DomainError('CONFLICT', `The senior already has a ${instrument!.id} assessment: start a routine or immediate reassessment, or supersede it`);
    }

    await this.assessments.transaction((manager) =>
      this.assessments.insert(manager, {
        id: command.assessmentId,
        seniorId: command.seniorId,
        instrument: instrument!.id,
        status: 'draft',
        reason: command.reason,
        supersedesId: command.supersedesId,
        correctionReason: command.correctionReason,
        answers: { instrument: instrument!.id },
        result: null,
        finalLevel: null,
        finalLevelName: null,
        assessorId: actor.accountId,
        assessedOn: command.assessedOn,
        dueOn: null,
        submittedAt: null,
      }),
    );
    return this.get(command.seniorId, command.assessmentId);
  }

  /** Merges partial answers into a draft; refuses unknown items and values the instrument does not allow. */
  async saveAnswers(command: SaveAnswersCommand): Promise<AssessmentRecord> {
    const seniorId = await this.assessments.transaction(async (manager) => {
      const draft = await this.requireDraft(command.assessmentId, command.seniorId, manager);
      const answers = mergeAnswers(draft.answers as Record<string, unknown>, command.answers, draft.instrument);
      const outcome = evaluateAssessment(withAssessmentDate({ ...draft, answers }), { today: localDate(new Date()) });
      if (!outcome.ok) {
        const wrong = outcome.problems.filter((p) => !INCOMPLETE_ONLY.has(p.code));
        if (wrong.length > 0) throw new DomainError('VALIDATION_FAILED', 'Some answers are not valid for this instrument', toFields(wrong));
      }
      await this.assessments.saveAnswers(manager, draft.id, answers);
      return draft.seniorId;
    });
    return this.get(seniorId, command.assessmentId);
  }

  /**
   * Submits a draft: every item must be answered and valid; the server scores it; the assessment
   * becomes final; open reassessment tasks close; entitlements are derived again.
   */
  async submit(assessmentId: string, seniorId: string, correlationId: string): Promise<AssessmentRecord> {
    await this.assessments.transaction(async (manager) => {
      const draft = await this.requireDraft(assessmentId, seniorId, manager);
      const today = localDate(new Date());
      const answers = withAssessmentDate(draft);
      const outcome = evaluateAssessment(answers, { today });
      if (!outcome.ok) throw new DomainError('ASSESSMENT_INCOMPLETE', 'The assessment has missing or invalid answers', toFields(outcome.problems));
      const result = outcome.result as unknown as JsonObject & { finalLevel?: number | null; finalLevelName?: string | null };
      const senior = (await this.seniors.findById(draft.seniorId, manager))!;
      const timing = await this.policies.reassessmentTiming(manager, senior.districtCode, draft.assessedOn);
      const dueOn = dueDate(result, draft.assessedOn, timing.routineMonths);
      const submitted = await this.assessments.submit(manager, draft.id, {
        answers,
        result,
        finalLevel: result.finalLevel ?? null,
        finalLevelName: result.finalLevelName ?? null,
        dueOn,
      });
      if (!submitted) throw new DomainError('ASSESSMENT_FINAL', `Assessment ${assessmentId} is already submitted`);
      await recordEvent(
        manager,
        AssessmentOutboxEvent,
        'assessment.finalized',
        {
          assessmentId: draft.id,
          seniorId: draft.seniorId,
          instrument: draft.instrument,
          finalLevel: result.finalLevel ?? null,
          finalLevelName: result.finalLevelName ?? null,
          assessedOn: draft.assessedOn,
          dueOn,
          supersedesId: draft.supersedesId,
        },
        correlationId,
      );
      await this.reassessments.closeOpenTasks(manager, draft.seniorId, draft.id);
      await this.entitlements.recompute(manager, draft.seniorId, 'assessment-finalized', correlationId);
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('ALREADY_SUPERSEDED', 'The assessment this one supersedes was superseded meanwhile');
      throw error;
    });
    this.relay.kick();
    return this.get(seniorId, assessmentId);
  }

  async get(seniorId: string, assessmentId: string): Promise<AssessmentRecord> {
    const all = await this.assessments.listForSenior(seniorId);
    const assessment = all.find((a) => a.id === assessmentId);
    if (!assessment) throw new DomainError('ASSESSMENT_NOT_FOUND', `No assessment ${assessmentId} of senior ${seniorId}`);
    return this.present(assessment, all, await this.assessments.supersededAmong([assessment.id]));
  }

  async list(seniorId: string): Promise<AssessmentRecord[]> {
    if (!(await this.seniors.findById(seniorId))) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId}`);
    const all = await this.assessments.listForSenior(seniorId);
    const superseded = await this.assessments.supersededAmong(all.map((a) => a.id));
    return all.map((a) => this.present(a, all, superseded));
  }

  /** The printable report of a submitted assessment (GB/T 42195 annex C content). */
  async report(seniorId: string, assessmentId: string): Promise<AssessmentReport> {
    const record = await this.get(seniorId, assessmentId);
    if (record.status !== 'submitted') throw new DomainError('ASSESSMENT_INCOMPLETE', 'A draft has no report yet; submit it first');
    const senior = (await this.seniors.findById(seniorId))!;
    const result = record.result as JsonObject & Partial<AssessmentReport>;
    return {
      assessmentId: record.assessmentId,
      senior: { seniorId, name: senior.name, sex: senior.sex, birthDate: senior.birthDate, ageOnAssessment: ageOn(senior.birthDate, record.assessedOn), districtCode: senior.districtCode },
      instrument: record.instrument,
      standardVersion: (result['standardVersion'] as string | undefined) ?? null,
      rulesVersion: (result['rulesVersion'] as string | undefined) ?? null,
      reason: record.reason,
      assessedOn: record.assessedOn,
      submittedAt: record.submittedAt!,
      assessorId: record.assessorId,
      domainScores: result.domainScores ?? {},
      total: result.total ?? null,
      maxTotal: result.maxTotal ?? null,
      preliminaryLevel: result.preliminaryLevel ?? null,
      preliminaryLevelName: result.preliminaryLevelName ?? null,
      finalLevel: record.finalLevel,
      finalLevelName: record.finalLevelName,
      changes: result.changes ?? [],
      items: result.items ?? {},
      supersedesId: record.supersedesId,
      correctionReason: record.correctionReason,
      dueOn: record.dueOn,
      state: record.state,
    };
  }

  private present(assessment: Assessment, all: Assessment[], superseded: Map<string, string>): AssessmentRecord {
    const supersededById = superseded.get(assessment.id) ?? null;
    return toRecord(assessment, stateOf(assessment, all, supersededById, localDate(new Date())), supersededById);
  }

  private async requireDraft(assessmentId: string, seniorId: string, manager: EntityManager): Promise<Assessment> {
    const assessment = await this.assessments.findForUpdate(assessmentId, manager);
    if (!assessment || assessment.seniorId !== seniorId) throw new DomainError('ASSESSMENT_NOT_FOUND', `No assessment ${assessmentId}`);
    if (assessment.status !== 'draft') throw new DomainError('ASSESSMENT_FINAL', `Assessment ${assessmentId} is submitted and final; supersede it to correct it`);
    return assessment;
  }

  /** A correction or dispute names a submitted assessment of the same senior and instrument, not yet superseded. */
  private async checkSupersedable(command: StartAssessmentCommand, instrument: string, actor: Actor, districtCode: string, today: string): Promise<void> {
    const earlier = await this.assessments.findById(command.supersedesId!);
    if (!earlier || earlier.seniorId !== command.seniorId) {
      throw new DomainError('VALIDATION_FAILED', 'supersedesId is not an assessment of this senior', [{ field: 'supersedesId', problems: ['is not an assessment of this senior'] }]);
    }
    if (earlier.status !== 'submitted') throw new DomainError('VALIDATION_FAILED', 'Only a submitted assessment can be superseded', [{ field: 'supersedesId', problems: ['is a draft'] }]);
    if (earlier.instrument !== instrument) {
      throw new DomainError('VALIDATION_FAILED', 'A correction uses the same instrument', [{ field: 'instrument', problems: [`must be ${earlier.instrument}, as the assessment it supersedes`] }]);
    }
    if (await this.assessments.supersededBy(earlier.id)) throw new DomainError('ALREADY_SUPERSEDED', `Assessment ${earlier.id} is already superseded`);
    if (command.reason === 'dispute') {
      if (earlier.assessorId === actor.accountId) throw new DomainError('DISPUTE_SAME_ASSESSOR', 'A disputed assessment is reassessed by a different assessor');
      const timing = await this.policies.reassessmentTiming(null, districtCode, today);
      const closes = addDays(localDate(earlier.submittedAt!), timing.disputeWindowDays);
      if (today > closes) throw new DomainError('DISPUTE_WINDOW_CLOSED', `The dispute window closed on ${closes} (${timing.disputeWindowDays} days after submission)`);
    }
  }
}

/** A recorded external result (Shanghai) carries its assessment date: the draft's date, unless the record gives its own. */
function withAssessmentDate(draft: Assessment): Record<string, unknown> {
  const answers = draft.answers as Record<string, unknown>;
  if (findAssessmentInstrument(draft.instrument)?.kind !== 'recorded') return answers;
  return { assessedOn: draft.assessedOn, ...answers };
}

/** Items merge key by key (a draft is filled in over several visits); other fields replace. */
function mergeAnswers(current: Record<string, unknown>, update: JsonObject, instrument: string): Record<string, unknown> {
  const currentItems = (current['items'] as Record<string, unknown> | undefined) ?? {};
  const updateItems = (update['items'] as Record<string, unknown> | undefined) ?? {};
  return { ...current, ...update, instrument, items: { ...currentItems, ...updateItems } };
}

function toFields(problems: readonly AssessmentProblem[]): FieldProblem[] {
  const byPath = new Map<string, string[]>();
  for (const p of problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p.message]);
  return [...byPath].map(([field, messages]) => ({ field: `answers.${field}`, problems: messages }));
}

/** Scored instruments are due after the policy's routine interval; a recorded external result is due when it stops being valid. */
function dueDate(result: JsonObject, assessedOn: string, routineMonths: number): string {
  if (result['kind'] === 'recorded' && typeof result['validUntil'] === 'string') return result['validUntil'];
  return addMonths(assessedOn, routineMonths);
}
