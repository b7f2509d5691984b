import 'reflect-metadata';
import { bootstrapDispatch } from './dispatch.bootstrap';

bootstrapDispatch().catch((error: Error) => {
  console.error(`dispatch failed to start: ${error.message}`);
  process.exit(1);
});
