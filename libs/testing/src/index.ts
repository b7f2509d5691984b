export { eventually } from './eventually';
export { gbtItems, seniorRegistration } from './senior-factory';
export { forgetQueues, testQueuePrefix } from './queue-prefix';
export { createMigratedDatabase, createTestDatabase, dropTemplateDatabase, prepareTemplateDatabase, TestDatabase } from './test-database';
