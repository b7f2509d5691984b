/** PostgreSQL's SQLSTATE for a unique constraint refusing a row (an id or a natural key taken). */
export const UNIQUE_VIOLATION = '23505';

/** PostgreSQL's SQLSTATE for an exclusion constraint refusing a row (a bed held or occupied twice at once). */
export const EXCLUSION_VIOLATION = '23P01';
