/**
 * `article`: the command line tool over the same core as the extension.
 * Exit codes: 0 done, 2 usage or read error. Bad input never shows a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeBytes } from './core/decode';
import { toExportedArticle } from './core/export';
import type { Article } from './core/model';
import { buildOutline, type OutlineNode } from './core/outline';
import { parseArticle } from './core/parse';
import { pickMessages } from './cli/messages';

const messages = pickMessages();

class UsageError extends Error {}
class ReadError extends Error {}

function readArticle(path: string): Article {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new ReadError(messages.isDirectory(path));
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadError(code === 'ENOENT' ? messages.notFound(path) : messages.unreadable(path, code ?? String(error)));
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    const say = { empty: messages.empty, binary: messages.binary, encoding: messages.encoding, 'too-large': messages.tooLarge }[decoded.problem];
    throw new ReadError(say(path));
  }
  return parseArticle(decoded.text);
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
  if (node.kind === 'image') return messages.image;
  return node.name !== '' ? node.name : messages.untitled;
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

function outline(files: string[], json: boolean): void {
  if (files.length === 0) throw new UsageError(messages.missingFile);
  if (files.length > 1) throw new UsageError(messages.oneFile);
  const tree = buildOutline(readArticle(files[0]!));
  if (json) {
    process.stdout.write(JSON.stringify(tree.map(toJson), null, 2) + '\n');
  } else {
    const lines: string[] = [];
    printTree(tree, 0, lines);
    process.stdout.write(lines.join('\n') + '\n');
  }
}

function exportFiles(files: string[], format: string | undefined): void {
  if (files.length === 0) throw new UsageError(messages.missingFile);
  if (format !== 'json') throw new UsageError(messages.badFormat(format ?? ''));
  const articles = files.map((file) => toExportedArticle(readArticle(file), file));
  const value = articles.length === 1 ? articles[0] : articles;
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

function main(argv: string[]): number {
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
      },
    });
  } catch (error) {
    process.stderr.write(`article: ${messages.badOption((error as Error).message)}\n${messages.seeHelp}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(messages.usage + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${process.env.ARTICLE_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  try {
    if (command === undefined) throw new UsageError(messages.noCommand);
    if (command === 'outline') outline(files, values.json === true);
    else if (command === 'export') exportFiles(files, values.format);
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

process.exitCode = main(process.argv.slice(2));
