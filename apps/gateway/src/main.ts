import 'reflect-metadata';
import { bootstrapGateway } from './gateway.bootstrap';

bootstrapGateway().catch((error: Error) => {
  console.error(`gateway failed to start: ${error.message}`);
  process.exit(1);
});
