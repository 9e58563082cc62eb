/**
 * Turning a file's bytes into text, and refusing what is not an article's text.
 *
 * UTF-8 (with or without BOM) first; where the bytes are not valid UTF-8, GB18030 (a superset
 * of GBK and GB2312) through the platform's `TextDecoder`. Binary data is refused, never guessed.
 *
 * Two things callers must respect before they write a file back:
 * - A file that is valid UTF-8 up to an incomplete last sequence is UTF-8 cut short (a copy or a
 *   download that stopped), not GB18030: it is refused as `'truncated'`, never read as mojibake.
 * - `certain` says whether the encoding is known or only guessed. UTF-8 that is valid throughout
 *   is certain. GB18030 is a guess the bytes merely allow (almost any byte soup with high bytes in
 *   pairs decodes as GB18030, Big5 and Shift_JIS included), so it is certain only when the text
 *   it gives reads like Chinese (see {@link gb18030Certain}). A guessed file may be read and
 *   exported, but nothing may rewrite it.
 */

export type Encoding = 'utf-8' | 'gb18030';

/**
 * Why bytes are not an article's text. `'truncated'`: valid UTF-8 that ends in the middle of a
 * character (the file looks cut short).
 */
export type DecodeProblem = 'empty' | 'binary' | 'encoding' | 'too-large' | 'truncated';

export interface DecodedText {
  readonly text: string;
  readonly encoding: Encoding;
  /** A UTF-8 BOM preceded the text (it is not part of `text`). */
  readonly bom: boolean;
  /**
   * The encoding is known, not guessed: UTF-8 valid throughout, or GB18030 whose text reads like
   * Chinese. Export may read a guessed file; normalizing must never rewrite one.
   */
  readonly certain: boolean;
}

export type DecodeResult = ({ readonly ok: true } & DecodedText) | { readonly ok: false; readonly problem: DecodeProblem };

/** Files larger than this are refused by default (the generated stress article is 15 MB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
let gb18030: InstanceType<typeof TextDecoder> | undefined;

/** How many leading bytes of a file the control-character heuristic looks at. */
const CONTROL_SAMPLE = 65536;

/** The control characters {@link looksBinary} counts (NUL aside): all below U+0020 but tab, line feed, form feed, carriage return and escape. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_CHAR = /[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

/**
 * Binary data: a NUL byte anywhere in the file (searched natively over the whole file, so a NUL
 * after the first 64 KB is caught too: about 2 ms for 15 MB in the `Buffer` that Node's reads
 * give, which searches with memchr), or, in the first 64 KB, many control characters other than
 * tab, line feed, form feed, carriage return and escape.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const sample = bytes.length > CONTROL_SAMPLE ? bytes.subarray(0, CONTROL_SAMPLE) : bytes;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls > 8 && controls * 100 > sample.length;
}

/**
 * Is `body`, which is not valid UTF-8, valid UTF-8 up to an incomplete last sequence, with at
 * least one complete multi-byte sequence before it? The streaming decoder accepts exactly the
 * bytes that are valid UTF-8 so far and keeps a valid but unfinished tail for later.
 * The multi-byte sequence is the evidence that the file is UTF-8 at all: ASCII followed by one
 * stray high byte (a Latin-1 `é` at the very end) is no more UTF-8 than anything else.
 */
function truncatedUtf8(body: Uint8Array): boolean {
  // The last sequence starts at most 3 bytes before the end (a lead byte, then continuation bytes).
  let lead = body.length - 1;
  while (lead > 0 && lead > body.length - 4 && (body[lead]! & 0xc0) === 0x80) lead--;
  const b = body[lead]!;
  const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  if (needs <= body.length - lead) return false;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body, { stream: true });
  } catch {
    return false;
  }
  for (let i = 0; i < lead; i++) if (body[i]! >= 0x80) return true;
  return false;
}

export function decodeBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, problem: 'too-large' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.length === 0) return { ok: false, problem: 'empty' };
  if (body.indexOf(0) >= 0) return { ok: false, problem: 'binary' };
  let utf8Text: string | undefined;
  try {
    utf8Text = utf8.decode(body);
  } catch {
    // Not UTF-8: cut short, or one of the older GB18030/GBK files of these corpora.
  }
  if (utf8Text !== undefined) {
    // In UTF-8 a byte below 0x20 is always that ASCII character: a text without control
    // characters came from bytes without them, so the byte count below is needed only when the
    // (native) search finds one. Same answer as counting first, without a loop over every byte.
    if (CONTROL_CHAR.test(utf8Text) && looksBinary(body)) return { ok: false, problem: 'binary' };
    return { ok: true, text: utf8Text, encoding: 'utf-8', bom, certain: true };
  }
  if (looksBinary(body)) return { ok: false, problem: 'binary' };
  if (truncatedUtf8(body)) return { ok: false, problem: 'truncated' };
  if (bom) return { ok: false, problem: 'encoding' };
  const text = decodeAs(body, 'gb18030');
  if (text === undefined) return { ok: false, problem: 'encoding' };
  return { ok: true, text, encoding: 'gb18030', bom: false, certain: gb18030Certain(text) };
}

/** The text of `bytes` (no BOM) in `encoding`, or `undefined` where they are not valid in it. */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    if (encoding === 'utf-8') return utf8.decode(bytes);
    gb18030 ??= new TextDecoder('gb18030', { fatal: true });
    return gb18030.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Non-ASCII characters a GB18030 text needs at least before it can count as certain. */
export const MIN_GB18030_EVIDENCE = 10;

/** Common characters: one bit per BMP code point, built on first use (8 KB). */
let commonBits: Uint8Array | undefined;

/**
 * The characters of GB2312's rows 1–3 (CJK punctuation, symbols, full-width forms) and of its
 * level 1 (the 3,755 most frequent hanzi, rows 16–55): decoded from their byte ranges by the
 * platform, so no table is copied into the code.
 */
function common(): Uint8Array {
  if (commonBits) return commonBits;
  const bits = new Uint8Array(0x10000 / 8);
  const rows: [number, number][] = [[0xa1, 0xa3], [0xb0, 0xd7]];
  for (const [first, last] of rows) {
    const bytes: number[] = [];
    for (let lead = first; lead <= last; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
    const text = new TextDecoder('gb18030').decode(new Uint8Array(bytes));
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Unassigned cells of these rows decode to private-use characters (or U+FFFD): not common.
      if (c >= 0x80 && (c < 0xe000 || c > 0xf8ff) && c !== 0xfffd) bits[c >> 3]! |= 1 << (c & 7);
    }
  }
  return (commonBits = bits);
}

/**
 * Does a text decoded as GB18030 read like Chinese, so that GB18030 is certain rather than
 * guessed? The rule, for the text's non-ASCII characters:
 * - none is a private-use character or U+FFFD: GBK's user-defined areas and GB18030's unassigned
 *   cells decode to private use, and are where Big5 text lands (Big5's `，` `。` and its common
 *   hanzi with a low trail byte are all private use in GB18030);
 * - there are at least {@link MIN_GB18030_EVIDENCE} of them (a few characters prove nothing);
 * - at least 90 % are common characters (see {@link common}): Chinese news text written in GB18030
 *   scores 99.6–100 % on every seed, because the 3,755 level-1 hanzi cover about 99.7 % of running
 *   Chinese text; Big5 read as GB18030 scores about 5–17 %, Shift_JIS 0 % (its kana and kanji land
 *   in GBK's rare-hanzi areas), Latin-1 0 % (an accented letter and the next byte make a rare
 *   hanzi);
 * - at most 5 % of them are followed by an ASCII space and another non-ASCII character: Korean
 *   (EUC-KR) text, whose hangul syllables share their bytes with GB2312's level-1 hanzi and so
 *   score 100 % above, separates its words with spaces (about one in four characters), while
 *   Chinese text has no spaces between words (at most 1 % in the seeds).
 * A GB18030 file that fails the rule (a short one, a traditional-Chinese GBK file full of rarer
 * hanzi) is still read; it is only not rewritten.
 */
export function gb18030Certain(text: string): boolean {
  if (/[\ue000-\uf8ff\ufffd]/.test(text)) return false;
  const bits = common();
  let nonAscii = 0;
  let frequent = 0;
  let spaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a surrogate pair
    nonAscii++;
    if ((bits[c >> 3]! & (1 << (c & 7))) !== 0) frequent++;
    if (text.charCodeAt(i + 1) === 0x20 && text.charCodeAt(i + 2) >= 0x80) spaced++;
  }
  return nonAscii >= MIN_GB18030_EVIDENCE && frequent * 10 >= nonAscii * 9 && spaced * 20 <= nonAscii;
}
