import { type PersonalDataPart, seniorErasedError, type ServiceErasureResult, type ServiceName } from '@app/contracts';

/** What each service's personal-data repository gives: the senior's rows per table, and the stored erasure. */
export interface PersonalDataSource {
  tables(seniorId: string): Promise<Record<string, Array<Record<string, unknown>>>>;
  erasure(seniorId: string): Promise<{ result: unknown; erasedAt: Date } | null>;
}

/**
 * The part every service shares of a senior's personal data: its copy of what it holds (PIPL art.
 * 45), with the erasure it made if any, and the refusal of anything new once the senior is erased.
 * Each service adds its own erasure (art. 47).
 */
export abstract class ServicePersonalData {
  protected constructor(
    private readonly service: ServiceName,
    private readonly source: PersonalDataSource,
  ) {}

  async export(seniorId: string): Promise<PersonalDataPart> {
    const tables = await this.source.tables(seniorId);
    this.checkKnown(seniorId, tables);
    const erasure = await this.source.erasure(seniorId);
    return { service: this.service, seniorId, exportedAt: new Date().toISOString(), tables, erasure: (erasure?.result as ServiceErasureResult | undefined) ?? null };
  }

  /** New services are refused once the senior's data is erased (410, naming the date). */
  async refuseIfErased(seniorId: string | undefined): Promise<void> {
    if (!seniorId) return;
    const erasure = await this.source.erasure(seniorId);
    if (erasure) throw seniorErasedError(seniorId, erasure.erasedAt);
  }

  /** The service that owns the senior refuses an export of someone it does not know. */
  protected checkKnown(_seniorId: string, _tables: Record<string, unknown[]>): void {}
}
