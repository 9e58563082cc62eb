/**
 * The Article Editor's paragraph operations as source edits, computed from the parsed article: what
 * to replace in the text when the user types in a paragraph, splits, merges, moves, deletes or
 * inserts one, or edits the title. Pure (no `vscode`): the editor's host applies the edits, the
 * tests check them against the parser.
 */
import { decodeHTMLStrict } from 'entities';
import { editInline, splitInline } from './inline';
import type { Article, Block } from './model';
import { PARAGRAPH_CLOSE, paragraphOpen, SEED_STYLE, SPACER, type TextEdit } from './normalize';
import { parseArticle } from './parse';
import { escapeHtmlText, hasVisible, realTagEnd } from './text';

/** A paragraph whose source text is its clean text: offsets map one to one. */
export function isSimple(article: Article, block: Block): boolean {
  return block.kind === 'paragraph' && (block.verbatim || block.textStart === block.textEnd || blankRaw(article, block) !== undefined);
}

/**
 * An empty paragraph's white space as written (`　　` in `<span> 　　</span>` or in a plain-text line
 * `  　　`), where it is written character for character; `undefined` for any other block. The
 * parser gives an empty paragraph no text; the editor shows it this white space (its indent), so
 * that what is typed into it goes after the indent.
 */
function blankRaw(article: Article, block: Block): string | undefined {
  if (block.kind !== 'paragraph' || block.text !== '' || block.textEnd <= block.textStart) return undefined;
  const raw = article.source.slice(block.textStart, block.textEnd);
  return /^[^&<\r\n]*$/.test(raw) && !hasVisible(raw) ? raw : undefined;
}

/** The text the editor shows for a paragraph and edits address: its text, or an empty one's white space (its indent). */
export function shownText(article: Article, block: Block): string {
  return block.text !== '' ? block.text : (blankRaw(article, block) ?? '');
}

/** Leading white space of a string (what `trimStart` removes). */
function leadingSpace(text: string): string {
  return /^\s*/.exec(text)![0];
}

/**
 * The indent paragraph `block` starts with, as its source writes it (`　　`, em spaces, `&nbsp;`…),
 * or '' where it has none.
 */
export function paragraphIndent(article: Article, block: Block): string {
  if (block.kind !== 'paragraph') return '';
  const blank = blankRaw(article, block);
  if (blank !== undefined) return blank;
  const lead = leadingSpace(block.text);
  if (lead === '') return '';
  const raw = /^(?:\s|&nbsp;|&#(?:[xX][0-9a-fA-F]+|[0-9]+);|&(?:ensp|emsp|thinsp);)*/.exec(article.source.slice(block.textStart, block.textStart + 8 * lead.length + 8))![0];
  if (article.layout === 'html' && decodeHTMLStrict(raw) === lead) return raw;
  return article.source.startsWith(lead, block.textStart) ? lead : lead.replace(/[\r\n]/g, '');
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

/** The canonical markup of an empty paragraph (the scrapers' own, which keeps an empty paragraph one). */
const EMPTY_OPEN = paragraphOpen(SEED_STYLE);
const EMPTY_CLOSE = PARAGRAPH_CLOSE;

/** Is the paragraph in the scrapers' `<div><span>` markup, the one markup that keeps an empty element a paragraph? */
function isSpanParagraph(article: Article, block: Block): boolean {
  if (block.kind !== 'paragraph' || article.layout !== 'html' || block.textStart === block.start) return false;
  const { open, close } = paragraphMarkup(article, block);
  return /^<div\b[^>]*>\s*<span\b/i.test(open) && /^<\/span>\s*<\/div>$/i.test(close);
}

/** The markup that opens and closes a paragraph like block `i` (canonical markup for images and plain text). */
function paragraphMarkup(article: Article, block: Block): { open: string; close: string } {
  if (block.kind === 'paragraph' && article.layout === 'html' && block.textStart > block.start) {
    return { open: article.source.slice(block.start, block.textStart), close: article.source.slice(block.textEnd, block.end) };
  }
  return { open: EMPTY_OPEN, close: EMPTY_CLOSE };
}

/** Replace `[from, to)` of a paragraph's clean text with `text`. */
export function editText(article: Article, i: number, from: number, to: number, text: string): TextEdit {
  const block = article.blocks[i]!;
  if (from === to && text === '') return { start: block.textStart, end: block.textStart, text: '' };
  const shown = shownText(article, block);
  const next = shown.slice(0, from) + text + shown.slice(to);
  if (article.layout === 'html' && !hasVisible(next) && !isSpanParagraph(article, block)) {
    // An empty `<p></p>` would be no paragraph at all: an emptied paragraph gets the markup that holds one.
    return { start: block.start, end: block.end, text: `${EMPTY_OPEN}${escapeTyped(article, next)}${EMPTY_CLOSE}` };
  }
  if (isSimple(article, block)) {
    return { start: block.textStart + from, end: block.textStart + to, text: escapeTyped(article, text) };
  }
  // Markup inside: the text changes, the markup around what stays is kept (inline.ts).
  const inline = editInline(article, block, from, to, text);
  if (inline) return inline;
  // Otherwise an edit within one run of literal text goes there, the tags around it kept.
  const run = article.layout === 'html' ? runFor(textRuns(article, block), from, to) : undefined;
  if (run) return { start: run.rawStart + (from - run.cleanStart), end: run.rawStart + (to - run.cleanStart), text: escapeTyped(article, text) };
  // Otherwise the paragraph's text is rewritten whole, as plain (escaped) text.
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

/**
 * Enter: split paragraph `i` at clean-text offset `at` (`undefined` where a plain-text article
 * would need an empty paragraph it cannot hold). The second half starts with the paragraph's
 * indent, as a new paragraph does; a blank half is a new paragraph in its neighbours' form
 * (`style`: the canonical markup's where there is none to copy).
 */
export function splitParagraph(article: Article, i: number, at: number, style = SEED_STYLE): TextEdit | undefined {
  const block = article.blocks[i]!;
  const shown = shownText(article, block);
  // A blank half is a new empty paragraph before or after this one: written as such, so that the
  // markup holds it (an empty `<p></p>` would be no paragraph at all).
  if (!hasVisible(shown.slice(0, at))) return insertParagraph(article, i, 'before', style);
  if (!hasVisible(shown.slice(at))) return insertParagraph(article, i, 'after', style);
  // The second half gets the paragraph's indent unless it starts with white space of its own.
  const indent = /^\s/.test(block.text.slice(at)) ? '' : paragraphIndent(article, block);
  if (article.layout === 'plain') {
    if (isSimple(article, block)) {
      const position = block.textStart + at;
      return { start: position, end: position, text: `${article.eol}  ${indent}` };
    }
    // Continuation lines: the paragraph is written again as two lines.
    return { start: block.textStart, end: block.textEnd, text: escapeTyped(article, block.text.slice(0, at)) + `${article.eol}  ${indent}` + escapeTyped(article, block.text.slice(at)) };
  }
  const { open, close } = paragraphMarkup(article, block);
  const spacer = contentEnd(article, i) > block.end ? SPACER : '';
  if (block.textStart === block.start || block.textEnd === block.end) {
    // Text without markup of its own around it (loose text at top level): both halves get the canonical markup.
    const text = open + escapeTyped(article, block.text.slice(0, at)) + close + SPACER + open + indent + escapeTyped(article, block.text.slice(at)) + close;
    return { start: block.start, end: block.end, text };
  }
  if (isSimple(article, block)) {
    const position = block.textStart + at;
    return { start: position, end: position, text: close + spacer + open + indent };
  }
  // Between elements (not inside a <strong>…): split there, the markup on both sides kept.
  const run = textRuns(article, block)?.find((r) => r.depth === 0 && at >= r.cleanStart && at <= r.cleanStart + r.length);
  if (run) {
    const position = run.rawStart + (at - run.cleanStart);
    return { start: position, end: position, text: close + spacer + open + indent };
  }
  // Inside a <strong>, a link…: closed before the split and opened again after it (inline.ts).
  const inline = splitInline(article, block, at, close + spacer + open);
  if (inline) return inline;
  const head = escapeTyped(article, block.text.slice(0, at));
  const tail = escapeTyped(article, block.text.slice(at));
  return { start: block.textStart, end: block.textEnd, text: head + close + spacer + open + indent + tail };
}

/** Backspace at the start of paragraph `i`: join it to paragraph `previous`. */
export function mergeParagraphs(article: Article, previous: number, i: number): TextEdit | undefined {
  const before = article.blocks[previous]!;
  const block = article.blocks[i]!;
  if (before.kind !== 'paragraph' || block.kind !== 'paragraph') return undefined;
  const source = article.source;
  const closing = source.slice(before.textEnd, before.end);
  // The second paragraph's indent does not go into the middle of the joined text (Enter gave it one).
  const indent = hasVisible(before.text) ? paragraphIndent(article, block) : '';
  const textStart = source.startsWith(indent, block.textStart) ? block.textStart + indent.length : block.textStart;
  // The same closing markup (the common case): cut from the end of one text to the start of the
  // next, and the second paragraph's closers close the joined one.
  if (closing === source.slice(block.textEnd, block.end)) return { start: before.textEnd, end: textStart, text: '' };
  // Other markup (`<p>` then `<div><span>`): the second text moves into the first paragraph's
  // markup, whose closers follow it; the second's closers would be stray text there.
  return { start: before.textEnd, end: block.end, text: source.slice(textStart, block.textEnd) + closing };
}

// ---- Line structure -------------------------------------------------------------------------
//
// The body is a row of units (a shown block with the spacer right after it) with gaps between
// them: white space, and now and then wrapper tags or stray spacers. An operation that changes
// which units stand next to each other (move, delete, insert) writes the gaps around them again:
// an image placeholder always has a line of its own (a line end before it and after it), so does
// every paragraph of a plain-text article; between two HTML paragraphs goes what the article puts
// between its paragraphs elsewhere (nothing on one line, a line end for one block per line). A
// moved block so carries its line structure, and moving it back gives the file it came from.

/** A shown block's stretch of the source: the block and the spacer right after it. */
interface Unit {
  readonly block: number;
  readonly kind: 'paragraph' | 'image';
  readonly start: number;
  readonly end: number;
}

/** What stands on one side of a gap: a unit, or the title line / the end of the file. */
type Side = Unit['kind'] | 'edge';

function unitsOf(article: Article): Unit[] {
  return viewIndex(article).map((i) => {
    const block = article.blocks[i]!;
    return { block: i, kind: block.kind === 'image' ? 'image' : 'paragraph', start: block.start, end: contentEnd(article, i) };
  });
}

const LINE_ENDS = /^(?:\r?\n)+$/;
const WHITE = /^[ \t\r\n]*$/;

function startsLine(text: string): boolean {
  return text.startsWith('\n') || text.startsWith('\r\n');
}

/** The units of an article and the gaps between them, and how to write a gap between two sides. */
class Body {
  readonly units: Unit[];
  private separator: string | undefined | null = null;

  constructor(readonly article: Article) {
    this.units = unitsOf(article);
  }

  /** Where the gap before unit `k` starts (the end of the unit before, or of the title line). */
  gapStart(k: number): number {
    return k > 0 ? this.units[k - 1]!.end : this.article.titleLine.end;
  }

  /** Where the gap before unit `k` ends (unit `k`'s start, or the end of the file). */
  gapEnd(k: number): number {
    return k < this.units.length ? this.units[k]!.start : this.article.length;
  }

  gap(k: number): string {
    return this.article.source.slice(this.gapStart(k), this.gapEnd(k));
  }

  side(k: number): Side {
    return k < 0 || k >= this.units.length ? 'edge' : this.units[k]!.kind;
  }

  /** Is unit `k` HTML text with no markup of its own (loose text at top level)? */
  loose(k: number): boolean {
    const unit = this.units[k];
    if (!unit || unit.kind !== 'paragraph' || this.article.layout !== 'html') return false;
    return this.article.blocks[unit.block]!.textStart === unit.start;
  }

  /** The closing tags unit `k` lacks ('' where it is closed): its element runs on to whatever block comes next. */
  private unclosed(k: number): string {
    const unit = this.units[k];
    if (!unit || unit.kind !== 'paragraph' || this.article.layout !== 'html' || this.loose(k)) return '';
    const block = this.article.blocks[unit.block]!;
    if (block.textEnd < block.end) return '';
    const names = [...this.article.source.slice(block.start, block.textStart).matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)].map((m) => m[1]!);
    return names.reverse().map((name) => `</${name}>`).join('');
  }

  /**
   * A unit's text as it is written where it moves to (or where a neighbour changes). Loose text
   * gets the canonical markup and an unclosed element its closing tags: next to a new neighbour
   * they would run into it. A plain-text paragraph line without the two spaces would continue the
   * paragraph before it.
   */
  text(k: number): string {
    const unit = this.units[k]!;
    const source = this.article.source;
    const block = this.article.blocks[unit.block]!;
    if (this.loose(k)) return EMPTY_OPEN + source.slice(unit.start, block.end) + EMPTY_CLOSE + source.slice(block.end, unit.end);
    const closing = this.unclosed(k);
    if (closing !== '') return source.slice(unit.start, block.end) + closing + source.slice(block.end, unit.end);
    const text = source.slice(unit.start, unit.end);
    return this.article.layout === 'plain' && unit.kind === 'paragraph' && !text.startsWith('  ') ? `  ${text}` : text;
  }

  /**
   * The edit that writes `text` from the end of unit `left` to the start of unit `right` (-1 and
   * `units.length`: the title line and the end of the file). Those two units get new neighbours:
   * an unclosed `left` and a loose `right` are written again with their markup completed.
   */
  edit(left: number, right: number, text: string): TextEdit {
    let start = this.gapStart(left + 1);
    let end = this.gapEnd(right);
    if (left >= 0 && this.unclosed(left) !== '') {
      start = this.units[left]!.start;
      text = this.text(left) + text;
    }
    if (this.loose(right)) {
      end = this.units[right]!.end;
      text += this.text(right);
    }
    return narrow(this.article.source, start, end, text);
  }

  /** What the article writes between two HTML paragraphs: the first all-white gap between two of them. */
  private paragraphSeparator(): string | undefined {
    if (this.separator === null) {
      this.separator = undefined;
      for (let k = 1; k < this.units.length; k++) {
        if (this.units[k - 1]!.kind !== 'paragraph' || this.units[k]!.kind !== 'paragraph') continue;
        const gap = this.gap(k);
        if (WHITE.test(gap)) {
          this.separator = gap;
          break;
        }
      }
    }
    return this.separator;
  }

  /**
   * The gap between `left` and `right`, made from the gaps that stood there (`was`, in order):
   * what they hold besides white space is kept; the white space is what the two sides need.
   */
  between(left: Side, right: Side, was: readonly string[]): string {
    const eol = this.article.eol;
    const plain = this.article.layout === 'plain';
    /** Does `side` need a line of its own, so a line end next to it? */
    const ownLine = (side: Side): boolean => side === 'image' || (plain && side === 'paragraph');
    if (!was.every((text) => WHITE.test(text))) {
      const text = was.join('');
      const lead = /^[ \t\r\n]*/.exec(text)![0];
      const trail = /[ \t\r\n]*$/.exec(text)![0];
      const core = text.slice(lead.length, text.length - trail.length);
      const before = ownLine(left) && !startsLine(lead) ? eol + lead : lead;
      const after = ownLine(right) && !trail.endsWith('\n') ? trail + eol : trail;
      return before + core + after;
    }
    if (left === 'edge' && right === 'edge') return was.join('');
    if (left === 'edge') {
      // After the title line: its own line end stays.
      const text = was[0] ?? '';
      return ownLine(right) && !text.endsWith('\n') ? text + eol : text;
    }
    if (right === 'edge') {
      // The end of the file: a final line end stays.
      const text = was[was.length - 1] ?? '';
      return left === 'image' && text !== '' && !startsLine(text) ? eol + text : text;
    }
    if (ownLine(left) || ownLine(right)) return was.find((text) => LINE_ENDS.test(text)) ?? eol;
    return this.paragraphSeparator() ?? '';
  }
}

/** Narrows an edit to what really changes (common prefix and suffix left alone). */
function narrow(source: string, start: number, end: number, text: string): TextEdit {
  let prefix = 0;
  const max = Math.min(text.length, end - start);
  while (prefix < max && source.charCodeAt(start + prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && source.charCodeAt(end - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start: start + prefix, end: end - suffix, text: text.slice(prefix, text.length - suffix) };
}

function unitOf(body: Body, i: number): number {
  const k = body.units.findIndex((unit) => unit.block === i);
  if (k < 0) throw new RangeError(`block ${i} is not shown`);
  return k;
}

/** Alt+↑/↓: swap block `i` (with its spacer) and block `j` (with its spacer), shown next to each other; `i` before `j`. */
export function swapBlocks(article: Article, i: number, j: number): TextEdit {
  const body = new Body(article);
  const k = unitOf(body, i);
  if (body.units[k + 1]?.block !== j) throw new RangeError(`blocks ${i} and ${j} are not shown next to each other`);
  const [a, b] = [body.side(k), body.side(k + 1)];
  const text =
    body.between(body.side(k - 1), b, [body.gap(k)]) +
    body.text(k + 1) +
    body.between(b, a, [body.gap(k + 1)]) +
    body.text(k) +
    body.between(a, body.side(k + 2), [body.gap(k + 2)]);
  return body.edit(k - 1, k + 2, text);
}

/** Delete block `i` with its spacer; the gaps on both sides become one. */
export function deleteBlock(article: Article, i: number): TextEdit {
  const body = new Body(article);
  const k = unitOf(body, i);
  const text = body.between(body.side(k - 1), body.side(k + 1), [body.gap(k), body.gap(k + 1)]);
  return body.edit(k - 1, k + 1, text);
}

/** The indent a new paragraph gets where the article has no paragraph to copy one from. */
const DEFAULT_INDENT = '\u3000\u3000';

/** The paragraph nearest to block `i` (itself first, then before it, then after it) whose form a new paragraph copies. */
function modelParagraph(article: Article, i: number): Block | undefined {
  const usable = (b: Block | undefined): boolean => !!b && b.kind === 'paragraph' && !/^<h[1-6]\b/i.test(article.source.slice(b.start, b.textStart));
  if (i >= 0 && usable(article.blocks[i])) return article.blocks[i];
  for (let k = Math.min(i, article.blocks.length) - 1; k >= 0; k--) if (usable(article.blocks[k])) return article.blocks[k];
  for (let k = Math.max(i + 1, 0); k < article.blocks.length; k++) if (usable(article.blocks[k])) return article.blocks[k];
  return undefined;
}

/**
 * A new paragraph holding `text` (typed text, escaped here; '' for an empty one), in the form of
 * the paragraph nearest to block `i` (`i` = -1: the first): its indent (`　　` or whatever that
 * paragraph starts with), its markup (the scrapers' `<div><span style>`, `<p …>`…) and the spacer
 * after it, or in a plain-text article a line of its own. Where there is no markup to copy (an
 * image, loose text, a heading, an article without paragraphs) the canonical markup with `style`
 * (`article.normalize.style`). `undefined` where the article cannot hold it: an empty paragraph in
 * a plain-text article whose paragraphs have no indent (a line of two spaces is a blank line).
 */
export function newParagraph(article: Article, i: number, style = SEED_STYLE, text = ''): string | undefined {
  const model = modelParagraph(article, i);
  const indent = model ? paragraphIndent(article, model) : article.layout === 'plain' ? '' : DEFAULT_INDENT;
  const typed = escapeTyped(article, text);
  if (article.layout === 'plain') {
    const line = `  ${indent}${typed}`;
    // The parser skips ASCII white space: a line of it is no paragraph.
    return /[^ \t\f]/.test(line) ? line : undefined;
  }
  if (model && model.textStart > model.start && model.textEnd < model.end) {
    const { open, close } = paragraphMarkup(article, model);
    const k = article.blocks.indexOf(model);
    const spacer = article.source.slice(model.end, contentEnd(article, k));
    // Only the scrapers' span keeps an element with no visible text a paragraph (`<p>　　</p>` is a spacer).
    if (hasVisible(text) || isSpanParagraph(article, model)) return `${open}${indent}${typed}${close}${spacer}`;
  }
  return `${paragraphOpen(style)}${indent}${typed}${PARAGRAPH_CLOSE}${SPACER}`;
}

/**
 * A new paragraph after block `i` (or before it: `'before'`); `i` = -1 puts it before the first
 * block (or into an empty body). It takes the form of its neighbours (`newParagraph`), holding
 * `text` (typed text; '' for an empty paragraph). `undefined` where the article cannot hold it (an
 * empty paragraph in a plain-text article without indents). `style`: the span's style when the
 * new paragraph has no neighbour's markup to copy (`article.normalize.style`).
 */
export function insertParagraph(article: Article, i: number, where: 'after' | 'before' = 'after', style = SEED_STYLE, text = ''): TextEdit | undefined {
  const fresh = newParagraph(article, i, style, text);
  if (fresh === undefined) return undefined;
  const body = new Body(article);
  if (i < 0 || where === 'before') {
    // Before unit k: after whatever the gap before it holds (a wrapper's opening tag).
    const k = i < 0 ? 0 : unitOf(body, i);
    const written = body.between(body.side(k - 1), 'paragraph', [body.gap(k)]) + fresh + body.between('paragraph', body.side(k), ['']);
    return body.edit(k - 1, k, written);
  }
  // After unit k: before whatever the gap after it holds (a wrapper's closing tag).
  const k = unitOf(body, i);
  const written = body.between(body.side(k), 'paragraph', ['']) + fresh + body.between('paragraph', body.side(k + 1), [body.gap(k + 1)]);
  return body.edit(k, k + 1, written);
}

/** Replace `[from, to)` of the title with `text`; the list index and `.txt` stay. */
export function editTitle(article: Article, from: number, to: number, text: string): TextEdit | undefined {
  const raw = article.titleLine.raw;
  const at = article.title === '' ? raw.length - (raw.match(/\.txt\s*$/i)?.[0].length ?? 0) : raw.indexOf(article.title);
  if (at < 0) return undefined;
  const clean = text.replace(/[\r\n]+/g, ' ');
  // Line 1 must stay line 1: a title that reads as markup (`<div …`) would run into the body.
  const line = raw.slice(0, at + from) + clean + raw.slice(at + to);
  if (parseArticle(line).titleLine.raw !== line) return undefined;
  return { start: article.titleLine.start + at + from, end: article.titleLine.start + at + to, text: clean };
}

/** Gives `article` the view index `index` (that of an article with the same blocks in the same places). */
export function shareViewIndex(article: Article, index: number[]): void {
  indexes.set(article, index);
}
