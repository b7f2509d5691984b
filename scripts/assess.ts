// Offline scoring for batch work and audits:
//   npm run --silent assess -- --file answers.json     (or --file - to read stdin)
// Prints exactly one JSON object (the full, explainable result) on stdout. Invalid input: every
// problem on stderr, one per line, and exit code 1. Usage, I/O and JSON syntax errors: exit 2.
// All rules live in @app/domain; this file only reads, calls and prints.
import { readFileSync } from 'node:fs';
import { evaluateAssessment, formatAssessmentProblems } from '@app/domain';

const USAGE = 'usage: npm run --silent assess -- --file <answers.json | -> [--pretty]';

interface CliOptions {
  readonly file: string;
  readonly pretty: boolean;
}

function parseArgs(argv: readonly string[]): CliOptions | string {
  let file: string | undefined;
  let pretty = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--file') {
      file = argv[i + 1];
      i += 1;
      if (file === undefined) return '--file needs a path (or - for stdin)';
    } else if (arg.startsWith('--file=')) {
      file = arg.slice('--file='.length);
    } else if (arg === '--pretty') {
      pretty = true;
    } else {
      return `unknown argument ${JSON.stringify(arg)}`;
    }
  }
  return file === undefined || file === '' ? '--file is required' : { file, pretty };
}

/** Today's date in the districts' time zone, for the "assessment date not in the future" check. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`assess: ${options}\n${USAGE}\n`);
    return 2;
  }

  let text: string;
  try {
    // File descriptor 0 is stdin; reading it synchronously works for pipes and redirects.
    text = readFileSync(options.file === '-' ? 0 : options.file, 'utf8');
  } catch (error) {
    process.stderr.write(`assess: cannot read ${options.file === '-' ? 'stdin' : options.file}: ${(error as Error).message}\n`);
    return 2;
  }

  let input: unknown;
  try {
    input = JSON.parse(text) as unknown;
  } catch (error) {
    process.stderr.write(`assess: ${options.file === '-' ? 'stdin' : options.file} is not valid JSON: ${(error as Error).message}\n`);
    return 2;
  }

  const outcome = evaluateAssessment(input, { today: todayInShanghai() });
  if (!outcome.ok) {
    const count = outcome.problems.length;
    process.stderr.write(`assess: invalid input, ${count} problem${count === 1 ? '' : 's'}:\n${formatAssessmentProblems(outcome.problems)}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(outcome.result, null, options.pretty ? 2 : undefined)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
