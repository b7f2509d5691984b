/** PostgreSQL's SQLSTATE for a unique constraint refusing a row (an id or a natural key taken). */
export const UNIQUE_VIOLATION = '23505';
