import 'reflect-metadata';
import { bootstrapAssessment } from './assessment.bootstrap';

bootstrapAssessment().catch((error: Error) => {
  console.error(`assessment failed to start: ${error.message}`);
  process.exit(1);
});
