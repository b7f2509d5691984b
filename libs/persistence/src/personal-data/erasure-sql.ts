import type { EntityManager } from 'typeorm';

/** Runs an UPDATE or DELETE (with RETURNING 1) and answers how many rows it touched. */
export async function countAffected(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = (await manager.query(`WITH touched AS (${sql}) SELECT count(*)::int AS n FROM touched`, params)) as Array<{ n: number }>;
  return rows[0]?.n ?? 0;
}

/** Counts rows (a SELECT count(*)::int AS n). */
export async function countRows(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = (await manager.query(sql, params)) as Array<{ n: number }>;
  return rows[0]?.n ?? 0;
}

/** SQL for a geography column's point rounded to `decimals` places (about 1 km at 2). */
export function roundedPointSql(column: string, decimals: number): string {
  return `ST_SetSRID(ST_MakePoint(round(ST_X(${column}::geometry)::numeric, ${decimals})::float8, round(ST_Y(${column}::geometry)::numeric, ${decimals})::float8), 4326)::geography`;
}
