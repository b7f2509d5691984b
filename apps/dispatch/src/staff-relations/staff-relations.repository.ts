import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The only place that asks whether a caregiver or courier account serves a senior. */
@Injectable()
export class StaffRelationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the account's caregiver has a visit to the senior (not cancelled) on a date in [from, until]. */
  async visits(accountId: string, seniorId: string, from: string, until: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM dispatch.care_visit v JOIN dispatch.caregiver c ON c.id = v.caregiver_id
        WHERE c.account_id = $1 AND v.senior_id = $2 AND v.date BETWEEN $3 AND $4 AND v.status <> 'cancelled' LIMIT 1`,
      [accountId, seniorId, from, until],
    );
    return rows.length > 0;
  }

  /** Whether the account's courier has a meal for the senior on a route dated in [from, until]. */
  async deliversTo(accountId: string, seniorId: string, from: string, until: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM dispatch.meal_order o
         JOIN dispatch.delivery_route r ON r.id = o.route_id
         JOIN dispatch.courier c ON c.id = r.courier_id
        WHERE c.account_id = $1 AND o.senior_id = $2 AND o.date BETWEEN $3 AND $4 LIMIT 1`,
      [accountId, seniorId, from, until],
    );
    return rows.length > 0;
  }
}
