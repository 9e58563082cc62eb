/**
 * The Article Editor's operations as source edits, computed from the parsed article: what to
 * replace in the document when the user types in a paragraph, splits, merges, moves, deletes or
 * inserts one, or edits the title. Pure: no `vscode` import (the host applies the edits).
 */
import { decodeHTMLStrict } from 'entities';
import type { Article, Block } from '../core/model';
import { escapeHtmlText, realTagEnd } from '../core/text';
import type { TextEdit } from '../core/normalize';
import { SEED_STYLE, SPACER } from '../core/normalize';
import type { ViewBlock } from './protocol';

/** The blocks the editor shows: paragraphs (empty ones too) and images, with their article indexes. */
export interface EditorView {
  readonly blocks: ViewBlock[];
  /** `index[i]` is the article block shown as view block i. */
  readonly index: number[];
}

/** A paragraph whose source text is its clean text: offsets map one to one. */
export function isSimple(_article: Article, block: Block): boolean {
  return block.kind === 'paragraph' && (block.verbatim || block.textStart === block.textEnd);
}

export function editorView(article: Article): EditorView {
  const index = viewIndex(article);
  return { blocks: index.map((i) => viewBlock(article, i)), index };
}

const indexes = new WeakMap<Article, number[]>();

/** The article block index of each view block (paragraphs and images), computed once per article. */
export function viewIndex(article: Article): number[] {
  let index = indexes.get(article);
  if (!index) {
    index = [];
    article.blocks.forEach((block, i) => {
      if (block.kind === 'paragraph' || block.kind === 'image') index!.push(i);
    });
    indexes.set(article, index);
  }
  return index;
}

/** Typed text made into the article's markup: escaped in HTML, as it is in plain text. */
export function escapeTyped(article: Article, text: string): string {
  if (article.layout === 'plain') return text.replace(/\r?\n/g, ' ');
  return escapeHtmlText(text).replace(/\r?\n/g, '<br>');
}

/** Where block `i` ends together with the spacer right after it, if any. */
function contentEnd(article: Article, i: number): number {
  const block = article.blocks[i]!;
  const next = article.blocks[i + 1];
  return next && next.kind === 'spacer' && next.start === block.end ? next.end : block.end;
}

/** The markup that opens and closes a paragraph like block `i` (canonical markup for images and plain text). */
function paragraphMarkup(article: Article, block: Block): { open: string; close: string } {
  if (block.kind === 'paragraph' && article.layout === 'html' && block.textStart > block.start) {
    return { open: article.source.slice(block.start, block.textStart), close: article.source.slice(block.textEnd, block.end) };
  }
  return { open: `<div><span style='${SEED_STYLE}'> `, close: '</span></div>' };
}

/** Replace `[from, to)` of a paragraph's clean text with `text`. */
export function editText(article: Article, i: number, from: number, to: number, text: string): TextEdit {
  const block = article.blocks[i]!;
  if (from === to && text === '') return { start: block.textStart, end: block.textStart, text: '' };
  if (isSimple(article, block)) {
    return { start: block.textStart + from, end: block.textStart + to, text: escapeTyped(article, text) };
  }
  // Markup inside: an edit within one run of literal text goes there, the tags around it kept.
  const run = article.layout === 'html' ? runFor(textRuns(article, block), from, to) : undefined;
  if (run) return { start: run.rawStart + (from - run.cleanStart), end: run.rawStart + (to - run.cleanStart), text: escapeTyped(article, text) };
  // Otherwise the paragraph's text is rewritten whole, as plain (escaped) text.
  const next = block.text.slice(0, from) + text + block.text.slice(to);
  return { start: block.textStart, end: block.textEnd, text: escapeTyped(article, next) };
}

/** A stretch of a paragraph's source text that is its clean text character for character. */
export interface TextRun {
  readonly cleanStart: number;
  readonly rawStart: number;
  readonly length: number;
  /** How many inline elements are open around it (0: directly in the paragraph). */
  readonly depth: number;
}

const ENTITY_AT = /&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]{1,31};)/y;
const VOID_TAGS = /^<(?:br|img|hr|wbr|input|meta|link)\b|\/>$/i;

/**
 * The literal runs of a paragraph with inline markup, mapping clean-text offsets to source
 * offsets; `undefined` where the source does not read as its clean text piece by piece (line
 * breaks joined, skipped elements), so that callers fall back to rewriting the paragraph.
 */
export function textRuns(article: Article, block: Block): TextRun[] | undefined {
  const s = article.source;
  const end = block.textEnd;
  let clean = '';
  const runs: TextRun[] = [];
  let depth = 0;
  let runStart = -1;
  let runClean = 0;
  const closeRun = (at: number): void => {
    if (runStart >= 0 && at > runStart) runs.push({ cleanStart: runClean, rawStart: runStart, length: at - runStart, depth });
    runStart = -1;
  };
  for (let p = block.textStart; p < end; ) {
    const c = s.charCodeAt(p);
    if (c === 0x0a || c === 0x0d) return undefined;
    if (c === 0x3c) {
      const tagEnd = realTagEnd(s, p);
      if (tagEnd > 0 && tagEnd <= end) {
        closeRun(p);
        const tag = s.slice(p, tagEnd);
        if (/^<br\b/i.test(tag)) clean += '\n';
        else if (/^<(?:script|style|template)\b/i.test(tag)) return undefined;
        else if (tag.startsWith('</')) depth = Math.max(0, depth - 1);
        else if (!tag.startsWith('<!--') && !VOID_TAGS.test(tag)) depth++;
        p = tagEnd;
        continue;
      }
    }
    if (c === 0x26) {
      ENTITY_AT.lastIndex = p;
      if (ENTITY_AT.test(s) && ENTITY_AT.lastIndex <= end) {
        closeRun(p);
        clean += decodeHTMLStrict(s.slice(p, ENTITY_AT.lastIndex));
        p = ENTITY_AT.lastIndex;
        continue;
      }
    }
    if (runStart < 0) {
      runStart = p;
      runClean = clean.length;
    }
    clean += s[p];
    p++;
  }
  closeRun(end);
  return clean === block.text ? runs : undefined;
}

/** The run that holds `[from, to]`; at a boundary, the run before it (typing continues its formatting). */
function runFor(runs: readonly TextRun[] | undefined, from: number, to: number): TextRun | undefined {
  if (!runs) return undefined;
  for (const run of runs) {
    if (from >= run.cleanStart && to <= run.cleanStart + run.length && (from > run.cleanStart || from === 0 || to > from || !runs.some((r) => r.cleanStart + r.length === from))) return run;
  }
  return undefined;
}

/** Enter: split paragraph `i` at clean-text offset `at`. */
export function splitParagraph(article: Article, i: number, at: number): TextEdit {
  const block = article.blocks[i]!;
  if (article.layout === 'plain') {
    if (isSimple(article, block)) {
      const position = block.textStart + at;
      return { start: position, end: position, text: `${article.eol}  ` };
    }
    // Continuation lines: the paragraph is written again as two lines.
    return { start: block.textStart, end: block.textEnd, text: escapeTyped(article, block.text.slice(0, at)) + `${article.eol}  ` + escapeTyped(article, block.text.slice(at)) };
  }
  const { open, close } = paragraphMarkup(article, block);
  const spacer = contentEnd(article, i) > block.end ? SPACER : '';
  if (isSimple(article, block)) {
    const position = block.textStart + at;
    return { start: position, end: position, text: close + spacer + open };
  }
  // Between elements (not inside a <strong>…): split there, the markup on both sides kept.
  const run = textRuns(article, block)?.find((r) => r.depth === 0 && at >= r.cleanStart && at <= r.cleanStart + r.length);
  if (run) {
    const position = run.rawStart + (at - run.cleanStart);
    return { start: position, end: position, text: close + spacer + open };
  }
  const head = escapeTyped(article, block.text.slice(0, at));
  const tail = escapeTyped(article, block.text.slice(at));
  return { start: block.textStart, end: block.textEnd, text: head + close + spacer + open + tail };
}

/** Backspace at the start of paragraph `i`: join it to paragraph `previous`. */
export function mergeParagraphs(article: Article, previous: number, i: number): TextEdit | undefined {
  const before = article.blocks[previous]!;
  const block = article.blocks[i]!;
  if (before.kind !== 'paragraph' || block.kind !== 'paragraph') return undefined;
  return { start: before.textEnd, end: block.textStart, text: '' };
}

/** Alt+↑/↓: swap block `i` (with its spacer) and block `j` (with its spacer); `i` before `j`. */
export function swapBlocks(article: Article, i: number, j: number): TextEdit {
  const a = article.blocks[i]!;
  const b = article.blocks[j]!;
  const aEnd = contentEnd(article, i);
  const bEnd = contentEnd(article, j);
  const s = article.source;
  return { start: a.start, end: bEnd, text: s.slice(b.start, bEnd) + s.slice(aEnd, b.start) + s.slice(a.start, aEnd) };
}

/** Delete block `i` with its spacer and the line end or gap that follows it. */
export function deleteBlock(article: Article, i: number, nextShown: number | undefined): TextEdit {
  const block = article.blocks[i]!;
  const end = nextShown !== undefined ? article.blocks[nextShown]!.start : article.length;
  // The last block: take the gap before it instead, so no stray line end stays behind.
  const start = nextShown === undefined && i > 0 ? contentEnd(article, i - 1) : block.start;
  return { start: Math.min(start, block.start), end, text: '' };
}

/** A new empty paragraph after block `i` (or, with `i` = -1, before block `first`). */
export function insertParagraph(article: Article, i: number, first: number | undefined): TextEdit {
  const eol = article.eol;
  if (i < 0) {
    const at = first !== undefined ? article.blocks[first]!.start : article.length;
    const text = article.layout === 'plain' ? `  ${eol}` : `<div><span style='${SEED_STYLE}'> </span></div>${SPACER}`;
    return { start: at, end: at, text };
  }
  const block = article.blocks[i]!;
  const at = contentEnd(article, i);
  if (article.layout === 'plain') return { start: at, end: at, text: `${eol}  ` };
  const { open, close } = paragraphMarkup(article, block);
  const lineBreak = block.kind === 'image' ? eol : '';
  return { start: at, end: at, text: `${lineBreak}${open}${close}${SPACER}` };
}

/** Replace `[from, to)` of the title with `text`; the list index and `.txt` stay. */
export function editTitle(article: Article, from: number, to: number, text: string): TextEdit | undefined {
  const raw = article.titleLine.raw;
  const at = article.title === '' ? raw.length - (raw.match(/\.txt\s*$/i)?.[0].length ?? 0) : raw.indexOf(article.title);
  if (at < 0) return undefined;
  const clean = text.replace(/[\r\n]+/g, ' ');
  return { start: article.titleLine.start + at + from, end: article.titleLine.start + at + to, text: clean };
}

/** What changed between two views: the page splices `[from, from + deleteCount)` with `blocks`. */
export interface ViewChange {
  readonly view: EditorView;
  readonly from: number;
  readonly deleteCount: number;
  readonly blocks: ViewBlock[];
}

function viewBlock(article: Article, i: number): ViewBlock {
  const block = article.blocks[i]!;
  if (block.kind === 'image') return { kind: 'image', text: '', chars: 0, simple: true };
  const view: ViewBlock = { kind: 'paragraph', text: block.text, chars: block.chars, simple: isSimple(article, block) };
  return block.heading ? { ...view, heading: block.heading.level } : view;
}

function sameView(a: ViewBlock, b: ViewBlock): boolean {
  return a.kind === b.kind && a.text === b.text && a.heading === b.heading && a.simple === b.simple && a.chars === b.chars;
}

/**
 * The view of `next` as a change from `view` (the view of `previous`). When the two articles have
 * the same blocks in the same places (typing), only the blocks whose text differs are built again;
 * otherwise the whole view is, and the change is narrowed by common prefix and suffix.
 */
export function diffView(previous: Article, view: EditorView, next: Article): ViewChange {
  const sameShape = previous.blocks.length === next.blocks.length && previous.blocks.every((b, i) => b.kind === next.blocks[i]!.kind);
  if (sameShape) {
    indexes.set(next, view.index);
    let from = -1;
    let to = -1;
    const blocks = view.blocks.slice();
    for (let v = 0; v < view.index.length; v++) {
      const i = view.index[v]!;
      const before = previous.blocks[i]!;
      const after = next.blocks[i]!;
      if (before.text === after.text && before.heading?.level === after.heading?.level && before.chars === after.chars) continue;
      blocks[v] = viewBlock(next, i);
      if (from < 0) from = v;
      to = v + 1;
    }
    if (from < 0) return { view: { blocks, index: view.index }, from: 0, deleteCount: 0, blocks: [] };
    return { view: { blocks, index: view.index }, from, deleteCount: to - from, blocks: blocks.slice(from, to) };
  }
  const fresh = editorView(next);
  const old = view.blocks;
  const now = fresh.blocks;
  let from = 0;
  while (from < old.length && from < now.length && sameView(old[from]!, now[from]!)) from++;
  let tail = 0;
  while (tail < old.length - from && tail < now.length - from && sameView(old[old.length - 1 - tail]!, now[now.length - 1 - tail]!)) tail++;
  return { view: fresh, from, deleteCount: old.length - from - tail, blocks: now.slice(from, now.length - tail) };
}
