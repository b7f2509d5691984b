import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGateway, openApiDocument } from '../apps/gateway/src/gateway.bootstrap';

/** `npm run openapi`: writes docs/openapi.json without connecting to anything (Nest preview mode). */
async function main(): Promise<void> {
  const app = await createGateway({}, { preview: true });
  const file = join(process.cwd(), 'docs', 'openapi.json');
  mkdirSync(join(process.cwd(), 'docs'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  console.log(`wrote ${file}`);
}

main().catch((error: Error) => {
  console.error(`openapi failed: ${error.message}`);
  process.exit(1);
});
