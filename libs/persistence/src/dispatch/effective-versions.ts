import type { EntityManager } from 'typeorm';

/**
 * Makes room for a senior's new version starting on `validFrom` in an effective-dated table
 * (senior_id, valid_from, valid_until): versions starting on or after it are replaced, the one in
 * force the day before ends then. The senior's row is locked so two changes do not interleave.
 * The caller then inserts the new version in the same transaction.
 */
export async function closeVersionsFrom(manager: EntityManager, table: 'dispatch.meal_subscription_version' | 'dispatch.visit_plan_version', seniorId: string, validFrom: string): Promise<void> {
  await manager.query(`SELECT 1 FROM dispatch.senior_view WHERE senior_id = $1 FOR UPDATE`, [seniorId]);
  await manager.query(`DELETE FROM ${table} WHERE senior_id = $1 AND valid_from >= $2`, [seniorId, validFrom]);
  await manager.query(`UPDATE ${table} SET valid_until = $2::date - 1 WHERE senior_id = $1 AND valid_from < $2 AND (valid_until IS NULL OR valid_until >= $2)`, [seniorId, validFrom]);
}

/** The version in force on `date` (YYYY-MM-DD) among a senior's effective-dated versions, if any. */
export function versionOn<V extends { readonly validFrom: string; readonly validUntil: string | null }>(versions: readonly V[], date: string): V | undefined {
  return versions.find((v) => v.validFrom <= date && (v.validUntil === null || v.validUntil >= date));
}
