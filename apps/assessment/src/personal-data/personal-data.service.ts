import { Injectable } from '@nestjs/common';
import { DomainError, type CommandName, type EraseSeniorCommand, type ServiceErasureResult } from '@app/contracts';
import { ServicePersonalData } from '@app/persistence';
import { PersonalDataRepository } from './personal-data.repository';

/** Commands that start something new for a senior: refused after erasure. */
export const REFUSED_AFTER_ERASURE: ReadonlySet<CommandName<'assessment'>> = new Set(['assessment.start', 'senior.grant-flag', 'reassessment.request']);

const ERASED_ON_REQUEST = 'PIPL art. 47: erased at the request of the senior or their guardian';

/**
 * The assessment service's part of a senior's personal data: the copy (PIPL art. 45) and the
 * erasure (art. 47). Submitted assessments and entitlements stay, linked by the senior id only.
 */
@Injectable()
export class PersonalDataService extends ServicePersonalData {
  constructor(private readonly repository: PersonalDataRepository) {
    super('assessment', repository);
  }

  /** The owner of seniors: an export of someone never registered is a 404. */
  protected override checkKnown(seniorId: string, tables: Record<string, unknown[]>): void {
    if ((tables['senior'] ?? []).length === 0) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId}`);
  }


  /** Idempotent: the senior's row is locked, and a second request answers the stored result. */
  async erase(command: EraseSeniorCommand): Promise<ServiceErasureResult> {
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.lockSenior(manager, command.seniorId))) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${command.seniorId}`);
      const done = await this.repository.erasure(command.seniorId, manager);
      if (done) return done.result as unknown as ServiceErasureResult;
      const registration = await this.repository.eraseRegistration(manager, command.seniorId);
      const evidence = await this.repository.eraseFlagEvidence(manager, command.seniorId);
      const drafts = await this.repository.deleteDrafts(manager, command.seniorId);
      const tasks = await this.repository.eraseTasks(manager, command.seniorId);
      const events = await this.repository.eraseRegistrationEvents(manager, command.seniorId);
      const kept = await this.repository.keptCounts(manager, command.seniorId);
      const result: ServiceErasureResult = {
        service: 'assessment',
        seniorId: command.seniorId,
        erasedAt: command.requestedAt,
        erased: [
          { what: 'name, ID number (cipher, keyed hash and last four), address text and phone of the registration', rows: registration, why: ERASED_ON_REQUEST },
          { what: 'home location, rounded to about 1 km (district statistics only)', rows: registration, why: ERASED_ON_REQUEST },
          { what: 'evidence references of priority grants (certificate and case numbers)', rows: evidence, why: ERASED_ON_REQUEST },
          { what: 'draft assessments never submitted', rows: drafts, why: `${ERASED_ON_REQUEST}; a draft is no record of care` },
          { what: 'reasons and requesters written on reassessment tasks (open tasks closed)', rows: tasks, why: ERASED_ON_REQUEST },
          { what: 'name, address text and precise location in the registration events of the outbox', rows: events, why: ERASED_ON_REQUEST },
        ],
        kept: [
          {
            what: 'submitted assessments: answers, scores, levels, assessor and dates',
            rows: kept.assessments,
            why: 'care assessment records ground the levels on which long-term care insurance (LTCI) claims and subsidies were paid; medical and care records must be kept (PIPL art. 47 para. 2: retention required by other laws)',
          },
          { what: 'entitlement snapshots with the policy version and trigger', rows: kept.snapshots, why: 'the basis of every subsidy and LTCI hour paid, for the fund’s and the civil affairs bureau’s audits' },
          { what: 'priority grants (group and validity, without evidence)', rows: kept.flags, why: 'the basis of subsidy tiers and waiting-list points already applied' },
          { what: 'sex, birth date, district and street of the registration', rows: 1, why: 'age and district rules of the kept records; no longer identify a person without name, ID number, phone or address' },
        ],
      };
      await this.repository.recordErasure(manager, { seniorId: command.seniorId, reason: command.reason, requestedBy: command.requestedBy, erasedAt: new Date(command.requestedAt), result });
      return result;
    });
  }

}

