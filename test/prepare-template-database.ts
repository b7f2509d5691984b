import { prepareTemplateDatabase } from '../libs/testing/src/test-database';

prepareTemplateDatabase().catch((error: Error) => {
  console.error(`could not prepare the test template database: ${error.message}`);
  process.exit(1);
});
