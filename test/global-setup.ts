import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Once per test run: migrate the template database that every test file copies. Run through tsx
 * because Jest's global setup does not apply the workspace's path aliases.
 */
export default function globalSetup(): void {
  const root = join(__dirname, '..');
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'test', 'prepare-template-database.ts')], { cwd: root, stdio: 'inherit' });
}
