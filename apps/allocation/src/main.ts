import 'reflect-metadata';
import { bootstrapAllocation } from './allocation.bootstrap';

bootstrapAllocation().catch((error: Error) => {
  console.error(`allocation failed to start: ${error.message}`);
  process.exit(1);
});
