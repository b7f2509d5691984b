import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/**
 * A senior placed straight into allocation's and dispatch's read models, as assessment events
 * would leave them, with the entitlements a test needs: faster than registering and assessing
 * dozens of seniors when the test is about allocation itself.
 */
export interface ReadModelFacts {
  priorityFlags?: string[];
  level?: number;
  levelInstrument?: string | null;
  name?: string;
  /** WGS-84 home; default a point in Xinzhuang. */
  location?: { lat: number; lng: number };
  livesAlone?: boolean;
}

export async function seniorInReadModels(db: Client, entitlements: Record<string, unknown>, sex: 'female' | 'male' = 'female', facts: ReadModelFacts = {}): Promise<string> {
  const id = randomUUID();
  const home = facts.location ?? { lat: 31.1124, lng: 121.3817 };
  const flags = facts.priorityFlags ?? [];
  await db.query(
    `INSERT INTO allocation.senior_view (senior_id, sex, birth_date, location, living_arrangement, priority_flags, priority_grants, district_code, level, level_instrument, entitlements, entitlements_at)
     VALUES ($1, $2, '1938-05-01', ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography, 'alone', $4, $9, '310112', $5, $6, $3, now())`,
    [id, sex, JSON.stringify(entitlements), flags, facts.level ?? 3, facts.levelInstrument ?? null, home.lng, home.lat, JSON.stringify(flags.map((flag) => ({ flag, validFrom: '2000-01-01', validUntil: null })))],
  );
  await db.query(
    `INSERT INTO dispatch.senior_view (senior_id, name, address_text, location, lives_alone, district_code, entitlements, entitlements_at)
     VALUES ($1, $2, '莘庄镇', ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography, $5, '310112', $6, now())`,
    [id, facts.name ?? '测试', home.lng, home.lat, facts.livesAlone ?? true, JSON.stringify(entitlements)],
  );
  return id;
}
