import 'reflect-metadata';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { bootstrapAssessment } from '../apps/assessment/src/assessment.bootstrap';
import { bootstrapDispatch } from '../apps/dispatch/src/dispatch.bootstrap';
import { bootstrapGateway } from '../apps/gateway/src/gateway.bootstrap';

/**
 * `npm start`: the four apps in one process for a single machine. They still talk only through
 * Redis, exactly as when each runs alone (`npm run start:<app>`). Not an app: apps never import each other.
 */
async function main(): Promise<void> {
  // One ordered shutdown for the process: the gateway stops taking requests, then the services finish their jobs.
  const own = { shutdownHooks: false };
  const services = await Promise.all([bootstrapAssessment({}, own), bootstrapAllocation({}, own), bootstrapDispatch({}, own)]);
  const gateway = await bootstrapGateway({}, own);
  console.log(`eldercare platform up: gateway at ${await gateway.getUrl()} (OpenAPI at /docs)`);
  const stop = async (): Promise<void> => {
    await gateway.close();
    await Promise.all(services.map((s) => s.close()));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  console.error(`platform failed to start: ${error.message}`);
  process.exit(1);
});
