import type { EntityManager } from 'typeorm';

/**
 * Rows of one table about a senior as plain JSON for the personal-data export: every column by its
 * name, geography columns as { lat, lng } (PostGIS would give hex WKB), `omit` columns left out
 * (secrets such as hashes). `where` is SQL over the alias `t` with $1 the senior id.
 */
export async function personalDataRows(
  manager: EntityManager,
  table: string,
  seniorId: string,
  options: { where?: string; geography?: string[]; omit?: string[]; orderBy?: string } = {},
): Promise<Array<Record<string, unknown>>> {
  const geography = options.geography ?? [];
  const dropped = [...geography, ...(options.omit ?? [])];
  const points = geography.map(
    (c) => `'${c}', CASE WHEN t.${c} IS NULL THEN NULL ELSE jsonb_build_object('lat', ST_Y(t.${c}::geometry), 'lng', ST_X(t.${c}::geometry)) END`,
  );
  const row = [`to_jsonb(t)`, ...dropped.map((c) => `'${c}'`)].join(' - ');
  const select = points.length > 0 ? `(${row}) || jsonb_build_object(${points.join(', ')})` : row;
  const rows = (await manager.query(
    `SELECT ${select} AS row FROM ${table} t WHERE ${options.where ?? 't.senior_id = $1'} ORDER BY ${options.orderBy ?? '1'}`,
    [seniorId],
  )) as Array<{ row: Record<string, unknown> }>;
  return rows.map((r) => r.row);
}
