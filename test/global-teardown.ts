import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** After the run: drop this run's template database. */
export default function globalTeardown(): void {
  const root = join(__dirname, '..');
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'test', 'template-database.ts'), 'drop'], { cwd: root, stdio: 'inherit', env: process.env });
}
