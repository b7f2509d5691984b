export { eventually } from './eventually';
export { seniorRegistration } from './senior-factory';
export { createMigratedDatabase, createTestDatabase, prepareTemplateDatabase, TEMPLATE_DATABASE, TestDatabase, testQueuePrefix } from './test-database';
