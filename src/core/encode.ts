/**
 * Writing edited text back in a file's own bytes.
 *
 * Decoding and encoding again does not give a GB18030 file its bytes back: twenty sequences decode
 * to a character that encoders write differently (`A6 D9` decodes to U+FE10, which iconv-lite
 * writes as the four bytes `84 31 82 36`, unreadable for GBK readers; `A3 A0` and `A1 A1` both
 * decode to U+3000; `80` and `A2 E3` both to `€`). So an edit is applied to the bytes, not to the
 * text: every byte outside the edits is copied as it is, and each character of an edit's new text
 * is written with the bytes it had in the original file wherever it occurs there. Only characters
 * the file does not hold (in practice the ASCII of markup, and characters a user typed) are
 * encoded anew, by the caller's encoder. Then it is proved to read back as the edited text:
 * the walk over the original must count exactly the text's characters (and meet ASCII with ASCII
 * at every edit), so the copied bytes are whole characters of the text between the edits; every
 * run the encoder wrote must decode alone to its own text (whole characters, no BOM, no `?`); and
 * the bytes written for all edits together must decode to the edits' texts. A splice that fails
 * any of these is refused, never written. (Decoding the whole file again would prove the same at
 * the cost of a second read of a 15 MB file; the proof above costs what the edits cost.)
 *
 * Pure: no `node:*` import and no encoder of its own beyond ASCII and the platform's UTF-8; the CLI passes iconv-lite, the
 * extension `vscode.workspace.encode`.
 */
import { decodeAs, decodeBytes, type DecodeProblem, type Encoding } from './decode';
import type { Article } from './model';
import { normalizeChecked, type NormalizeOptions } from './normalize';

/** Text to UTF-8 bytes, with the BOM when the file had one (the platform's encoder: the CLI and the extension alike). */
export function encodeUtf8(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Replace the characters `[start, end)` (UTF-16 offsets into the decoded text) with `text`. */
export interface ByteSpliceEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What {@link spliceEncoded} needs to know of the original: its text as decoded, and how. */
export interface DecodedSource {
  readonly text: string;
  readonly encoding: Encoding;
  /** The original starts with a UTF-8 BOM (not part of `text`); it is kept. */
  readonly bom: boolean;
}

export type SpliceResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly problem: string };

/**
 * The bytes of `decoded.text` with `edits` applied, as `original` with only the edited ranges
 * replaced.
 *
 * - `original` is the file as read (BOM included), `decoded` what `decodeBytes` made of exactly
 *   those bytes (a precondition: the walk catches a text of another length or shape, not one of
 *   the same shape with other characters).
 * - `edits` are sorted and do not overlap (as `normalizeEdits` gives them).
 * - `encodeFallback(text)` encodes characters the original does not hold, in `decoded.encoding`,
 *   with no BOM: iconv-lite or `vscode.workspace.encode` for GB18030, `TextEncoder` for UTF-8.
 *
 * Every byte outside the edits is copied unchanged (so is the BOM). A character of an edit's text
 * that occurs in the original is written with its bytes there; where the original wrote one
 * character with two different byte sequences (GB18030 only: UTF-8 has one sequence per
 * character), the first occurrence in the file decides, so the result depends on nothing but
 * the inputs. With no edit the result is `original` itself.
 *
 * `ok: false` (nothing must be written) when the edits are not sorted or fall inside a character,
 * when `original` is not the encoding of `decoded.text`, or when the bytes written would not
 * decode to exactly the edited text.
 */
export function spliceEncoded(
  original: Uint8Array,
  decoded: DecodedSource,
  edits: readonly ByteSpliceEdit[],
  encodeFallback: (text: string) => Uint8Array,
): SpliceResult {
  if (edits.length === 0) return { ok: true, bytes: original };
  const { text, encoding } = decoded;
  let previous = 0;
  let inserted = 0;
  for (const edit of edits) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < previous || edit.end < edit.start || edit.end > text.length) {
      return { ok: false, problem: 'the edits are not sorted or run outside the text' };
    }
    previous = edit.end;
    inserted += edit.text.length;
  }
  const bomLength = decoded.bom ? 3 : 0;
  if (decoded.bom && (encoding !== 'utf-8' || original[0] !== 0xef || original[1] !== 0xbb || original[2] !== 0xbf)) {
    return { ok: false, problem: 'the original has no UTF-8 BOM' };
  }

  const known = new KnownCharacters();
  for (const edit of edits) known.want(edit.text);
  known.seal(original.length);

  // Walk the original's byte sequences, counting the UTF-16 units each decodes to (one code point
  // per sequence; two units where it lies beyond the BMP), and note the byte offset of each edit's
  // start and end and the bytes of the characters the edits write. The walk must end exactly at
  // the text's length, and at each edit ASCII must meet ASCII: cheap proofs that bytes and text agree.
  const boundaries = new Array<number>(2 * edits.length);
  edits.forEach((edit, k) => {
    boundaries[2 * k] = edit.start;
    boundaries[2 * k + 1] = edit.end;
  });
  const byteAt = new Array<number>(boundaries.length);
  const gb = encoding === 'gb18030';
  const length = original.length;
  let next = 0;
  let at = bomLength;
  let c = 0;
  const mismatch: SpliceResult = { ok: false, problem: 'the bytes are not the encoding of the text' };
  const walker = { at, c };
  for (;;) {
    // At a boundary: note it (and every edit that starts or ends there).
    if (next < boundaries.length && c >= boundaries[next]!) {
      if (c > boundaries[next]!) return { ok: false, problem: 'an edit starts or ends inside a character' };
      const code = text.charCodeAt(c);
      const b = at < length ? original[at]! : -1;
      if (c < text.length && (code < 0x80 ? b !== code : b < 0x80)) return mismatch;
      while (next < boundaries.length && boundaries[next] === c) byteAt[next++] = at;
    }
    if (at >= length) break;
    // Then on to the next boundary (or the end) in one tight loop.
    const target = next < boundaries.length ? boundaries[next]! : Number.MAX_SAFE_INTEGER;
    walker.at = at;
    walker.c = c;
    if (known.missing > 0) walkNoting(walker, original, text, gb, target, known);
    else if (gb) walkGb18030(walker, original, target);
    else walkUtf8(walker, original, target);
    at = walker.at;
    c = walker.c;
  }
  if (c !== text.length || next < boundaries.length) return mismatch;

  // Assemble: original bytes up to each edit, the edit's text, the original after the last one.
  const out = new ByteBuffer(original.length + 2 * inserted);
  const written: [number, number][] = [];
  let copied = 0;
  for (let k = 0; k < edits.length; k++) {
    out.append(original, copied, byteAt[2 * k]!);
    const from = out.length;
    const problem = encodeText(edits[k]!.text, original, known, encoding, encodeFallback, out);
    if (problem !== undefined) return { ok: false, problem };
    written.push([from, out.length]);
    copied = byteAt[2 * k + 1]!;
  }
  out.append(original, copied, original.length);
  const bytes = out.bytes();

  // The proof: the bytes written for the edits read back as exactly the edits' texts. (Everything
  // else is the original's bytes, cut at character boundaries; each piece written is whole
  // characters, so the file reads back as the edited text.)
  const pieces = new ByteBuffer(out.length - original.length + 16);
  for (const [from, to] of written) pieces.append(bytes, from, to);
  if (decodeAs(pieces.bytes(), encoding) !== edits.map((edit) => edit.text).join('')) {
    return { ok: false, problem: 'the result does not read back as the edited text' };
  }
  return { ok: true, bytes };
}

/**
 * The walks from `walker.at` (a byte offset) and `walker.c` (the UTF-16 offset of the character
 * there) up to the character offset `target` or the end of the bytes: one code point per byte
 * sequence, two UTF-16 units where it lies beyond the BMP. UTF-8: the lead byte gives the length.
 * GB18030: 0x80 alone is `€` (as in Windows-936); a lead byte with a digit after it starts four
 * bytes, which from 0x90 on encode a character beyond the BMP; otherwise two. Valid input is
 * assumed (it decoded); the caller checks that the walk ends where the text does.
 */
function walkUtf8(walker: { at: number; c: number }, bytes: Uint8Array, target: number): void {
  let { at, c } = walker;
  const length = bytes.length;
  while (at < length && c < target) {
    const b = bytes[at]!;
    if (b < 0x80) {
      at++;
      c++;
    } else if (b < 0xf0) {
      at += b < 0xe0 ? 2 : 3;
      c++;
    } else {
      at += 4;
      c += 2;
    }
  }
  walker.at = at;
  walker.c = c;
}

function walkGb18030(walker: { at: number; c: number }, bytes: Uint8Array, target: number): void {
  let { at, c } = walker;
  const length = bytes.length;
  while (at < length && c < target) {
    const b = bytes[at]!;
    if (b <= 0x80) {
      at++;
      c++;
      continue;
    }
    const second = bytes[at + 1]!;
    if (second >= 0x30 && second <= 0x39) {
      at += 4;
      c += b >= 0x90 ? 2 : 1;
    } else {
      at += 2;
      c++;
    }
  }
  walker.at = at;
  walker.c = c;
}

/** The same walk, noting where the original first wrote each character the edits want. */
function walkNoting(walker: { at: number; c: number }, bytes: Uint8Array, text: string, gb: boolean, target: number, known: KnownCharacters): void {
  let { at, c } = walker;
  const length = bytes.length;
  while (at < length && c < target) {
    const b = bytes[at]!;
    if (b < 0x80) {
      at++;
      c++;
      continue;
    }
    let count: number;
    let units = 1;
    if (gb) {
      const second = bytes[at + 1]!;
      count = b === 0x80 ? 1 : second >= 0x30 && second <= 0x39 ? 4 : 2;
      if (count === 4 && b >= 0x90) units = 2;
    } else {
      count = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      if (count === 4) units = 2;
    }
    known.found(text.codePointAt(c)!, at, count);
    at += count;
    c += units;
    if (known.missing === 0) break;
  }
  walker.at = at;
  walker.c = c;
}

/** A growing byte array. */
class ByteBuffer {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(16, capacity));
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  push(byte: number): void {
    this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  append(source: Uint8Array, from: number, to: number): void {
    const count = to - from;
    if (count <= 0) return;
    this.reserve(count);
    if (count <= 8) for (let i = 0; i < count; i++) this.buffer[this.length + i] = source[from + i]!;
    else this.buffer.set(source.subarray(from, to), this.length);
    this.length += count;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * The non-ASCII characters the edits write, and where the original first wrote each (a byte
 * offset and a length, packed into one number: `offset * 4 + length - 1`; -2 while not found).
 * A map; for many characters (an edit that rewrites whole paragraphs) a flat table of the BMP.
 */
class KnownCharacters {
  private readonly map = new Map<number, number>();
  private table: Float64Array | undefined;
  missing = 0;

  want(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) continue;
      const code = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
      if (code > 0xffff) i++;
      if (!this.map.has(code)) {
        this.map.set(code, -2);
        this.missing++;
      }
    }
  }

  /**
   * Call once all texts are wanted. A table is faster to ask than a map (the walk asks once per
   * character while some are missing); it costs half a megabyte, worth it past small files.
   */
  seal(bytes: number): void {
    if (this.map.size === 0 || (this.map.size < 256 && bytes < 65536)) return;
    this.table = new Float64Array(0x10000).fill(-1);
    for (const [code, where] of this.map) if (code <= 0xffff) this.table[code] = where;
  }

  /** The original writes `code` as the `length` bytes at `offset`: kept if wanted and the first. */
  found(code: number, offset: number, length: number): void {
    if (this.get(code) !== -2) return;
    const where = offset * 4 + length - 1;
    if (this.table && code <= 0xffff) this.table[code] = where;
    else this.map.set(code, where);
    this.missing--;
  }

  /** Where the original wrote `code`, or a negative number. */
  get(code: number): number {
    return this.table && code <= 0xffff ? this.table[code]! : (this.map.get(code) ?? -1);
  }
}

/**
 * Appends the bytes of `text`: ASCII as itself (both encodings write it so), characters of the
 * original with their bytes there, runs of other characters through `fallback`, each run checked
 * to read back as itself on its own (so that a piece is whole characters). Returns a problem, or
 * `undefined`.
 */
function encodeText(text: string, original: Uint8Array, known: KnownCharacters, encoding: Encoding, fallback: (text: string) => Uint8Array, out: ByteBuffer): string | undefined {
  let unknownFrom = -1;
  const flushUnknown = (to: number): string | undefined => {
    if (unknownFrom < 0) return undefined;
    const run = text.slice(unknownFrom, to);
    unknownFrom = -1;
    const bytes = fallback(run);
    if (decodeAs(bytes, encoding) !== run) return 'the encoder does not write the text so that it reads back';
    out.append(bytes, 0, bytes.length);
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (unknownFrom >= 0) {
        const problem = flushUnknown(i);
        if (problem !== undefined) return problem;
      }
      out.push(c);
      continue;
    }
    const code = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    const where = known.get(code);
    if (where >= 0) {
      if (unknownFrom >= 0) {
        const problem = flushUnknown(i);
        if (problem !== undefined) return problem;
      }
      const offset = Math.floor(where / 4);
      out.append(original, offset, offset + (where % 4) + 1);
    } else if (unknownFrom < 0) {
      unknownFrom = i;
    }
    if (code > 0xffff) i++;
  }
  return flushUnknown(text.length);
}

/**
 * {@link spliceEncoded} with an encoder that answers later, such as `vscode.workspace.encode(text,
 * { encoding: 'gb18030' })`. Every non-ASCII character the edits write is encoded in one call
 * (joined by line feeds, a byte that neither encoding uses inside a character, so the answer is
 * cut back into characters at its `0A` bytes); the splice then takes each character's bytes from
 * there where the original does not hold it. The same proofs apply.
 */
export async function spliceEncodedAsync(
  original: Uint8Array,
  decoded: DecodedSource,
  edits: readonly ByteSpliceEdit[],
  encode: (text: string) => PromiseLike<Uint8Array>,
): Promise<SpliceResult> {
  const characters = new Set<string>();
  for (const edit of edits) {
    for (const character of edit.text) if (character.charCodeAt(0) >= 0x80) characters.add(character);
  }
  const table = new Map<string, Uint8Array>();
  if (characters.size > 0) {
    const list = [...characters];
    const bytes = await encode(list.join('\n'));
    let from = 0;
    for (const character of list) {
      let to = bytes.indexOf(0x0a, from);
      if (to < 0) to = bytes.length;
      table.set(character, bytes.subarray(from, to));
      from = to + 1;
    }
    if (from !== bytes.length + 1) return { ok: false, problem: 'the encoder does not write the text so that it reads back' };
  }
  return spliceEncoded(original, decoded, edits, (run) => {
    const out = new ByteBuffer(run.length * 4);
    for (const character of run) {
      const bytes = table.get(character);
      if (bytes) out.append(bytes, 0, bytes.length);
    }
    return out.bytes();
  });
}

/** What normalizing a file's bytes comes to: nothing to do, the new bytes, or why nothing may be written. */
export type NormalizedFile =
  | { readonly status: 'unchanged'; readonly encoding: Encoding }
  | { readonly status: 'changed'; readonly encoding: Encoding; readonly bytes: Uint8Array; readonly text: string }
  | {
      readonly status: 'refused';
      /**
       * A read problem; `'guessed'`: the encoding (GB18030) is not certain; `'unsafe'`: the result
       * would not keep the article's blocks; `'splice'`: the new bytes would not read back (`detail`).
       */
      readonly problem: DecodeProblem | 'guessed' | 'unsafe' | 'splice';
      readonly detail?: string;
    };

/**
 * Normalizing a file as a batch does it, from the bytes read to the bytes to write: decode (a
 * truncated, binary or undecodable file is refused), refuse a guessed encoding, normalize with the
 * safety check, and splice the fine edits into the original bytes. `encodeFallback` encodes text
 * in the file's encoding, without BOM (iconv-lite in the CLI); `parse` is `parseArticle`.
 */
export function normalizeFileBytes(
  bytes: Uint8Array,
  options: NormalizeOptions,
  parse: (text: string) => Article,
  encodeFallback: (text: string, encoding: Encoding) => Uint8Array,
): NormalizedFile {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { status: 'refused', problem: decoded.problem };
  const checked = normalizeChecked(parse(decoded.text), options, parse);
  if (checked.edits.length === 0) return { status: 'unchanged', encoding: decoded.encoding };
  if (!decoded.certain) return { status: 'refused', problem: 'guessed' };
  if (!checked.safe) return { status: 'refused', problem: 'unsafe' };
  const result = spliceEncoded(bytes, decoded, checked.fineEdits, (text) => encodeFallback(text, decoded.encoding));
  if (!result.ok) return { status: 'refused', problem: 'splice', detail: result.problem };
  return { status: 'changed', encoding: decoded.encoding, bytes: result.bytes, text: checked.text };
}
