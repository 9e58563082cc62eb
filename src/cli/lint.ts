/**
 * `article lint PATHS... [--json] [--fix]`: the lint's problems of files and of the `.txt` articles
 * in folders (walked recursively; files found in folders that are not articles are skipped, files
 * named are linted as asked). One line a problem, `path:line:column: severity: message [code]`, or
 * with `--json` an array of `{ path, problems: [{ code, severity, message, start, end }] }` (offsets
 * into the file's text). `--fix` applies every fix (rounds until none is left), writes the file
 * atomically in its own encoding, and reports what is left. Exit 1 when a warning or an error is
 * found (or a file could not be read or written), else 0.
 *
 * Written on the current file helpers (inputFiles, readTextFile, writeFileAtomic); the batch
 * engine takes it over as one more job kind. A file changed between its read and the write is the
 * engine's business (it re-reads before writing); here the read text is what gets fixed.
 */
import { fixAll, lintArticle, type Problem, type RuleSettings } from '../core/lint';
import { parseArticle } from '../core/parse';
import { encodeText, inputFiles, readTextFile, writeFileAtomic } from '../node/files';
import { describeProblem, type Messages } from './messages';

export interface LintRequest {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly fix: boolean;
  /** Rule code → severity or `off`, as `article.lint.rules`. */
  readonly rules?: RuleSettings;
}

export interface JsonProblem {
  readonly code: string;
  readonly severity: Problem['severity'];
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** A problem's message in the CLI's language. */
export function problemMessage(messages: Messages, problem: Problem): string {
  const say = messages.lint[problem.message] as (...args: readonly unknown[]) => string;
  return say(...problem.args);
}

/** 1-based line and column (UTF-16 code units) of sorted offsets, in one pass over the text. */
function positions(text: string, offsets: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const offset of offsets) {
    for (let nl = text.indexOf('\n', at); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    at = Math.max(at, lineStart);
    out.push([line, offset - lineStart + 1]);
  }
  return out;
}

export async function runLint(request: LintRequest, messages: Messages): Promise<number> {
  const rules = request.rules ?? {};
  const counts = { error: 0, warning: 0, info: 0 };
  let files = 0;
  let failed = 0;
  let firstJson = true;
  if (request.json) process.stdout.write('[');
  for await (const input of inputFiles(request.paths)) {
    const read = await readTextFile(input.path, !input.named);
    if (!read.ok) {
      if (read.problem !== 'not-article') failed++;
      process.stderr.write(`article: ${describeProblem(messages, input.path, read.problem, read.detail)}\n`);
      continue;
    }
    files++;
    let text = read.text;
    let problems = lintArticle(parseArticle(text), rules);
    if (request.fix && problems.some((p) => p.fix !== undefined)) {
      const fixed = fixAll(text, parseArticle, rules);
      if (fixed !== text) {
        try {
          await writeFileAtomic(input.path, encodeText(fixed, read.encoding, read.bom));
          const before = problems.length;
          text = fixed;
          problems = lintArticle(parseArticle(text), rules);
          process.stderr.write(`${messages.lintFixed(input.path, before - problems.length)}\n`);
        } catch (error) {
          failed++;
          process.stderr.write(`article: ${describeProblem(messages, input.path, 'write', (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
        }
      }
    }
    for (const problem of problems) counts[problem.severity]++;
    if (request.json) {
      const entry = {
        path: input.path,
        problems: problems.map((p): JsonProblem => ({ code: p.code, severity: p.severity, message: problemMessage(messages, p), start: p.start, end: p.end })),
      };
      process.stdout.write(`${firstJson ? '' : ','}\n${JSON.stringify(entry)}`);
      firstJson = false;
    } else if (problems.length > 0) {
      const at = positions(text, problems.map((p) => p.start));
      const lines = problems.map((p, i) => `${input.path}:${at[i]![0]}:${at[i]![1]}: ${messages.severity[p.severity]}: ${problemMessage(messages, p)} [${p.code}]`);
      process.stdout.write(lines.join('\n') + '\n');
    }
  }
  if (request.json) process.stdout.write(firstJson ? ']\n' : '\n]\n');
  process.stderr.write(messages.lintSummary(counts.error, counts.warning, counts.info, files) + '\n');
  return failed > 0 || counts.error > 0 || counts.warning > 0 ? 1 : 0;
}
