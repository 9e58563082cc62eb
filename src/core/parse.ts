/**
 * The article parser: source text in, lossless {@link Article} out. It never throws.
 *
 * The body is split into top-level blocks by a scanner that knows the scrapers' shapes (one
 * `<div>` per paragraph, spacers, placeholder lines, plain-text lines); only a paragraph whose
 * text holds markup goes through parse5 (see `text.ts`). That keeps a 15 MB article fast.
 */
import type { Article, Block, BlockKind, Heading, Layout, Segment } from './model';
import { detectHeading, isAllBold, MAX_HEADING_LENGTH } from './headings';
import { cleanHtmlText, cleanPlainText, stripIndent } from './text';
import { parseTitleLine } from './title';

/** Block-level tags that make the top-level structure of a body. */
const BLOCK_TAG = /<(\/?)(div|p|h[1-6]|table|thead|tbody|tfoot|tr|td|th|ul|ol|li|blockquote|section|article|header|footer|center|pre|dl|dt|dd|figure|figcaption)(?=[\s>/])/gi;
const BLOCK_TAG_AT = new RegExp(BLOCK_TAG.source, 'iy');
/** Variant C: the title runs straight into the first block. */
const FIRST_BLOCK_ON_LINE = /<(?:div|p|h[1-6]|span|table|ul|ol|center|section|article)(?=[\s>/])/i;
/** Any sign that the body is HTML rather than plain text (variant D). */
const HTML_BODY = /<\/?(?:div|p|span|br|h[1-6]|table|ul|ol|li|strong|b|font|center|a)(?=[\s>/])/i;
/** One line of an image placeholder (variant E); the trailing space is optional here. */
const DASH_LINE = /-{4,}[ \t]*(?=\r?\n|$)/y;
const IMAGE_LINE = /-*这里有图片-*[ \t]*(?=\r?\n|$)/y;
const NOT_BLANK = /\S/;
const SPACERS = new Set(['', '&nbsp;', '&#160;', '&#xa0;', '\u00a0', '<br>', '<br/>', '<br />']);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c;
}

function skipSpace(s: string, p: number, end = s.length): number {
  while (p < end && isSpace(s.charCodeAt(p))) p++;
  return p;
}

function trimEnd(s: string, start: number, end: number): number {
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}

/** A tag from `<` to `>`, quoted attribute values (which may hold `>`) respected. */
const TAG = /<[^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*>/y;

/** The offset just past the `>` of the tag that starts at `p`; -1 if it is not a well-formed tag. */
function tagEnd(s: string, p: number): number {
  TAG.lastIndex = p;
  return TAG.test(s) ? TAG.lastIndex : -1;
}

/** Offset of the next line's start after offset `p` (which is inside or at the end of a line). */
function nextLineStart(s: string, p: number): number {
  const nl = s.indexOf('\n', p);
  return nl < 0 ? s.length : nl + 1;
}

function matchAt(re: RegExp, s: string, p: number): number {
  re.lastIndex = p;
  return re.test(s) ? re.lastIndex : -1;
}

/**
 * An image placeholder starting at line start `p`: an optional dash line, the `这里有图片` line and
 * an optional dash line. Returns its end (before the last line's line end), or -1.
 */
function placeholderEnd(s: string, p: number): number {
  let q = p;
  const top = matchAt(DASH_LINE, s, q);
  if (top >= 0) q = nextLineStart(s, top);
  const middle = q < s.length ? matchAt(IMAGE_LINE, s, q) : -1;
  if (middle < 0) return -1;
  const next = nextLineStart(s, middle);
  const bottom = next < s.length && next > middle ? matchAt(DASH_LINE, s, next) : -1;
  return bottom >= 0 ? bottom : middle;
}

function isLineStart(s: string, p: number): boolean {
  return p === 0 || s.charCodeAt(p - 1) === 0x0a;
}

/**
 * The line starts where image placeholders begin, found in one pass over the body, so that asking
 * "is there a placeholder before offset X" never rescans a long line.
 */
class Placeholders {
  private readonly starts: number[] = [];
  private cursor = 0;

  constructor(s: string, from: number) {
    let nl = s.indexOf('\n-', from > 0 ? from - 1 : 0);
    while (nl >= 0) {
      if (placeholderEnd(s, nl + 1) >= 0) this.starts.push(nl + 1);
      nl = s.indexOf('\n-', nl + 1);
    }
  }

  /** The first placeholder start in `[from, limit)`, or -1. Calls must come with `from` never decreasing. */
  next(from: number, limit: number): number {
    const starts = this.starts;
    while (this.cursor < starts.length && starts[this.cursor]! < from) this.cursor++;
    const at = starts[this.cursor];
    return at !== undefined && at < limit ? at : -1;
  }
}

class BlockList {
  readonly blocks: Block[] = [];

  constructor(private readonly s: string) {}

  other(start: number, end: number): void {
    this.blocks.push({ kind: 'other', start, end, textStart: start, textEnd: start, text: '', heading: undefined });
  }

  image(start: number, end: number): void {
    this.blocks.push({ kind: 'image', start, end, textStart: start, textEnd: start, text: '', heading: undefined });
  }

  spacer(start: number, end: number): void {
    this.blocks.push({ kind: 'spacer', start, end, textStart: start, textEnd: start, text: '', heading: undefined });
  }

  /** A paragraph whose text is `[textStart, textEnd)`; `clean` turns that into clean text. */
  paragraph(start: number, end: number, textStart: number, textEnd: number, clean: (raw: string) => string, tagLevel?: number): void {
    const raw = this.s.slice(textStart, textEnd);
    let text = clean(raw);
    if (!NOT_BLANK.test(text)) text = '';
    // Only a short paragraph can be a heading, unless its markup says so (<hN>).
    const candidate = text !== '' && (tagLevel !== undefined || text.length <= MAX_HEADING_LENGTH + 8);
    const allBold = candidate && raw.indexOf('<') >= 0 && isAllBold(raw);
    const heading: Heading | undefined = candidate ? detectHeading(stripIndent(text), tagLevel, allBold) : undefined;
    const kind: BlockKind = 'paragraph';
    // Every block has the same shape (heading included), which keeps property access monomorphic.
    this.blocks.push({ kind, start, end, textStart, textEnd, text, heading });
  }
}

/** A top-level `<div>`/`<p>`/`<hN>`… element `[start, end)` whose content is `[innerStart, innerEnd)`. */
function addElement(list: BlockList, s: string, name: string, start: number, end: number, innerStart: number, innerEnd: number): void {
  const innerFrom = skipSpace(s, innerStart, innerEnd);
  const innerTo = trimEnd(s, innerFrom, innerEnd);
  if (innerTo - innerFrom <= 12 && SPACERS.has(s.slice(innerFrom, innerTo).toLowerCase())) {
    list.spacer(start, end);
    return;
  }
  let textStart = innerStart;
  let textEnd = innerEnd;
  let hasSpan = false;
  if (s.charCodeAt(innerFrom) === 0x3c && /^<span[\s>]/i.test(s.slice(innerFrom, innerFrom + 6))) {
    const spanEnd = tagEnd(s, innerFrom);
    if (spanEnd > 0 && spanEnd <= innerEnd) {
      hasSpan = true;
      textStart = spanEnd;
      textEnd = innerTo >= spanEnd + 7 && s.slice(innerTo - 7, innerTo).toLowerCase() === '</span>' ? innerTo - 7 : innerEnd;
    }
  }
  if (textStart < textEnd && s.charCodeAt(textStart) === 0x20) textStart++; // the scraper's one space
  const level = name.length === 2 && name.charCodeAt(0) === 0x68 /* h */ ? name.charCodeAt(1) - 0x30 : undefined;
  list.paragraph(start, end, textStart, textEnd, cleanHtmlText, level);
  const added = list.blocks[list.blocks.length - 1]!;
  if (!hasSpan && added.text === '' && level === undefined) {
    list.blocks.pop();
    list.spacer(start, end);
  }
}

/** Loose content at top level (text or inline markup outside any block element) up to `limit`. */
function addLoose(list: BlockList, s: string, start: number, limit: number): void {
  const end = trimEnd(s, start, limit);
  list.paragraph(start, end, start, end, cleanHtmlText);
  const added = list.blocks[list.blocks.length - 1]!;
  if (added.text === '') {
    list.blocks.pop();
    list.other(start, end);
  }
}

function parseHtmlBody(s: string, bodyStart: number, list: BlockList): void {
  const n = s.length;
  const placeholders = new Placeholders(s, bodyStart);
  let p = bodyStart;
  while (p < n) {
    p = skipSpace(s, p);
    if (p >= n) break;
    if (isLineStart(s, p)) {
      const image = placeholderEnd(s, p);
      if (image >= 0) {
        list.image(p, image);
        p = image;
        continue;
      }
    }
    BLOCK_TAG_AT.lastIndex = p;
    const tag = s.charCodeAt(p) === 0x3c ? BLOCK_TAG_AT.exec(s) : null;
    if (tag) {
      const openEnd = tagEnd(s, p);
      if (openEnd > 0) {
        if (tag[1] === '/') {
          list.other(p, openEnd);
          p = openEnd;
          continue;
        }
        const name = tag[2]!.toLowerCase();
        BLOCK_TAG.lastIndex = openEnd;
        const next = BLOCK_TAG.exec(s);
        const placeholder = placeholders.next(openEnd, next ? next.index : n);
        if (placeholder < 0 && next && next[1] === '/' && next[2]!.toLowerCase() === name) {
          const closeEnd = tagEnd(s, next.index);
          const end = closeEnd > 0 ? closeEnd : next.index + next[0].length;
          addElement(list, s, name, p, end, openEnd, next.index);
          p = end;
        } else if (placeholder < 0 && next && next[1] === '') {
          // A wrapper around other blocks: its tags are blocks of their own, its content is scanned.
          list.other(p, openEnd);
          p = openEnd;
        } else {
          // Not closed before the next block or placeholder: the element runs to there.
          const limit = placeholder >= 0 ? placeholder : next ? next.index : n;
          const end = trimEnd(s, openEnd, limit);
          addElement(list, s, name, p, end, openEnd, end);
          p = end;
        }
        continue;
      }
    }
    BLOCK_TAG.lastIndex = p + 1;
    const next = BLOCK_TAG.exec(s);
    const limit = next ? next.index : n;
    const placeholder = placeholders.next(p, limit);
    addLoose(list, s, p, placeholder >= 0 ? placeholder : limit);
    p = placeholder >= 0 ? placeholder : limit;
  }
}

function parsePlainBody(s: string, bodyStart: number, list: BlockList): void {
  const n = s.length;
  let open: { start: number; textStart: number; end: number } | undefined;
  const flush = (): void => {
    if (open) list.paragraph(open.start, open.end, open.textStart, open.end, cleanPlainText);
    open = undefined;
  };
  let lineStart = bodyStart;
  while (lineStart < n) {
    const nl = s.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? n : nl;
    const contentEnd = lineEnd > lineStart && s.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    if (skipSpace(s, lineStart, contentEnd) === contentEnd) {
      flush();
    } else {
      const image = placeholderEnd(s, lineStart);
      if (image >= 0) {
        flush();
        list.image(lineStart, image);
        lineStart = nextLineStart(s, image);
        continue;
      }
      if (s.charCodeAt(lineStart) === 0x20 && s.charCodeAt(lineStart + 1) === 0x20) {
        flush();
        open = { start: lineStart, textStart: lineStart + 2, end: contentEnd };
      } else if (open) {
        open.end = contentEnd;
      } else {
        open = { start: lineStart, textStart: lineStart, end: contentEnd };
      }
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  flush();
}

/** Parses an article's text (as decoded, without BOM). Never throws; any text is some article. */
export function parseArticle(source: string): Article {
  const s = source;
  const nl = s.indexOf('\n');
  const crlf = nl > 0 && s.charCodeAt(nl - 1) === 0x0d;
  const lineEnd = nl < 0 ? s.length : crlf ? nl - 1 : nl;
  let titleEnd = lineEnd;
  let bodyStart = nl < 0 ? s.length : nl + 1;
  const firstBlock = FIRST_BLOCK_ON_LINE.exec(lineEnd === s.length ? s : s.slice(0, lineEnd));
  if (firstBlock) {
    titleEnd = firstBlock.index;
    bodyStart = firstBlock.index;
  }
  const raw = s.slice(0, titleEnd);
  const { title, listIndex } = parseTitleLine(raw);
  const layout: Layout = titleEnd < lineEnd || HTML_BODY.test(bodyStart === 0 ? s : s.slice(bodyStart)) ? 'html' : 'plain';
  const list = new BlockList(s);
  if (layout === 'html') parseHtmlBody(s, bodyStart, list);
  else parsePlainBody(s, bodyStart, list);
  return {
    source: s,
    titleLine: { start: 0, end: titleEnd, raw },
    title,
    listIndex,
    layout,
    eol: crlf ? '\r\n' : '\n',
    blocks: list.blocks,
  };
}

/** The tiling of the source: title line, then blocks with the gaps between them. */
export function segments(article: Article): Segment[] {
  const out: Segment[] = [{ kind: 'title', start: article.titleLine.start, end: article.titleLine.end }];
  let at = article.titleLine.end;
  for (const block of article.blocks) {
    if (block.start > at) out.push({ kind: 'gap', start: at, end: block.start });
    out.push({ kind: block.kind, start: block.start, end: block.end });
    at = block.end;
  }
  if (article.source.length > at) out.push({ kind: 'gap', start: at, end: article.source.length });
  return out;
}

/** The source rebuilt from the parsed article's pieces. */
export function rebuild(article: Article): string {
  return segments(article)
    .map((segment) => article.source.slice(segment.start, segment.end))
    .join('');
}
