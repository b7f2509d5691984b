export { eventually } from './eventually';
export { gbtItems, seniorRegistration } from './senior-factory';
export { createMigratedDatabase, createTestDatabase, dropTemplateDatabase, prepareTemplateDatabase, TestDatabase, testQueuePrefix } from './test-database';
