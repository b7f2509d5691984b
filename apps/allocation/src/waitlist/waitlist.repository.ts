import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BedApplication, BedOffer, PriorityRulesVersion, WaitlistDecision } from '@app/persistence';
import type { WaitlistDecisionKind } from '@app/contracts';
import { localDate } from '@app/domain';

/** A waiting application with what the list needs of its senior to rank it and fit a bed. */
export interface WaitingApplicantRow {
  id: string;
  senior_id: string;
  kind: 'long-stay' | 'respite';
  bed_types: string[];
  facility_ids: string[];
  max_walking_minutes: number | null;
  applied_at: Date;
  sex: string;
  lat: number;
  lng: number;
  /** The groups of the grants in force today. */
  priority_flags: string[];
  level: number | null;
  level_instrument: string | null;
  entitled_bed_types: string[] | null;
  /** Offers declined or let lapse so far. */
  declined: number;
  /** Beds offered before and declined, let lapse or withdrawn: never offered to this application again. */
  refused_bed_ids: string[];
}

/** A bed nobody holds or occupies now, with what fitting it needs. */
export interface VacantBedRow {
  bed_id: string;
  label: string;
  bed_type: string;
  respite: boolean;
  room_name: string;
  gender_rule: 'female' | 'male' | 'any';
  facility_id: string;
  facility_name: string;
  lat: number;
  lng: number;
}

export interface OfferRow {
  id: string;
  application_id: string;
  bed_id: string;
  bed_label: string;
  bed_type: string;
  facility_id: string;
  facility_name: string;
  district_code: string;
  senior_id: string;
  status: BedOffer['status'];
  offered_at: Date;
  expires_at: Date;
}

export interface DecisionInput {
  applicationId: string;
  kind: WaitlistDecisionKind;
  reason: string;
  bedId?: string | null;
  facilityId?: string | null;
  rulesVersion?: string | null;
  score?: number | null;
  position?: number | null;
  actorId?: string | null;
}

const OFFER_COLUMNS = `o.id, o.application_id, o.bed_id, b.label AS bed_label, b.bed_type, o.facility_id, f.name AS facility_name,
  a.district_code, a.senior_id, o.status, o.offered_at, o.expires_at`;

/** The only place that queries and writes the bed waiting list. */
@Injectable()
export class WaitlistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One matcher per district at a time, across replicas: the lock is released at commit. */
  async lockDistrict(manager: EntityManager, districtCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('allocation.waitlist:' || $1))`, [districtCode]);
  }

  /** The rules version in force on a date (the latest published one that has started), or null. */
  rulesInForce(districtCode: string, date: string): Promise<PriorityRulesVersion | null> {
    return this.dataSource.manager
      .createQueryBuilder(PriorityRulesVersion, 'r')
      .where('r.district_code = :districtCode AND r.effective_from IS NOT NULL AND r.effective_from <= :date', { districtCode, date })
      .orderBy('r.effective_from', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getOne();
  }

  rulesVersion(districtCode: string, version: string): Promise<PriorityRulesVersion | null> {
    return this.dataSource.manager.findOne(PriorityRulesVersion, { where: { districtCode, version } });
  }

  rulesVersions(districtCode: string): Promise<PriorityRulesVersion[]> {
    return this.dataSource.manager.find(PriorityRulesVersion, { where: { districtCode }, order: { id: 'ASC' } });
  }

  async insertRules(rules: Omit<PriorityRulesVersion, 'id' | 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(PriorityRulesVersion, rules);
  }

  application(id: string, manager: EntityManager = this.dataSource.manager): Promise<BedApplication | null> {
    return manager.findOne(BedApplication, { where: { id } });
  }

  /** Locks an application's row for a change of status. */
  applicationForUpdate(manager: EntityManager, id: string): Promise<BedApplication | null> {
    return manager.findOne(BedApplication, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  openApplicationOf(manager: EntityManager, seniorId: string): Promise<BedApplication | null> {
    return manager.findOne(BedApplication, { where: [{ seniorId, status: 'waiting' }, { seniorId, status: 'offered' }], lock: { mode: 'pessimistic_write' } });
  }

  applicationsOf(seniorId: string): Promise<BedApplication[]> {
    return this.dataSource.manager.find(BedApplication, { where: { seniorId }, order: { appliedAt: 'DESC' } });
  }

  async insertApplication(manager: EntityManager, application: Omit<BedApplication, 'createdAt' | 'updatedAt' | 'closedReason'>): Promise<void> {
    await manager.insert(BedApplication, application);
  }

  async setApplicationStatus(manager: EntityManager, id: string, status: BedApplication['status'], closedReason: string | null = null): Promise<void> {
    await manager.update(BedApplication, { id }, { status, closedReason });
  }

  /** Waiting applications of a district (optionally of one kind), with their seniors' facts. */
  waitingApplicants(districtCode: string, kind: 'long-stay' | 'respite' | null, manager: EntityManager = this.dataSource.manager): Promise<WaitingApplicantRow[]> {
    return manager.query(
      `SELECT a.id, a.senior_id, a.kind, a.bed_types, a.facility_ids, a.max_walking_minutes, a.applied_at,
              s.sex, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng, s.level, s.level_instrument,
              ARRAY(SELECT DISTINCT g ->> 'flag' FROM jsonb_array_elements(s.priority_grants) g
                    WHERE (g ->> 'validFrom')::date <= $3::date AND (g ->> 'validUntil' IS NULL OR (g ->> 'validUntil')::date >= $3::date)) AS priority_flags,
              ARRAY(SELECT jsonb_array_elements_text(COALESCE(s.entitlements -> 'bedTypes', '[]'::jsonb))) AS entitled_bed_types,
              (SELECT count(*)::int FROM allocation.bed_offer o WHERE o.application_id = a.id AND o.status IN ('declined','expired')) AS declined,
              ARRAY(SELECT o.bed_id FROM allocation.bed_offer o WHERE o.application_id = a.id AND o.status IN ('declined','expired','withdrawn')) AS refused_bed_ids
       FROM allocation.bed_application a JOIN allocation.senior_view s ON s.senior_id = a.senior_id
       WHERE a.district_code = $1 AND a.status = 'waiting' AND ($2::text IS NULL OR a.kind = $2)`,
      [districtCode, kind, localDate(new Date())],
    );
  }

  /** Beds of the district's facilities that no hold or stay covers now. */
  vacantBeds(manager: EntityManager, districtCode: string): Promise<VacantBedRow[]> {
    return manager.query(
      `SELECT b.id AS bed_id, b.label, b.bed_type, b.respite, r.name AS room_name, r.gender_rule,
              f.id AS facility_id, f.name AS facility_name, ST_Y(f.location::geometry) AS lat, ST_X(f.location::geometry) AS lng
       FROM allocation.bed b JOIN allocation.room r ON r.id = b.room_id JOIN allocation.facility f ON f.id = b.facility_id
       WHERE f.district_code = $1
         AND NOT EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.bed_id = b.id AND o.during @> now())
       ORDER BY f.name, b.label`,
      [districtCode],
    );
  }

  async districtOfFacility(facilityId: string): Promise<string | null> {
    const rows: Array<{ district_code: string }> = await this.dataSource.query(`SELECT district_code FROM allocation.facility WHERE id = $1`, [facilityId]);
    return rows[0]?.district_code ?? null;
  }

  /** Districts with someone waiting, for the sweep. */
  async districtsWithWaiting(): Promise<string[]> {
    const rows: Array<{ district_code: string }> = await this.dataSource.query(`SELECT DISTINCT district_code FROM allocation.bed_application WHERE status = 'waiting'`);
    return rows.map((r) => r.district_code);
  }

  async insertOffer(manager: EntityManager, offer: Omit<BedOffer, 'decidedAt' | 'decisionReason'>): Promise<void> {
    await manager.insert(BedOffer, offer);
  }

  async offer(id: string, manager: EntityManager = this.dataSource.manager): Promise<OfferRow | null> {
    const rows: OfferRow[] = await manager.query(
      `SELECT ${OFFER_COLUMNS} FROM allocation.bed_offer o JOIN allocation.bed_application a ON a.id = o.application_id
         JOIN allocation.bed b ON b.id = o.bed_id JOIN allocation.facility f ON f.id = o.facility_id WHERE o.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Open or accepted offers of these applications. */
  async liveOffers(applicationIds: string[]): Promise<OfferRow[]> {
    if (applicationIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${OFFER_COLUMNS} FROM allocation.bed_offer o JOIN allocation.bed_application a ON a.id = o.application_id
         JOIN allocation.bed b ON b.id = o.bed_id JOIN allocation.facility f ON f.id = o.facility_id
       WHERE o.application_id = ANY($1::uuid[]) AND o.status IN ('open','accepted')`,
      [applicationIds],
    );
  }

  /** Offers still open or accepted whose hold has lapsed. */
  async lapsedOfferIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM allocation.bed_offer WHERE status IN ('open','accepted') AND expires_at <= now()`);
    return rows.map((r) => r.id);
  }

  /** Moves an offer on from one of `from`; false when it was no longer in one of them (someone else decided first). */
  async decideOffer(manager: EntityManager, id: string, from: Array<BedOffer['status']>, to: BedOffer['status'], reason: string | null): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE allocation.bed_offer SET status = $3, decided_at = now(), decision_reason = COALESCE($4, decision_reason) WHERE id = $1 AND status = ANY($2::text[])`,
      [id, from, to, reason],
    );
    return result[1] > 0;
  }

  /** Records the end reason of a hold that lapsed by itself (its range has already closed). */
  async markLapsed(manager: EntityManager, holdId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE allocation.bed_occupancy SET end_reason = $2 WHERE id = $1 AND end_reason IS NULL`, [holdId, reason]);
  }

  async log(manager: EntityManager, decisions: DecisionInput[]): Promise<void> {
    if (decisions.length === 0) return;
    await manager.insert(
      WaitlistDecision,
      decisions.map((d) => ({
        applicationId: d.applicationId,
        kind: d.kind,
        reason: d.reason,
        bedId: d.bedId ?? null,
        facilityId: d.facilityId ?? null,
        rulesVersion: d.rulesVersion ?? null,
        score: d.score ?? null,
        position: d.position ?? null,
        actorId: d.actorId ?? null,
      })),
    );
  }

  history(applicationIds: string[]): Promise<WaitlistDecision[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(WaitlistDecision, 'd')
      .where('d.application_id = ANY(:ids)', { ids: applicationIds })
      .orderBy('d.at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
  }

  /** Residential facilities of a district among these ids (to check an application's choices). */
  async residentialFacilityIds(districtCode: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM allocation.facility WHERE id = ANY($1::uuid[]) AND district_code = $2 AND type IN ('care-institution','small-care-home')`,
      [ids, districtCode],
    );
    return rows.map((r) => r.id);
  }
}
