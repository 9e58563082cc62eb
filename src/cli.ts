/**
 * `article`: the command line tool over the same core as the extension.
 * Exit codes: 0 done; 1 some files failed (or stdout failed); 2 usage error, a file `outline`
 * cannot read, or an export refused before writing. Bad input never shows a stack trace. The same
 * script is the worker thread of export and lint (src/cli/worker.ts).
 */
import { parseArgs } from 'node:util';
import { readArticleFile } from './core/batch/read';
import { DEFAULT_EXPORT_OPTIONS, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from './core/export';
import type { Article } from './core/model';
import { buildOutline, nodeLabel as coreNodeLabel, type OutlineNode } from './core/outline';
import { parseArticle } from './core/parse';
import { defaultJobs, runExport } from './cli/export';
import { runNormalize } from './cli/normalize';
import { runLint } from './cli/lint';
import { DEFAULT_NORMALIZE_OPTIONS, type NormalizeOptions } from './core/normalize';
import { describeProblem, pickMessages } from './cli/messages';
import { Output } from './cli/output';
import { isBatchWorker, serveBatchJobs } from './cli/worker';
import { nodeFs, removeTempsOnSignals } from './node/batchFs';
import { parseThreshold, runDuplicates } from './cli/duplicates';
import { runSearch } from './cli/search';
import { runFromJsonl } from './cli/fromJsonl';

const messages = pickMessages();
const stdout = new Output();

class UsageError extends Error {}
class ReadError extends Error {}

async function readArticle(path: string): Promise<Article> {
  const read = await readArticleFile(nodeFs, path, { requireArticle: false });
  if (!read.ok) throw new ReadError(describeProblem(messages, { path, problem: read.problem, detail: read.detail }));
  return parseArticle(read.text);
}

interface JsonNode {
  name: string;
  kind: OutlineNode['kind'];
  level?: number;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  chars: number;
  children: JsonNode[];
}

function nodeLabel(node: OutlineNode): string {
  return coreNodeLabel(node, { image: messages.image, untitled: messages.untitled, empty: messages.emptyNode });
}

function toJson(node: OutlineNode): JsonNode {
  return {
    name: nodeLabel(node),
    kind: node.kind,
    ...(node.level !== undefined ? { level: node.level } : {}),
    start: node.span.start,
    end: node.span.end,
    selectionStart: node.selection.start,
    selectionEnd: node.selection.end,
    chars: node.chars,
    children: node.children.map(toJson),
  };
}

function printTree(nodes: readonly OutlineNode[], depth: number, out: string[]): void {
  for (const node of nodes) {
    const marker = { title: '#', heading: '§', paragraph: '¶', image: '▣' }[node.kind];
    const chars = node.kind === 'image' ? '' : `  (${messages.chars(node.chars)})`;
    out.push(`${'  '.repeat(depth)}${marker} ${nodeLabel(node)}${chars}  [${node.span.start}-${node.span.end}]`);
    printTree(node.children, depth + 1, out);
  }
}

async function outline(files: string[], json: boolean): Promise<void> {
  if (files.length === 0) throw new UsageError(messages.missingFile);
  if (files.length > 1) throw new UsageError(messages.oneFile);
  const tree = buildOutline(await readArticle(files[0]!));
  if (json) {
    await stdout.write(JSON.stringify(tree.map(toJson), null, 2) + '\n');
  } else {
    const lines: string[] = [];
    printTree(tree, 0, lines);
    await stdout.write(lines.join('\n') + '\n');
  }
}

interface ExportValues {
  format?: string;
  out?: string;
  overwrite?: boolean;
  jobs?: string;
  indent?: string;
  images?: string;
  'image-marker'?: string;
  'from-jsonl'?: string;
}

function choice<T extends string>(option: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(messages.badChoice(option, value, choices.join(', ')));
  return value as T;
}

function exportFiles(paths: string[], values: ExportValues): Promise<number> {
  if (values.indent === 'keep') throw new UsageError(messages.badChoice('indent', 'keep', 'none, fullwidth'));
  const fromJsonl = values['from-jsonl'];
  if (fromJsonl !== undefined) {
    if (paths.length > 0) throw new UsageError(messages.fromJsonlPaths);
    if (values.format !== undefined && values.format !== 'jsonl') throw new UsageError(messages.fromJsonlFormat(values.format));
    if (values.out !== undefined) throw new UsageError(messages.fromJsonlOut);
    if (fromJsonl === '') throw new UsageError(messages.missingFile);
  }
  if (fromJsonl === undefined && paths.length === 0) throw new UsageError(messages.missingFile);
  if (fromJsonl === undefined && (values.format === undefined || values.format === '')) throw new UsageError(messages.missingFormat);
  if (values.format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(messages.badFormat(values.format));
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError(messages.emptyOut);
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(messages.badJobs(values.jobs ?? ''));
  const options: ExportOptions = {
    indent: choice('indent', values.indent, ['none', 'fullwidth'], DEFAULT_EXPORT_OPTIONS.indent),
    images: choice('images', values.images, ['marker', 'drop'], DEFAULT_EXPORT_OPTIONS.images),
    imageMarker: values['image-marker'] ?? DEFAULT_EXPORT_OPTIONS.imageMarker,
  };
  if (fromJsonl !== undefined) return runFromJsonl({ source: fromJsonl, jobs, options }, __filename, messages, stdout);
  return runExport({ paths, format: values.format as ExportFormat, out: values.out, overwrite: values.overwrite === true, jobs, options }, __filename, messages, stdout);
}

interface NormalizeValues {
  check?: boolean;
  write?: boolean;
  style?: string;
  indent?: string;
  layout?: string;
  'keep-empty'?: boolean;
  jobs?: string;
}

function normalizeFiles(paths: string[], values: NormalizeValues): Promise<number> {
  if (paths.length === 0) throw new UsageError(messages.missingFile);
  if (values.check === values.write) throw new UsageError(messages.checkOrWrite);
  const options: NormalizeOptions = {
    style: values.style ?? DEFAULT_NORMALIZE_OPTIONS.style,
    indent: choice('indent', values.indent, ['keep', 'fullwidth', 'none'], DEFAULT_NORMALIZE_OPTIONS.indent),
    layout: choice('layout', values.layout, ['oneLine', 'blockPerLine'], DEFAULT_NORMALIZE_OPTIONS.layout),
    removeEmptyParagraphs: values['keep-empty'] !== true,
  };
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(messages.badJobs(values.jobs ?? ''));
  return runNormalize({ paths, write: values.write === true, options, jobs, script: __filename }, messages, stdout);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        json: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        overwrite: { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        indent: { type: 'string' },
        images: { type: 'string' },
        'image-marker': { type: 'string' },
        'from-jsonl': { type: 'string' },
        check: { type: 'boolean' },
        write: { type: 'boolean' },
        style: { type: 'string' },
        layout: { type: 'string' },
        'keep-empty': { type: 'boolean' },
        threshold: { type: 'string' },
        fix: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`article: ${messages.badOption((error as Error).message)}\n${messages.seeHelp}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await stdout.write(messages.usage + '\n');
    return 0;
  }
  if (values.version) {
    await stdout.write(`${process.env.ARTICLE_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  try {
    if (command === undefined) throw new UsageError(messages.noCommand);
    if (command === 'outline') await outline(files, values.json === true);
    else if (command === 'export') return await exportFiles(files, values);
    else if (command === 'normalize') return await normalizeFiles(files, values);
    else if (command === 'duplicates') {
      const threshold = parseThreshold(values.threshold);
      if (threshold === undefined) throw new UsageError(messages.badThreshold(values.threshold ?? ''));
      if (files.length === 0) throw new UsageError(messages.missingFile);
      return await runDuplicates({ paths: files, json: values.json === true, threshold }, messages);
    } else if (command === 'search') {
      const [pattern, ...paths] = files;
      if (pattern === undefined || pattern.trim() === '') throw new UsageError(messages.missingPattern);
      if (paths.length === 0) throw new UsageError(messages.missingFile);
      return await runSearch({ pattern, paths, json: values.json === true }, messages);
    } else if (command === 'lint') {
      if (files.length === 0) throw new UsageError(messages.missingFile);
      const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(messages.badJobs(values.jobs ?? ''));
      return await runLint({ paths: files, json: values.json === true, fix: values.fix === true, jobs, script: __filename }, messages);
    }
    else throw new UsageError(messages.unknownCommand(command));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`article: ${error.message}\n${messages.seeHelp}\n`);
      return 2;
    }
    if (error instanceof ReadError) {
      process.stderr.write(`article: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (isBatchWorker()) {
  serveBatchJobs();
} else {
  removeTempsOnSignals();
  void main(process.argv.slice(2)).then(
    (code) => {
      // A reader that went away ends the output quietly; any other failure of stdout is one line.
      if (stdout.failure !== undefined && stdout.failure !== 'EPIPE') {
        process.stderr.write(`article: ${messages.stdoutFailed(stdout.failure)}\n`);
        code = Math.max(code, 1);
      }
      process.exitCode = code;
    },
    (error: unknown) => {
      // An internal error: one line (ARTICLE_DEBUG=1 shows the stack, for bug reports).
      const text = error instanceof Error ? (process.env.ARTICLE_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
      process.stderr.write(`article: ${text}\n`);
      process.exitCode = 1;
    },
  );
}
