import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type EntitlementsRecord, type JsonObject } from '@app/contracts';
import {
  deriveEntitlements,
  diffEntitlements,
  type Entitlements,
  type GbtResult,
  isGbtResult,
  type LawtonResult,
  localDate,
  type SeniorFacts,
  type ShanghaiCareNeedsRecord,
} from '@app/domain';
import { AssessmentOutboxEvent, EntitlementSnapshot, OutboxRelay, recordEvent, type Senior } from '@app/persistence';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { SeniorsRepository } from '../seniors/seniors.repository';
import { DistrictPoliciesService } from './district-policies.service';
import { EntitlementsRepository } from './entitlements.repository';

/**
 * A senior's entitlements, derived from their facts (age, living arrangement, priority flags, the
 * current assessments) by the district policy in force. Recomputed when an assessment is finalised,
 * a flag changes or a policy version takes effect; a change is published with the previous values.
 */
@Injectable()
export class EntitlementsService {
  constructor(
    private readonly snapshots: EntitlementsRepository,
    private readonly seniors: SeniorsRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly policies: DistrictPoliciesService,
    private readonly relay: OutboxRelay,
  ) {}

  /** Derives again inside the caller's transaction; records a snapshot and `entitlements.changed` when anything changed. */
  async recompute(manager: EntityManager, seniorId: string, trigger: string, correlationId: string | null): Promise<EntitlementSnapshot | null> {
    const senior = await this.seniors.findById(seniorId, manager);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId}`);
    const today = localDate(new Date());
    const policy = await this.policies.effective(manager, senior.districtCode, today);
    const next = deriveEntitlements(await this.factsOf(manager, senior, today), policy);
    const previous = await this.snapshots.latest(seniorId, manager);
    const previousEntitlements = (previous?.entitlements ?? null) as Entitlements | null;
    const changes = diffEntitlements(previousEntitlements, next);
    if (previous && changes.length === 0 && previous.policyVersion === policy.version) return null;
    const snapshot = await this.snapshots.insert(manager, {
      seniorId,
      entitlements: next as unknown as Record<string, unknown>,
      districtCode: policy.districtCode,
      policyVersion: policy.version,
      trigger,
    });
    await recordEvent(
      manager,
      AssessmentOutboxEvent,
      'entitlements.changed',
      {
        seniorId,
        entitlements: next as unknown as JsonObject,
        previous: previousEntitlements as unknown as JsonObject | null,
        changes: changes as unknown as JsonObject[],
        districtCode: policy.districtCode,
        policyVersion: policy.version,
        trigger,
      },
      correlationId,
    );
    return snapshot;
  }

  /** One transaction per senior, so one senior's failure does not undo the others'. */
  async recomputeMany(seniorIds: string[], trigger: string, correlationId: string | null): Promise<{ recomputed: number; changed: number }> {
    let changed = 0;
    for (const seniorId of seniorIds) {
      if (await this.snapshots.transaction((manager) => this.recompute(manager, seniorId, trigger, correlationId))) changed += 1;
    }
    if (changed > 0) this.relay.kick();
    return { recomputed: seniorIds.length, changed };
  }

  /**
   * The daily activation: moves every senior to the policy version in force today in their
   * district, and derives again for seniors whose priority flag starts today or ended yesterday.
   * Also run at once after publishing a version that is already in force.
   */
  async activatePolicies(correlationId: string | null): Promise<{ districts: number; recomputed: number; changed: number }> {
    const today = localDate(new Date());
    let recomputed = 0;
    let changed = 0;
    const districts = await this.snapshots.districtsWithSeniors();
    for (const districtCode of districts) {
      let policy;
      try {
        policy = await this.policies.effective(null, districtCode, today);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'POLICY_NOT_FOUND') continue;
        throw error;
      }
      const stale = await this.snapshots.seniorsNotOnVersion(districtCode, policy.version);
      const flagged = (await this.snapshots.seniorsWithFlagBoundary(districtCode, today)).filter((id) => !stale.includes(id));
      for (const [seniors, trigger] of [[stale, 'policy-version'], [flagged, 'flag-validity']] as const) {
        const outcome = await this.recomputeMany([...seniors], trigger, correlationId);
        recomputed += outcome.recomputed;
        changed += outcome.changed;
      }
    }
    return { districts: districts.length, recomputed, changed };
  }

  async current(seniorId: string): Promise<EntitlementsRecord> {
    const snapshot = await this.snapshots.latest(seniorId);
    if (!snapshot) {
      if (!(await this.seniors.findById(seniorId))) throw new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId}`);
      throw new DomainError('ENTITLEMENTS_NOT_FOUND', `No entitlements derived yet for senior ${seniorId}`);
    }
    return {
      seniorId,
      entitlements: snapshot.entitlements as JsonObject,
      districtCode: snapshot.districtCode,
      policyVersion: snapshot.policyVersion,
      trigger: snapshot.trigger,
      computedAt: snapshot.computedAt.toISOString(),
    };
  }

  private async factsOf(manager: EntityManager, senior: Senior, today: string): Promise<SeniorFacts> {
    const current = await this.assessments.currentAssessments(manager, senior.id);
    const flags = (senior.priorityFlags ?? []).filter((f) => f.validFrom <= today && (f.validUntil === null || f.validUntil >= today)).map((f) => f.flag);
    const gbt = current.find((a) => a.result && isGbtResult(a.result as never));
    const shanghai = current.find((a) => (a.result as { kind?: string } | null)?.kind === 'recorded');
    const lawton = current.find((a) => a.instrument === 'Lawton IADL');
    return {
      asOf: today,
      birthDate: senior.birthDate,
      sex: senior.sex as SeniorFacts['sex'],
      livingArrangement: senior.livingArrangement as SeniorFacts['livingArrangement'],
      priorityFlags: [...new Set(flags)] as unknown as SeniorFacts['priorityFlags'],
      ...(gbt ? { gbt: { assessedOn: gbt.assessedOn, result: gbt.result as unknown as GbtResult } } : {}),
      ...(shanghai ? { shanghai: shanghai.result as unknown as ShanghaiCareNeedsRecord } : {}),
      ...(lawton ? { lawton: { assessedOn: lawton.assessedOn, result: lawton.result as unknown as LawtonResult } } : {}),
      cognitiveImpairmentDiagnosed: flags.includes('cognitive-impairment'),
    };
  }
}
