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
}

export async function seniorInReadModels(db: Client, entitlements: Record<string, unknown>, sex: 'female' | 'male' = 'female', facts: ReadModelFacts = {}): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO allocation.senior_view (senior_id, sex, birth_date, location, living_arrangement, priority_flags, district_code, level, level_instrument, entitlements, entitlements_at)
     VALUES ($1, $2, '1938-05-01', ST_SetSRID(ST_MakePoint(121.3817, 31.1124), 4326)::geography, 'alone', $4, '310112', $5, $6, $3, now())`,
    [id, sex, JSON.stringify(entitlements), facts.priorityFlags ?? [], facts.level ?? 3, facts.levelInstrument ?? null],
  );
  await db.query(
    `INSERT INTO dispatch.senior_view (senior_id, name, address_text, location, lives_alone, district_code)
     VALUES ($1, '测试', '莘庄镇', ST_SetSRID(ST_MakePoint(121.3817, 31.1124), 4326)::geography, true, '310112')`,
    [id],
  );
  return id;
}
