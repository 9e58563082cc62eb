/**
 * Turning a file's bytes into text, and refusing what is not an article's text.
 *
 * UTF-8 (with or without BOM) first; where the bytes are not valid UTF-8, GB18030 (a superset
 * of GBK and GB2312) through the platform's `TextDecoder`. Binary data is refused, never guessed.
 */

export type Encoding = 'utf-8' | 'gb18030';

export type DecodeProblem = 'empty' | 'binary' | 'encoding' | 'too-large';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding; readonly bom: boolean }
  | { readonly ok: false; readonly problem: DecodeProblem };

/** Files larger than this are refused by default (the generated stress article is 15 MB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
let gb18030: InstanceType<typeof TextDecoder> | undefined;

/** Control characters other than tab, line feed, form feed and carriage return mark binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls > 8 && controls * 100 > sample.length;
}

export function decodeBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, problem: 'too-large' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.length === 0) return { ok: false, problem: 'empty' };
  if (looksBinary(body)) return { ok: false, problem: 'binary' };
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8', bom };
  } catch {
    // Not UTF-8: the older files of these corpora are GB18030/GBK.
  }
  if (bom) return { ok: false, problem: 'encoding' };
  try {
    gb18030 ??= new TextDecoder('gb18030', { fatal: true });
    return { ok: true, text: gb18030.decode(body), encoding: 'gb18030', bom: false };
  } catch {
    return { ok: false, problem: 'encoding' };
  }
}
