/**
 * The article parser: source text in, lossless {@link Article} out. It never throws.
 *
 * The body is split into top-level blocks by a scanner that knows the scrapers' shapes (one
 * `<div>` per paragraph, spacers, placeholder lines, plain-text lines); only a paragraph whose
 * text holds markup goes through parse5 (see `text.ts`). That keeps a 15 MB article fast.
 */
import type { Article, Block, BlockKind, Heading, Layout, Segment } from './model';
import { isAllBold, MAX_HEADING_LENGTH, paragraphHeading } from './headings';
import { cleanHtmlText, cleanPlainText, hasVisible, paragraphChars, realTagEnd } from './text';
import { parseTitleLine } from './title';

/** Block-level tags that make the top-level structure of a body. */
const BLOCK_NAMES = [
  'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'ol', 'li',
  'blockquote', 'section', 'article', 'header', 'footer', 'center', 'pre', 'dl', 'dt', 'dd', 'figure', 'figcaption',
];

/**
 * A tag name read case-insensitively as a number (base 37 over digits and letters), so that the
 * scanner can recognise block tags without making a string per tag: this is the hot loop.
 */
function nameKey(s: string, p: number, max: number): number {
  let key = 0;
  for (let i = p; i < p + max + 1; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c >= 0x61 && c <= 0x7a) key = key * 37 + (c - 0x61 + 11);
    else if (c >= 0x30 && c <= 0x39) key = key * 37 + (c - 0x30 + 1);
    // The name must end in white space, `>` or `/` (or the end of the text).
    else return i > p && (c === 0x3e || c === 0x2f || isSpace(c) || Number.isNaN(c)) ? key : -1;
  }
  return -1;
}

const BLOCK_KEYS = new Map(BLOCK_NAMES.map((name) => [nameKey(name + '>', 0, 10), name]));

/** Where the last {@link blockTagAt} or {@link nextBlockTag} found a tag: its name and whether it closes. */
const found = { name: '', closing: false };

/** Is there a block tag (`<div …`, `</P>` …) at `p`? Sets {@link found}. */
function blockTagAt(s: string, p: number): boolean {
  if (s.charCodeAt(p) !== 0x3c) return false;
  const closing = s.charCodeAt(p + 1) === 0x2f;
  const name = BLOCK_KEYS.get(nameKey(s, closing ? p + 2 : p + 1, 10));
  if (name === undefined) return false;
  found.name = name;
  found.closing = closing;
  return true;
}

/** The offset of the next block tag at or after `from`, or -1. Sets {@link found}. */
function nextBlockTag(s: string, from: number): number {
  for (let i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
    if (blockTagAt(s, i)) return i;
  }
  return -1;
}

/** Does `s` hold the lower-case ASCII `lower` at `p`, in any case? */
function matchesAt(s: string, p: number, lower: string): boolean {
  if (p < 0 || p + lower.length > s.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = s.charCodeAt(p + i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}
/** Variant C: the title runs straight into the first block. */
const FIRST_BLOCK_ON_LINE = /<(?:div|p|h[1-6]|span|table|ul|ol|center|section|article)(?=[\s>/])/i;
/** One line of an image placeholder (variant E); the trailing space is optional here. CR, LF and CRLF end lines alike. */
const DASH_LINE = /-{4,}[ \t]*(?=[\r\n]|$)/y;
const IMAGE_LINE = /-*这里有图片-*[ \t]*(?=[\r\n]|$)/y;
const IMAGE_WORDS = '这里有图片';
/** The scrapers' spacer after each paragraph (also the canonical one, see normalize.ts). */
export const SPACER_DIV = '<div>&nbsp;</div>';
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

function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** Offset of the line end (CR, LF or CRLF) at or after `p`, or the text's length. For short distances. */
function lineEndFrom(s: string, p: number): number {
  while (p < s.length && !isLineEnd(s.charCodeAt(p))) p++;
  return p;
}

/** Offset just past the line end that starts at `p` (CRLF is one line end). */
function pastLineEnd(s: string, p: number): number {
  if (p >= s.length) return s.length;
  return s.charCodeAt(p) === 0x0d && s.charCodeAt(p + 1) === 0x0a ? p + 2 : p + 1;
}

/** Offset of the next line's start after offset `p` (which is inside or at the end of a line). */
function nextLineStart(s: string, p: number): number {
  return pastLineEnd(s, lineEndFrom(s, p));
}

function matchAt(re: RegExp, s: string, p: number): number {
  re.lastIndex = p;
  return re.test(s) ? re.lastIndex : -1;
}

function isLineStart(s: string, p: number): boolean {
  return p === 0 || isLineEnd(s.charCodeAt(p - 1));
}

/**
 * The image placeholder (variant E) whose `这里有图片` line starts at line start `middle`: its
 * start and end (before the last line's line end), or undefined. The dash line before it may
 * follow other text on its line (the scraper wrote no line end before it), so the start may be
 * in the middle of a line; the dash line after it is optional, as is the one before.
 */
function placeholderAround(s: string, middle: number, from: number): { start: number; end: number } | undefined {
  const middleEnd = matchAt(IMAGE_LINE, s, middle);
  if (middleEnd < 0) return undefined;
  let start = middle;
  // The dash line before: the end of the previous line, `-{4,}` and optional blanks.
  if (middle > from && isLineEnd(s.charCodeAt(middle - 1))) {
    let q = middle - 1;
    if (s.charCodeAt(q) === 0x0a && q > from && s.charCodeAt(q - 1) === 0x0d) q--;
    while (q > from && (s.charCodeAt(q - 1) === 0x20 || s.charCodeAt(q - 1) === 0x09)) q--;
    let dashes = q;
    while (dashes > from && s.charCodeAt(dashes - 1) === 0x2d) dashes--;
    if (q - dashes >= 4) start = dashes;
  }
  const next = nextLineStart(s, middleEnd);
  const bottom = next < s.length && next > middleEnd ? matchAt(DASH_LINE, s, next) : -1;
  return { start, end: bottom >= 0 ? bottom : middleEnd };
}

/** An image placeholder that starts at line start `p` (for the look at a body's start), its end or -1. */
function placeholderEnd(s: string, p: number): number {
  const top = matchAt(DASH_LINE, s, p);
  const middle = top >= 0 ? nextLineStart(s, top) : p;
  if (middle >= s.length) return -1;
  const found = placeholderAround(s, middle, p);
  return found && found.start === p ? found.end : -1;
}

/**
 * The image placeholders of a body, found in one pass (by their `这里有图片` line, which is rare),
 * so that asking "is there a placeholder before offset X" never rescans a long line.
 */
class Placeholders {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private cursor = 0;
  /** The end of the placeholder the last {@link next} found. */
  end = -1;

  constructor(s: string, from: number) {
    for (let at = s.indexOf(IMAGE_WORDS, from); at >= 0; at = s.indexOf(IMAGE_WORDS, at + IMAGE_WORDS.length)) {
      let middle = at;
      while (middle > from && s.charCodeAt(middle - 1) === 0x2d) middle--;
      if (!isLineStart(s, middle) || middle < from) continue;
      const found = placeholderAround(s, middle, Math.max(from, this.ends[this.ends.length - 1] ?? from));
      if (!found) continue;
      this.starts.push(found.start);
      this.ends.push(found.end);
      at = Math.max(at, found.end - IMAGE_WORDS.length);
    }
  }

  /** The first placeholder start in `[from, limit)`, or -1; sets {@link end}. Calls must come with `from` never decreasing. */
  next(from: number, limit: number): number {
    const starts = this.starts;
    while (this.cursor < starts.length && starts[this.cursor]! < from) this.cursor++;
    const at = starts[this.cursor];
    if (at === undefined || at >= limit) return -1;
    this.end = this.ends[this.cursor]!;
    return at;
  }
}

/**
 * Where the next occurrence of something is, for positions that only move forward: each query is
 * answered from the last search while it still holds, so a long body is searched about once in
 * all, not once per paragraph.
 */
class Lookahead {
  private from = 0;
  private at = -2;

  constructor(
    private readonly s: string,
    private readonly search: (s: string, from: number) => number,
  ) {}

  /** The first occurrence at or after `from`, or -1. */
  next(from: number): number {
    if (this.at === -2 || from < this.from || (this.at >= 0 && this.at < from)) {
      this.from = from;
      this.at = this.search(this.s, from);
    }
    return this.at;
  }

  /** Is there an occurrence in `[from, to)`? */
  within(from: number, to: number): boolean {
    const at = this.next(from);
    return at >= 0 && at < to;
  }
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const HIGH_SURROGATES = /[\uD800-\uDBFF]/g;
const searchChar = (c: string) => (s: string, from: number) => s.indexOf(c, from);
const searchSurrogate = (s: string, from: number): number => {
  HIGH_SURROGATES.lastIndex = from;
  return HIGH_SURROGATES.exec(s)?.index ?? -1;
};

/** Characters (code points) of a text without the white space at its ends (its clean text). */

/** Builds the blocks of an article body as the parser finds them, cleaning each paragraph's text and counting its characters (not the webview's rendered BlockList). */
class BlockBuilder {
  readonly blocks: Block[] = [];
  private readonly lt: Lookahead;
  private readonly amp: Lookahead;
  private readonly lf: Lookahead;
  private readonly cr: Lookahead;
  private readonly surrogate: Lookahead;

  constructor(private readonly s: string) {
    this.lt = new Lookahead(s, searchChar('<'));
    this.amp = new Lookahead(s, searchChar('&'));
    this.lf = new Lookahead(s, searchChar('\n'));
    this.cr = new Lookahead(s, searchChar('\r'));
    this.surrogate = new Lookahead(s, searchSurrogate);
  }

  other(start: number, end: number): void {
    this.blocks.push({ kind: 'other', start, end, textStart: start, textEnd: start, text: '', verbatim: false, chars: 0, heading: undefined });
  }

  image(start: number, end: number): void {
    this.blocks.push({ kind: 'image', start, end, textStart: start, textEnd: start, text: '', verbatim: false, chars: 0, heading: undefined });
  }

  spacer(start: number, end: number): void {
    this.blocks.push({ kind: 'spacer', start, end, textStart: start, textEnd: start, text: '', verbatim: false, chars: 0, heading: undefined });
  }

  /** A paragraph whose text is `[textStart, textEnd)`, HTML or (variant D) plain text. */
  paragraph(start: number, end: number, textStart: number, textEnd: number, plain: boolean, tagLevel?: number): void {
    const raw = this.s.slice(textStart, textEnd);
    const simple = plain
      ? !this.lf.within(textStart, textEnd) && !this.cr.within(textStart, textEnd)
      : !this.lt.within(textStart, textEnd) && !this.amp.within(textStart, textEnd) && !this.lf.within(textStart, textEnd) && !this.cr.within(textStart, textEnd);
    let text = simple ? raw : plain ? cleanPlainText(raw) : cleanHtmlText(raw);
    if (!hasVisible(text)) text = '';
    const surrogates = simple ? this.surrogate.within(textStart, textEnd) : HIGH_SURROGATE.test(text);
    const chars = text === '' ? 0 : paragraphChars(text, surrogates);
    const allBold = !simple && chars <= MAX_HEADING_LENGTH && raw.indexOf('<') >= 0 && isAllBold(raw);
    const heading: Heading | undefined = paragraphHeading(text, chars, tagLevel, allBold);
    const kind: BlockKind = 'paragraph';
    // Every block has the same shape (heading included), which keeps property access monomorphic.
    this.blocks.push({ kind, start, end, textStart, textEnd, text, verbatim: simple && text !== '', chars, heading });
  }
}

/** N for an `<hN>` element's name, otherwise undefined. */
function headingLevel(name: string): number | undefined {
  return name.length === 2 && name.charCodeAt(0) === 0x68 /* h */ ? name.charCodeAt(1) - 0x30 : undefined;
}

/** The `</span>` in `[from, to)` that closes a span opened just before `from` (spans nest), or -1. */
function spanCloseAt(s: string, from: number, to: number): number {
  let depth = 0;
  for (let i = s.indexOf('<', from); i >= 0 && i < to; i = s.indexOf('<', i + 1)) {
    if (matchesAt(s, i, '</span') && (s.charCodeAt(i + 6) === 0x3e || isSpace(s.charCodeAt(i + 6)))) {
      if (depth-- === 0) return i;
    } else if (matchesAt(s, i, '<span') && (s.charCodeAt(i + 5) === 0x3e || isSpace(s.charCodeAt(i + 5))) && tagEnd(s, i) > 0) {
      depth++;
    }
  }
  return -1;
}

/** A top-level `<div>`/`<p>`/`<hN>`… element `[start, end)` whose content is `[innerStart, innerEnd)`. */
function addElement(list: BlockBuilder, s: string, name: string, start: number, end: number, innerStart: number, innerEnd: number): void {
  const innerFrom = skipSpace(s, innerStart, innerEnd);
  const innerTo = trimEnd(s, innerFrom, innerEnd);
  const innerLength = innerTo - innerFrom;
  if ((innerLength === 6 && s.startsWith('&nbsp;', innerFrom)) || (innerLength <= 12 && SPACERS.has(s.slice(innerFrom, innerTo).toLowerCase()))) {
    list.spacer(start, end);
    return;
  }
  let textStart = innerStart;
  let textEnd = innerEnd;
  let hasSpan = false;
  if (matchesAt(s, innerFrom, '<span') && (s.charCodeAt(innerFrom + 5) === 0x3e || isSpace(s.charCodeAt(innerFrom + 5)))) {
    const spanEnd = tagEnd(s, innerFrom);
    // The scraper's span wraps the whole text (closed by the `</span>` at the end, or never); a
    // span closed before the end is inline markup of the text, which then starts with it.
    if (spanEnd > 0 && spanEnd <= innerEnd) {
      const closed = innerTo >= spanEnd + 7 && matchesAt(s, innerTo - 7, '</span>');
      if (spanCloseAt(s, spanEnd, closed ? innerTo - 7 : innerTo) < 0) {
        hasSpan = true;
        textStart = spanEnd;
        textEnd = closed ? innerTo - 7 : innerEnd;
      }
    }
  }
  if (textStart < textEnd && s.charCodeAt(textStart) === 0x20) textStart++; // the scraper's one space
  const level = headingLevel(name);
  list.paragraph(start, end, textStart, textEnd, false, level);
  const added = list.blocks[list.blocks.length - 1]!;
  if (!hasSpan && added.text === '' && level === undefined) {
    list.blocks.pop();
    list.spacer(start, end);
  }
}

/** Loose content at top level (text or inline markup outside any block element) up to `limit`. */
function addLoose(list: BlockBuilder, s: string, start: number, limit: number): void {
  const end = trimEnd(s, start, limit);
  list.paragraph(start, end, start, end, false);
  const added = list.blocks[list.blocks.length - 1]!;
  if (added.text === '') {
    list.blocks.pop();
    list.other(start, end);
  }
}

/** Where the last {@link scraperParagraph} found its paragraph: the text's range and the element's end. */
const scraper = { textStart: 0, textEnd: 0, end: 0 };

/**
 * `<N …>` ending at `openEnd`, followed by the scrapers' `<span …>`: is this the scrapers'
 * paragraph, closed by the first `</span>` directly followed by `</N>` (spans inside balanced)?
 * Sets {@link scraper}. Not where there is no such close before `limit` (-1: no limit) or before
 * another paragraph of that form opens, or where the span closes earlier (then it is inline markup).
 */
function scraperParagraph(s: string, openEnd: number, name: string, limit: number): boolean {
  const spanAt = skipSpace(s, openEnd);
  if (!matchesAt(s, spanAt, '<span') || !(s.charCodeAt(spanAt + 5) === 0x3e || isSpace(s.charCodeAt(spanAt + 5)))) return false;
  const spanEnd = tagEnd(s, spanAt);
  if (spanEnd < 0) return false;
  const end = limit >= 0 ? limit : s.length;
  let depth = 0;
  for (let i = s.indexOf('<', spanEnd); i >= 0 && i < end; i = s.indexOf('<', i + 1)) {
    if (s.charCodeAt(i + 1) === 0x2f /* / */) {
      if (!matchesAt(s, i, '</span>')) continue;
      const close = skipSpace(s, i + 7, end);
      if (close + 3 + name.length <= end && s.charCodeAt(close) === 0x3c && s.charCodeAt(close + 1) === 0x2f && matchesAt(s, close + 2, name)) {
        const after = skipSpace(s, close + 2 + name.length, end);
        if (s.charCodeAt(after) === 0x3e && after < end) {
          scraper.textStart = spanEnd;
          scraper.textEnd = i;
          scraper.end = after + 1;
          return true;
        }
      }
      if (depth-- === 0) return false; // the span closed inside the text: inline markup
    } else if (matchesAt(s, i, '<span') && (s.charCodeAt(i + 5) === 0x3e || isSpace(s.charCodeAt(i + 5))) && tagEnd(s, i) > 0) {
      depth++;
    } else if (blockTagAt(s, i) && matchesAt(s, skipSpace(s, Math.max(i + 1, tagEnd(s, i)), end), '<span')) {
      return false; // the next paragraph of this form, before this one closed
    }
  }
  return false;
}

/** How many block tags {@link closeAfterTagLikeText} looks at before it gives up. */
const TAG_LIKE_LOOKAHEAD = 64;

/**
 * `<N …>` ending at `openEnd` whose content mentions, after some text, an opening block tag at
 * `inner` (named `innerName`): `<p>…an empty <div> was illegible…</p>`. If no element opened in
 * the content closes before `</N>` does, those tags are text and `</N>` closes the paragraph: its
 * offset. Otherwise -1 (the element wraps blocks of its own).
 */
function closeAfterTagLikeText(s: string, openEnd: number, inner: number, innerName: string, name: string, limit: number): number {
  if (skipSpace(s, openEnd, inner) === inner) return -1; // a block right at the start: structure
  const opened = [innerName];
  let i = inner;
  for (let k = 0; k < TAG_LIKE_LOOKAHEAD; k++) {
    i = nextBlockTag(s, i + 1);
    if (i < 0 || i >= limit) return -1;
    if (!found.closing) {
      opened.push(found.name);
      continue;
    }
    if (opened.includes(found.name)) return -1;
    return found.name === name && tagEnd(s, i) > 0 ? i : -1;
  }
  return -1;
}

function parseHtmlBody(s: string, bodyStart: number, list: BlockBuilder): void {
  const n = s.length;
  const placeholders = new Placeholders(s, bodyStart);
  let p = bodyStart;
  while (p < n) {
    p = skipSpace(s, p);
    if (p >= n) break;
    if (placeholders.next(p, p + 1) === p) {
      list.image(p, placeholders.end);
      p = placeholders.end;
      continue;
    }
    // The scrapers' spacer, twenty thousand times in a big article: no need to look closer.
    if (s.startsWith(SPACER_DIV, p)) {
      list.spacer(p, p + SPACER_DIV.length);
      p += SPACER_DIV.length;
      continue;
    }
    if (blockTagAt(s, p)) {
      const openEnd = tagEnd(s, p);
      if (openEnd > 0) {
        if (found.closing) {
          list.other(p, openEnd);
          p = openEnd;
          continue;
        }
        const name = found.name;
        // The scrapers' paragraph, `<div><span …>` TEXT `</span></div>`: TEXT runs to that close,
        // whatever tags it mentions (`…an empty <div> was…`); which of those are markup is decided
        // inside the paragraph (text.ts).
        const ahead = placeholders.next(openEnd, n);
        if (scraperParagraph(s, openEnd, name, ahead)) {
          let textStart = scraper.textStart;
          if (textStart < scraper.textEnd && s.charCodeAt(textStart) === 0x20) textStart++; // the scraper's one space
          list.paragraph(p, scraper.end, textStart, scraper.textEnd, false, headingLevel(name));
          p = scraper.end;
          continue;
        }
        const next = nextBlockTag(s, openEnd);
        const innerName = found.name;
        const placeholder = placeholders.next(openEnd, next >= 0 ? next : n);
        const textClose = placeholder < 0 && next >= 0 && !found.closing ? closeAfterTagLikeText(s, openEnd, next, innerName, name, ahead >= 0 ? ahead : n) : -1;
        if (textClose > 0) {
          // An opening block tag in the element's text that never closes in it: text, not a block.
          const closeEnd = tagEnd(s, textClose);
          addElement(list, s, name, p, closeEnd, openEnd, textClose);
          p = closeEnd;
        } else if (placeholder < 0 && next >= 0 && found.closing && found.name === name) {
          const closeEnd = tagEnd(s, next);
          const end = closeEnd > 0 ? closeEnd : next + 2 + name.length;
          addElement(list, s, name, p, end, openEnd, next);
          p = end;
        } else if (placeholder < 0 && next >= 0 && !found.closing) {
          // A wrapper around other blocks: its tags are blocks of their own, its content is scanned.
          list.other(p, openEnd);
          p = openEnd;
        } else {
          // Not closed before the next block or placeholder: the element runs to there.
          const limit = placeholder >= 0 ? placeholder : next >= 0 ? next : n;
          const end = trimEnd(s, openEnd, limit);
          addElement(list, s, name, p, end, openEnd, end);
          p = end;
        }
        continue;
      }
    }
    const next = nextBlockTag(s, p + 1);
    const limit = next >= 0 ? next : n;
    const placeholder = placeholders.next(p, limit);
    addLoose(list, s, p, placeholder >= 0 ? placeholder : limit);
    p = placeholder >= 0 ? placeholder : limit;
  }
}

/** Line ends (CR, LF or CRLF) at or after positions that only move forward, each text searched about once. */
class LineEnds {
  private readonly lf: Lookahead;
  private readonly cr: Lookahead;

  constructor(s: string) {
    this.lf = new Lookahead(s, searchChar('\n'));
    this.cr = new Lookahead(s, searchChar('\r'));
  }

  /** Offset of the first line end at or after `from`, or -1. */
  next(from: number): number {
    const lf = this.lf.next(from);
    const cr = this.cr.next(from);
    return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  }
}

function parsePlainBody(s: string, bodyStart: number, list: BlockBuilder): void {
  const n = s.length;
  const placeholders = new Placeholders(s, bodyStart);
  const lineEnds = new LineEnds(s);
  let open: { start: number; textStart: number; end: number } | undefined;
  const flush = (): void => {
    if (open) list.paragraph(open.start, open.end, open.textStart, open.end, true);
    open = undefined;
  };
  let lineStart = bodyStart;
  while (lineStart < n) {
    const found = lineEnds.next(lineStart);
    const lineEnd = found < 0 ? n : found;
    // A placeholder on this line: at its start, or (its first dash line) after the line's text.
    const image = placeholders.next(lineStart, lineEnd + 1);
    const contentEnd = image >= 0 ? image : lineEnd;
    if (image !== lineStart) {
      if (skipSpace(s, lineStart, contentEnd) === contentEnd) {
        flush();
      } else if (s.charCodeAt(lineStart) === 0x20 && s.charCodeAt(lineStart + 1) === 0x20) {
        flush();
        open = { start: lineStart, textStart: lineStart + 2, end: contentEnd };
      } else if (open) {
        open.end = contentEnd;
      } else {
        open = { start: lineStart, textStart: lineStart, end: contentEnd };
      }
    }
    if (image >= 0) {
      flush();
      const end = placeholders.end;
      list.image(image, end);
      lineStart = nextLineStart(s, end);
      continue;
    }
    if (found < 0) break;
    lineStart = pastLineEnd(s, lineEnd);
  }
  flush();
}

/** A line that starts with a block tag: an HTML body, even after a plain first line. */
const LINE_OF_MARKUP = /(?:^|[\r\n])[ \t]*<\/?(?:div|p|h[1-6]|table|ul|ol|li|center|br)(?=[\s>/])/i;
/** Any sign of markup in a body that does not start with it. */
const HTML_BODY = /<\/?(?:div|p|span|br|h[1-6]|table|ul|ol|li|strong|b|font|center)(?=[\s>/])/i;

/**
 * Is the body HTML? Every HTML variant's body starts with markup (after any image placeholder);
 * a plain-text body (variant D) starts with a two-space paragraph line, and stays plain text
 * whatever tags its text mentions. Anything else is HTML if it holds markup at all.
 */
function isHtmlBody(s: string, bodyStart: number): boolean {
  let p = bodyStart;
  while (p < s.length && isLineEnd(s.charCodeAt(p))) p++;
  for (;;) {
    const q = skipSpace(s, p);
    if (q >= s.length || !isLineStart(s, q)) {
      p = q;
      break;
    }
    const image = placeholderEnd(s, q);
    if (image < 0) {
      p = q;
      break;
    }
    p = image;
  }
  if (s.charCodeAt(p) === 0x3c && realTagEnd(s, p) > 0) return true;
  // A two-space paragraph line without markup of its own: plain text.
  const lineStart = Math.max(s.lastIndexOf('\n', p - 1), s.lastIndexOf('\r', p - 1)) + 1;
  if (lineStart >= bodyStart && s.startsWith('  ', lineStart)) {
    if (!HTML_BODY.test(s.slice(p, lineEndFrom(s, p))) && !LINE_OF_MARKUP.test(s.slice(bodyStart))) return false;
  }
  return HTML_BODY.test(p === 0 ? s : s.slice(p));
}

/** Parses an article's text (as decoded, without BOM). Never throws; any text is some article. */
export function parseArticle(source: string): Article {
  const s = source;
  // Line 1 ends at its first line end: CR, LF and CRLF alike (a CR alone is one too).
  const nl = s.indexOf('\n');
  let lineEnd = nl < 0 ? s.length : nl;
  if (s.lastIndexOf('\r', lineEnd) >= 0) lineEnd = Math.min(lineEnd, s.indexOf('\r'));
  const eol = lineEnd >= s.length ? '\n' : s.charCodeAt(lineEnd) === 0x0a ? '\n' : s.charCodeAt(lineEnd + 1) === 0x0a ? '\r\n' : '\r';
  let titleEnd = lineEnd;
  let bodyStart = pastLineEnd(s, lineEnd);
  const firstBlock = FIRST_BLOCK_ON_LINE.exec(lineEnd === s.length ? s : s.slice(0, lineEnd));
  if (firstBlock) {
    titleEnd = firstBlock.index;
    bodyStart = firstBlock.index;
  }
  const raw = s.slice(0, titleEnd);
  const { title, listIndex } = parseTitleLine(raw);
  const layout: Layout = titleEnd < lineEnd || isHtmlBody(s, bodyStart) ? 'html' : 'plain';
  const list = new BlockBuilder(s);
  if (layout === 'html') parseHtmlBody(s, bodyStart, list);
  else parsePlainBody(s, bodyStart, list);
  return {
    source: s,
    length: s.length,
    titleLine: { start: 0, end: titleEnd, raw },
    title,
    listIndex,
    layout,
    eol,
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
