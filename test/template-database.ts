import { dropTemplateDatabase, prepareTemplateDatabase } from '../libs/testing/src/test-database';

/** `tsx test/template-database.ts prepare|drop`: the test run's template database. */
const action = process.argv[2] === 'drop' ? dropTemplateDatabase : prepareTemplateDatabase;
action().catch((error: Error) => {
  console.error(`test template database ${process.argv[2]} failed: ${error.message}`);
  process.exit(1);
});
