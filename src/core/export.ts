/**
 * Export of an article's clean text. JSON here; the text formats come with the export feature.
 */
import type { Article } from './model';
import { cleanText, FULLWIDTH_INDENT } from './text';

export type ExportedBlock =
  | { readonly type: 'heading'; readonly level: number; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'image' };

/** The JSON shape of FORMAT.md. */
export interface ExportedArticle {
  readonly path: string;
  readonly title: string;
  readonly titleLine: string;
  readonly listIndex: number | null;
  readonly blocks: ExportedBlock[];
}

/** The article as FORMAT.md's JSON object; `path` is how the caller names the file. */
export function toExportedArticle(article: Article, path: string): ExportedArticle {
  const blocks: ExportedBlock[] = [];
  for (const block of article.blocks) {
    if (block.kind === 'image') {
      blocks.push({ type: 'image' });
    } else if (block.kind === 'paragraph' && block.text !== '') {
      const text = cleanText(block.text);
      // A run-in heading (its head and its text in one paragraph) is exported as the paragraph it is.
      blocks.push(block.heading && block.heading.runIn === undefined ? { type: 'heading', level: block.heading.level, text } : { type: 'paragraph', text });
    }
  }
  const raw = article.titleLine.raw;
  return {
    path,
    title: article.title,
    titleLine: raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw,
    listIndex: article.listIndex,
    blocks,
  };
}

export type ExportFormat = 'txt' | 'md' | 'json' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['txt', 'md', 'json', 'jsonl'];

export interface ExportOptions {
  /** `fullwidth` puts `　　` before each body paragraph of txt and md output. */
  readonly indent: 'none' | 'fullwidth';
  /** `marker` writes `imageMarker` where a picture was; `drop` leaves nothing. JSON always has `{ "type": "image" }`. */
  readonly images: 'marker' | 'drop';
  readonly imageMarker: string;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { indent: 'none', images: 'marker', imageMarker: '[图片]' };

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { txt: '.txt', md: '.md', json: '.json', jsonl: '.jsonl' };


function plainText(exported: ExportedArticle, options: ExportOptions): string {
  const parts = [exported.title];
  for (const block of exported.blocks) {
    if (block.type === 'image') {
      if (options.images === 'marker') parts.push(options.imageMarker);
    } else if (block.type === 'heading') {
      parts.push(block.text);
    } else {
      parts.push(options.indent === 'fullwidth' ? FULLWIDTH_INDENT + block.text : block.text);
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Characters Markdown reads as markup anywhere in a line. */
const MD_INLINE = /[\\`*_[\]<>|~]|&(?=#?[a-zA-Z0-9]+;)|!(?=\[)/g;
/**
 * What Markdown reads as a block marker at the start of a line: headings, quotes, lists, rules,
 * and setext underlines (`==`, `--` under a line a hard break ended).
 */
const MD_LINE_START = /^(\s{0,3})(#{1,6}(?=\s|$)|[-+=](?=\s|$)|(\d{1,9})([.)])(?=\s|$)|[-*_](?:\s*[-*_]){2,}\s*$|=+(?=[ \t]*$)|-+(?=[ \t]*$))/;
/** Spaces and tabs at a line's ends, which Markdown drops: written as character references. */
const MD_EDGE_SPACE = /^[ \t]+|[ \t]+$/g;
/** An ATX heading's optional closing sequence: `#`s at the end after white space (or alone). */
const MD_CLOSING_HASHES = /(^|[ \t])(#+)([ \t]*)$/;

/** One line of text made safe for Markdown: every character shows as itself. */
export function escapeMarkdownLine(line: string): string {
  const escaped = line.replace(MD_INLINE, (c) => '\\' + c);
  const marked = escaped.replace(MD_LINE_START, (whole: string, space: string, _marker: string, digits?: string, dot?: string) =>
    digits !== undefined ? `${space}${digits}\\${dot}` : `${space}\\${whole.slice(space.length)}`,
  );
  return marked.replace(MD_EDGE_SPACE, (run) => run.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
}

/** One line of a heading's text: also a `#` run at its end stays text, not a closing sequence. */
export function escapeMarkdownHeadingLine(line: string): string {
  return escapeMarkdownLine(line).replace(MD_CLOSING_HASHES, (_whole: string, before: string, hashes: string, after: string) => `${before}\\${hashes}${after}`);
}

/** Text of several lines (a `<br>` is a line break): each line escaped, joined by hard breaks. */
export function markdownText(text: string): string {
  return text.split('\n').map(escapeMarkdownLine).join('\\\n');
}

/** A heading's text: one line in Markdown, so a line break in it is written as `<br>`. */
export function markdownHeadingText(text: string): string {
  return text.split('\n').map(escapeMarkdownHeadingLine).join('<br>');
}

function markdown(exported: ExportedArticle, options: ExportOptions): string {
  const parts = ['# ' + markdownHeadingText(exported.title)];
  for (const block of exported.blocks) {
    if (block.type === 'image') {
      if (options.images === 'marker') parts.push(escapeMarkdownLine(options.imageMarker));
    } else if (block.type === 'heading') {
      parts.push('#'.repeat(Math.min(6, block.level + 1)) + ' ' + markdownHeadingText(block.text));
    } else {
      parts.push((options.indent === 'fullwidth' ? FULLWIDTH_INDENT : '') + markdownText(block.text));
    }
  }
  return parts.join('\n\n') + '\n';
}

/** The article in one of the export formats: UTF-8 text with `\n` line ends. */
export function exportArticle(article: Article, path: string, format: ExportFormat, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): string {
  const exported = toExportedArticle(article, path);
  switch (format) {
    case 'txt':
      return plainText(exported, options);
    case 'md':
      return markdown(exported, options);
    case 'json':
      return JSON.stringify(exported, null, 2) + '\n';
    case 'jsonl':
      return JSON.stringify(exported) + '\n';
  }
}
