import type { DataSource, EntityTarget } from 'typeorm';
import { type Actor, DomainError } from '@app/contracts';
import { localDate } from '@app/domain';
import { type DistrictPolicyVersionColumns, UNIQUE_VIOLATION } from '@app/persistence';

export interface PolicyInForce<P> {
  version: string;
  policy: P;
}

export interface DistrictPolicyRecord {
  districtCode: string;
  version: string;
  effectiveFrom: string | null;
  policy: unknown;
}

export interface DistrictPolicyKind<P> {
  /** As users read it: 'meal policy', 'visit policy'. */
  name: string;
  entity: EntityTarget<DistrictPolicyVersionColumns>;
  builtIn: PolicyInForce<P>;
  /** Every problem, each with the path inside the policy. */
  validate(input: unknown): Array<{ path: string; message: string }>;
}

/**
 * A district's policy as versions (meal policy, home-care visit policy): the one in force on a date
 * is the latest that has started; until a district publishes its own, the built-in one applies and
 * says so. Versions are never changed.
 */
export class DistrictPolicyVersions<P> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kind: DistrictPolicyKind<P>,
  ) {}

  async inForce(districtCode: string, date: string = localDate(new Date())): Promise<PolicyInForce<P>> {
    const row = await this.row(districtCode, date);
    return row ? { version: row.version, policy: row.policy as P } : this.kind.builtIn;
  }

  async get(districtCode: string, date: string | null): Promise<DistrictPolicyRecord> {
    const row = await this.row(districtCode, date ?? localDate(new Date()));
    return row
      ? { districtCode, version: row.version, effectiveFrom: row.effectiveFrom, policy: row.policy }
      : { districtCode, version: this.kind.builtIn.version, effectiveFrom: null, policy: this.kind.builtIn.policy };
  }

  async publish(command: { districtCode: string; version: string; effectiveFrom: string; policy: unknown }, actor: Actor): Promise<DistrictPolicyRecord> {
    const { name, entity } = this.kind;
    const problems = this.kind.validate(command.policy);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', `The ${name} has ${problems.length} problem(s)`, problems.map((p) => ({ field: `policy.${p.path}`, problems: [p.message] })));
    const conflict = () => new DomainError('CONFLICT', `District ${command.districtCode} already has ${name} ${command.version}; versions are never changed`);
    if (await this.dataSource.manager.findOne(entity, { where: { districtCode: command.districtCode, version: command.version } })) throw conflict();
    try {
      await this.dataSource.manager.insert(entity, { districtCode: command.districtCode, version: command.version, effectiveFrom: command.effectiveFrom, policy: command.policy as object, createdBy: actor.accountId });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw conflict();
      throw error;
    }
    return { districtCode: command.districtCode, version: command.version, effectiveFrom: command.effectiveFrom, policy: command.policy };
  }

  private row(districtCode: string, date: string): Promise<DistrictPolicyVersionColumns | null> {
    return this.dataSource.manager
      .createQueryBuilder(this.kind.entity, 'p')
      .where('p.district_code = :districtCode AND p.effective_from <= :date', { districtCode, date })
      .orderBy('p.effective_from', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getOne();
  }
}
