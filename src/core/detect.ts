/**
 * Is a `.txt` file's text an article? Looks at the start of the text only, so it is cheap to ask
 * of every plain-text document that opens.
 *
 * Detection is by structure, not by language (FORMAT.md, variant M): a title line, then a body in
 * one of the scrapers' layouts (HTML paragraphs, or two-space paragraph lines of prose), whatever
 * the language of the text.
 */

const SAMPLE = 64 * 1024;
/** Line 1 as the scrapers saved it: the list index, the title and `.txt`. */
const SCRAPER_NAME = /^\uFEFF?\s*\d+\D.*\.txt\s*$/i;
/** A block tag that starts a paragraph on line 1 (variant C: the title runs into the body). */
const FIRST_BLOCK = /<(?:div|p|h[1-6])(?=[\s>/])[^>]*>/i;
/** A body's first markup: a block, span or other common tag, or a comment. */
const BODY_START = /^<(?:(?:div|p|h[1-6]|span|section|article|center|table|ul|ol|font|strong|b|br|img|a)(?=[\s>/])[^>]*>|!--)/i;
/** A paragraph element with text in it (in the scrapers' span or not) … */
const HTML_PARAGRAPH = /<(?:div|p|h[1-6]|span)(?=[\s>/])[^>]*>[ \t\r\n]*(?:<span(?=[\s>/])[^>]*>[ \t\r\n]*)?[^<\s]/i;
/** … and a closed one. */
const HTML_CLOSE = /<\/(?:div|p|h[1-6]|span)\s*>/i;
const PLACEHOLDER = /^-{4,}(?:这里有图片-*)?\s*$|^-*这里有图片-*\s*$/;
const LINE_END = /\r\n|\r|\n/;
/** A paragraph line of the plain-text layout (variant D) that reads as a list, quote, table or heading mark instead. */
const LIST_LINE = /^ {2}[-*+#>|]|^ {2}\d+[.)]\s/;
/** How a sentence ends, in the languages the scrapers met: the end of a paragraph of prose. */
const SENTENCE_END = /[.!?。！？…．｡」』”"’'）：:；]$/u;
const LETTER = /^\p{L}$/u;
const LETTER_RUN = /\p{L}+/gu;

/** Could this be a title line: text, not markup, code or a Markdown/list mark? */
function isTitleLike(line: string): boolean {
  const t = line.replace(/^\uFEFF/, '').trim();
  if (t === '' || /^[<#*>|{=`/\\-]/.test(t) || /[{(;=,]$/.test(t)) return false;
  return /[\p{L}\p{N}]/u.test(t);
}

/** The BMP's letters (`\p{L}`), one bit each (8 KB), found by the platform's regex once, on first use. */
let letterBits: Uint8Array | undefined;

function bmpLetters(): Uint8Array {
  if (letterBits) return letterBits;
  const bits = new Uint8Array(0x10000 / 8);
  // Every BMP code point but the surrogates, in order: index i is U+i below U+D800, U+(i + 0x800) above.
  const codes = new Uint16Array(0x10000 - 0x800);
  for (let i = 0; i < codes.length; i++) codes[i] = i < 0xd800 ? i : i + 0x800;
  let all = '';
  for (let i = 0; i < codes.length; i += 4096) all += String.fromCharCode(...codes.subarray(i, i + 4096));
  for (const run of all.matchAll(LETTER_RUN)) {
    for (let i = run.index; i < run.index + run[0].length; i++) {
      const c = i < 0xd800 ? i : i + 0x800;
      bits[c >> 3]! |= 1 << (c & 7);
    }
  }
  return (letterBits = bits);
}

/** White space as `\s` and `trim()` know it. */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/**
 * Prose: mostly letters (any script), ending the way sentences end. Letters are counted as code
 * points (`\p{L}`), the visible rest as UTF-16 units, in one pass without building arrays.
 */
export function isProse(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || !SENTENCE_END.test(t)) return false;
  const bits = bmpLetters();
  let letters = 0;
  let visible = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        visible += 2;
        if (LETTER.test(t.slice(i, i + 2))) letters++;
        i++;
        continue;
      }
    }
    if (isWhiteSpace(c)) continue;
    visible++;
    if ((bits[c >> 3]! & (1 << (c & 7))) !== 0) letters++;
  }
  return letters * 2 >= visible;
}

/**
 * `text.split(/\r\n|\r|\n/, limit)`, found with `indexOf` rather than a regex over every
 * character (a scraper body is one long line).
 */
export function splitLines(text: string, limit: number): string[] {
  const lines: string[] = [];
  let lf = -2;
  let cr = -2;
  let start = 0;
  while (lines.length < limit) {
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (end < 0) {
      lines.push(text.slice(start));
      break;
    }
    lines.push(text.slice(start, end));
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return lines;
}

/** An HTML body: it starts with a block tag (after any image placeholder) and holds a paragraph with text. */
function isHtmlBody(body: string): boolean {
  const lines = splitLines(body, 8);
  let k = 0;
  while (k < lines.length && (lines[k]!.trim() === '' || PLACEHOLDER.test(lines[k]!.trim()))) k++;
  const rest = lines.slice(k).join('\n').trimStart();
  return BODY_START.test(rest) && HTML_PARAGRAPH.test(body) && HTML_CLOSE.test(body);
}

/**
 * The plain-text layout (variant D): paragraphs start with two ASCII spaces; a line without them
 * continues the paragraph before it. So the body starts with a paragraph line, every line is a
 * paragraph line, a continuation or an image placeholder, and most paragraphs are prose.
 */
function isPlainBody(body: string): boolean {
  const lines = splitLines(body, 200);
  let paragraphs = 0;
  let prose = 0;
  let current = '';
  let inParagraph = false;
  let strays = 0;
  let counted = 0;
  let started = false;
  const close = (): void => {
    if (current !== '') {
      paragraphs++;
      if (isProse(current)) prose++;
    }
    current = '';
  };
  for (const line of lines) {
    if (line.trim() === '') {
      close();
      inParagraph = false;
      continue;
    }
    counted++;
    if (PLACEHOLDER.test(line.trim())) {
      close();
      inParagraph = false;
      started = true;
    } else if (line.startsWith('  ') && !LIST_LINE.test(line)) {
      close();
      current = line;
      inParagraph = true;
      started = true;
    } else if (inParagraph) {
      current += line;
    } else {
      if (!started) return false; // the body starts with a paragraph line
      strays++;
    }
  }
  close();
  return paragraphs >= 1 && prose >= 1 && prose * 2 >= paragraphs && strays <= Math.max(1, counted / 10);
}

export function isArticleText(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const end = LINE_END.exec(sample);
  const first = (end ? sample.slice(0, end.index) : sample).replace(/^\uFEFF/, '');
  if (!isTitleLike(first)) return false;
  // Variant C: the title runs into the first block on line 1.
  const block = FIRST_BLOCK.exec(first);
  if (block) return block.index > 0 && isTitleLike(first.slice(0, block.index)) && isHtmlBody(sample.slice(block.index));
  if (!end) return false;
  const body = sample.slice(end.index + end[0].length);
  if (body.trim() === '' || first.length > 200) return false;
  if (isHtmlBody(body)) return true;
  // Line 1 as the scrapers saved it, over a body with some prose in it.
  if (SCRAPER_NAME.test(first) && splitLines(body, 200).some((line) => isProse(line))) return true;
  return isPlainBody(body);
}
