/**
 * The type of a jsonb column holding a JSON object. Declared as `object` rather than
 * Record<string, unknown> because TypeORM's partial-entity types cannot express the latter;
 * readers cast it to the shape they know.
 */
export type JsonDocument = object;
