import { EnablePostgis1763800000000 } from './1763800000000-enable-postgis';
import { Foundation1795385121564 } from './1795385121564-foundation';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [EnablePostgis1763800000000, Foundation1795385121564];
