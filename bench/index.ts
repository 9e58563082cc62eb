/**
 * `npm run bench`: runs every benchmark registered under bench/ and prints a table (or JSON).
 *
 *   node out/bench/index.js [--json] [--filter ID]... [--paragraphs N] [--articles N] [--budget SECONDS] [--strict]
 *
 * --json          print the results as JSON instead of the table (stdout only)
 * --filter ID     only measurements whose id contains ID (repeatable; e.g. `seed`, `big.edit`)
 * --paragraphs N  paragraphs of the generated article (default 20000, about 15 MB)
 * --articles N    articles of the export benchmark's corpus (default 5000, about 80 MB; kept in
 *                 bench/.data/), next to one a quarter the size; `--filter export` runs only it
 * --budget S      measurements not started after S seconds are skipped (default 45; the export
 *                 benchmark has a budget of its own)
 * --strict        exit with status 1 when a target is missed
 * --filter typing typing in the big article in the real workbench (code-server + Chromium), as
 *                 Article and as Plain Text: slow, so only when named (bench/typing.workbench.ts);
 *                 with --keys N (default 10), --runs N (default 1), --explore (word wrap variants),
 *                 --compare DIR (another build of the extension, e.g. before a change, measured too)
 *
 * To add a benchmark, write bench/NAME.bench.ts calling `registerBench` and import it below.
 */
import './parse.bench';
import './decode.bench';
import './normalize.bench';
import './editor.bench';
import './corpus.bench';
import './lint.bench';
import './mapper.bench';
import './activation.bench';
import { setExportArticles } from './export.bench';
import { setBigParagraphs } from './fixtures';
import { formatReport, machine, missedTargets, runAll } from './harness';
import { runTypingBench, typingOptions } from './typing.workbench';

const USAGE = 'usage: node out/bench/index.js [--json] [--filter ID]... [--paragraphs N] [--articles N] [--budget SECONDS] [--strict] [--keys N] [--runs N] [--explore] [--compare DIR]';

interface Args {
  json: boolean;
  strict: boolean;
  filters: string[];
  budgetSeconds: number;
  paragraphs: number;
  /** The typing benchmark's own options, passed on as they were given. */
  typing: string[];
}

function usage(message: string): never {
  console.error(`bench: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, strict: false, filters: [], budgetSeconds: 45, paragraphs: 20000, typing: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    const positive = (v: string): number => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) usage(`${arg} needs a positive number, not ${v}`);
      return n;
    };
    switch (arg) {
      case '--json':
        args.json = true;
        break;
      case '--strict':
        args.strict = true;
        break;
      case '--filter':
        args.filters.push(...value().split(','));
        break;
      case '--paragraphs':
        args.paragraphs = Math.round(positive(value()));
        setBigParagraphs(args.paragraphs);
        break;
      case '--articles':
        setExportArticles(Math.round(positive(value())));
        break;
      case '--budget':
        args.budgetSeconds = positive(value());
        break;
      case '--keys':
      case '--runs':
        args.typing.push(arg, String(Math.round(positive(value()))));
        break;
      case '--compare':
        args.typing.push(arg, value());
        break;
      case '--explore':
        args.typing.push(arg);
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        usage(`unknown argument ${arg}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.filters.includes('typing')) {
    await runTypingBench(typingOptions([...args.typing, '--paragraphs', String(args.paragraphs)]));
    args.filters = args.filters.filter((f) => f !== 'typing');
    if (args.filters.length === 0) return;
  }
  const report = await runAll({ filters: args.filters, deadlineMs: args.budgetSeconds * 1000 });
  const m = machine();
  if (args.json) console.log(JSON.stringify({ machine: m, ...report }, null, 2));
  else console.log(formatReport(report, m));
  if (args.strict && missedTargets(report) > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
