import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Once per test run: migrate the template database that every test file copies. The template is
 * named for this run (workers inherit the variable), so two runs on one machine never collide.
 * Run through tsx because Jest's global setup does not apply the workspace's path aliases.
 */
export default function globalSetup(): void {
  process.env['TEST_DATABASE_TEMPLATE'] ??= `eldercare_test_template_${process.pid}`;
  const root = join(__dirname, '..');
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'test', 'template-database.ts'), 'prepare'], { cwd: root, stdio: 'inherit', env: process.env });
}
