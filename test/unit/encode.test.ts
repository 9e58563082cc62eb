import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeBytes, type Encoding } from '../../src/core/decode';
import { normalizeFileBytes, spliceEncoded, spliceEncodedAsync, type ByteSpliceEdit } from '../../src/core/encode';
import { applyEdits, DEFAULT_NORMALIZE_OPTIONS, normalizeChecked, normalizeEdits, SEED_STYLE } from '../../src/core/normalize';
import { parseArticle } from '../../src/core/parse';
import { generateArticle, mixSeed } from '../support/generate';
import { readSeed, seedNames } from '../support/seeds';

const gbFallback = (text: string): Uint8Array => iconv.encode(text, 'gb18030');
const utf8Fallback = (text: string): Uint8Array => new TextEncoder().encode(text);
const fallbackFor = (encoding: Encoding): ((text: string) => Uint8Array) => (encoding === 'gb18030' ? gbFallback : utf8Fallback);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
const P = (text: string): string => `<div><span style='${SEED_STYLE}'> ${text}</span></div><div>&nbsp;</div>`;

/** The byte offset where `chars` UTF-16 units of text end, found by decoding prefixes: independent of the code under test. */
function byteOffset(bytes: Uint8Array, encoding: Encoding, bom: boolean, chars: number): number {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const start = bom ? 3 : 0;
  for (let b = start; b <= bytes.length; b++) {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, b));
    } catch {
      continue;
    }
    if (text.length === chars) return b;
    if (text.length > chars) break;
  }
  throw new Error(`no byte offset for ${chars} characters`);
}

/** Decodes, normalizes and splices a file's bytes as a normalize command would. */
function normalizeBytes(bytes: Uint8Array): { bytes: Uint8Array; text: string; edits: readonly ByteSpliceEdit[]; source: string; encoding: Encoding; bom: boolean } {
  const decoded = decodeBytes(bytes);
  assert.ok(decoded.ok);
  const checked = normalizeChecked(parseArticle(decoded.text), DEFAULT_NORMALIZE_OPTIONS, parseArticle);
  assert.ok(checked.safe);
  // As a batch normalize writes: the fine edits (no edit covers a text that stays as it is).
  const result = spliceEncoded(bytes, decoded, checked.fineEdits, fallbackFor(decoded.encoding));
  assert.ok(result.ok, result.ok ? '' : result.problem);
  // The merged edits (as an editor gets them) make the same bytes.
  const merged = spliceEncoded(bytes, decoded, checked.edits, fallbackFor(decoded.encoding));
  assert.ok(merged.ok && hex(merged.bytes) === hex(result.bytes), 'merged edits, same bytes');
  return { bytes: result.bytes, text: checked.text, edits: checked.fineEdits, source: decoded.text, encoding: decoded.encoding, bom: decoded.bom };
}

describe('spliceEncoded: normalize never changes the bytes of text it did not change', () => {
  it('A6 D9 (U+FE10) in a changed paragraph of a GB18030 file stays A6 D9, not the 84 31 82 36 an encoder writes', () => {
    // A plain-text article (variant D): normalizing rewrites its paragraph as markup, U+FE10 (A6 D9) inside the edit.
    const original = concat(iconv.encode('5青禾县举行颁奖典礼.txt\n  　　会议指出', 'gb18030'), [0xa6, 0xd9], iconv.encode('要坚持A&B原则，完整准确全面贯彻新发展理念。\n  第二段。', 'gb18030'));
    assert.equal(hex(gbFallback('\ufe10')), '84318236', 'the encoder alone would write four bytes');
    const out = normalizeBytes(original);
    const at = out.source.indexOf('\ufe10');
    assert.ok(out.edits.some((e) => e.start <= at && e.end > at && e.text.includes('\ufe10')), 'the character is in an edit');
    assert.match(hex(out.bytes), /a6d9/);
    assert.doesNotMatch(hex(out.bytes), /84318236/);
    assert.equal(new TextDecoder('gb18030').decode(out.bytes), out.text);
    assert.match(out.text, /A&amp;B/);
  });

  it('all twenty two-byte sequences an encoder writes differently keep their bytes', () => {
    const odd = [[0xa6, 0xd9], [0xa6, 0xda], [0xa6, 0xdb], [0xa6, 0xdc], [0xa6, 0xdd], [0xa6, 0xde], [0xa6, 0xdf], [0xa6, 0xec], [0xa6, 0xed], [0xa6, 0xf3], [0xfe, 0x59], [0xfe, 0x61], [0xfe, 0x66], [0xfe, 0x67], [0xfe, 0x6d], [0xfe, 0x7e], [0xfe, 0x90], [0xfe, 0xa0], [0xa3, 0xa0], [0x80]];
    const body = concat(iconv.encode('1标题.txt\n<p>会议指出，', 'gb18030'), ...odd, iconv.encode('要坚持稳中求进&。</p>', 'gb18030'));
    const out = normalizeBytes(body);
    const at = out.source.indexOf('\ufe10');
    assert.ok(out.edits.some((e) => e.start <= at && e.end > at + 20), 'the characters are in an edit');
    const rewritten = hex(out.bytes);
    for (const sequence of odd) assert.ok(rewritten.includes(hex(Uint8Array.from(sequence))), hex(Uint8Array.from(sequence)));
    // And the encoder alone would have written other bytes for them.
    assert.notEqual(hex(gbFallback(new TextDecoder('gb18030').decode(body))), hex(body));
  });

  it('every block outside the edits keeps its bytes: GB18030, UTF-8 and UTF-8 with BOM', () => {
    const paragraphs = [P('　　第一段，没有变化。'), P('　　第二段有A&B要转义。'), P('　　第三段︐没有变化。'), "<div><span style='x'> 　　第四段换了样式。</span></div><div>&nbsp;</div>", P('　　第五段没有变化。')];
    const text = '1标题.txt\n' + paragraphs.join('');
    const variants: [Encoding, boolean, Uint8Array][] = [
      ['gb18030', false, concat(iconv.encode(text, 'gb18030'))],
      ['utf-8', false, utf8Fallback(text)],
      ['utf-8', true, concat([0xef, 0xbb, 0xbf], utf8Fallback(text))],
    ];
    // In the GB18030 file, write `︐` the way GBK readers can read: A6 D9.
    const gb = variants[0]![2];
    const four = Buffer.from(gb).indexOf(Buffer.from([0x84, 0x31, 0x82, 0x36]));
    variants[0]![2] = concat(gb.subarray(0, four), [0xa6, 0xd9], gb.subarray(four + 4));
    for (const [encoding, bom, original] of variants) {
      const out = normalizeBytes(original);
      assert.equal(out.encoding, encoding);
      assert.equal(out.bom, bom);
      const article = parseArticle(out.source);
      let shift = 0;
      let edit = 0;
      let untouched = 0;
      for (const block of article.blocks) {
        while (edit < out.edits.length && out.edits[edit]!.end <= block.start) {
          shift += out.edits[edit]!.text.length - (out.edits[edit]!.end - out.edits[edit]!.start);
          edit++;
        }
        const e = out.edits[edit];
        if (e && e.start < block.end) continue; // an edit touches this block
        untouched++;
        const before = original.subarray(byteOffset(original, encoding, bom, block.start), byteOffset(original, encoding, bom, block.end));
        const at = byteOffset(out.bytes, encoding, bom, block.start + shift);
        assert.equal(hex(out.bytes.subarray(at, at + before.length)), hex(before), `${encoding}${bom ? ' BOM' : ''}: block at ${block.start}`);
      }
      assert.ok(untouched >= 6, `${encoding}: untouched blocks ${untouched}`);
      if (bom) assert.equal(hex(out.bytes.subarray(0, 3)), 'efbbbf');
    }
  });

  it('the seeds, written in GB18030, normalize to bytes that read back as the normalized text', () => {
    for (const name of seedNames()) {
      const original = gbFallback(readSeed(name));
      const out = normalizeBytes(original);
      assert.equal(new TextDecoder('gb18030').decode(out.bytes), out.text, name);
      if (out.edits.length === 0) assert.equal(out.bytes, original, `${name}: no edit, the very same bytes`);
    }
  });

  it('a big GB18030 article (past 64 KB) rewritten from plain text keeps the bytes of every character', () => {
    const g = generateArticle(mixSeed(0xb16, 1), { variant: 'D', paragraphs: 300 });
    // A vertical comma in every tenth paragraph, written A6 D9 as a GBK editor writes it.
    const text = g.text.split('\n').map((line, i) => (i % 10 === 5 ? line.replace('，', '\ufe10') : line)).join('\n');
    const encoded = Buffer.from(gbFallback(text));
    const four = Buffer.from([0x84, 0x31, 0x82, 0x36]);
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = encoded.indexOf(four); at >= 0; at = encoded.indexOf(four, from)) {
      parts.push(encoded.subarray(from, at), Buffer.from([0xa6, 0xd9]));
      from = at + 4;
    }
    parts.push(encoded.subarray(from));
    const original = new Uint8Array(Buffer.concat(parts));
    assert.ok(original.length > 65536 && parts.length > 20);
    const out = normalizeBytes(original);
    assert.equal(Buffer.from(out.bytes).indexOf(four), -1);
    const count = (bytes: Uint8Array): number => {
      let n = 0;
      for (let at = Buffer.from(bytes).indexOf(Buffer.from([0xa6, 0xd9])); at >= 0; at = Buffer.from(bytes).indexOf(Buffer.from([0xa6, 0xd9]), at + 2)) n++;
      return n;
    };
    assert.equal(count(out.bytes), count(original));
    assert.equal(new TextDecoder('gb18030').decode(out.bytes), out.text);
  });

  it('a character written two ways in the original is written as its first occurrence was', () => {
    // U+3000 as A3 A0 first, then as A1 A1; the edit writes U+3000 anew.
    const original = concat(iconv.encode('甲', 'gb18030'), [0xa3, 0xa0], iconv.encode('乙', 'gb18030'), [0xa1, 0xa1], iconv.encode('丙', 'gb18030'));
    const decoded = decodeBytes(original);
    assert.ok(decoded.ok);
    assert.equal(decoded.text, '甲\u3000乙\u3000丙');
    const result = spliceEncoded(original, decoded, [{ start: 5, end: 5, text: '\u3000丁' }], gbFallback);
    assert.ok(result.ok);
    assert.equal(hex(result.bytes), hex(concat(original, [0xa3, 0xa0], iconv.encode('丁', 'gb18030'))));
  });

  it('characters the original does not hold go through the fallback encoder; ASCII is written as itself', () => {
    const original = iconv.encode('会议', 'gb18030');
    const decoded = { text: '会议', encoding: 'gb18030' as const, bom: false };
    const calls: string[] = [];
    const result = spliceEncoded(original, decoded, [{ start: 1, end: 1, text: '<b>新😀词</b>议' }], (text) => {
      calls.push(text);
      return gbFallback(text);
    });
    assert.ok(result.ok);
    assert.deepEqual(calls, ['新😀词']);
    assert.equal(new TextDecoder('gb18030').decode(result.bytes), '会<b>新😀词</b>议议');
  });

  it('with an encoder that answers later (vscode.workspace.encode): one call, the same bytes', async () => {
    const original = concat(iconv.encode('会议', 'gb18030'), [0xa6, 0xd9], iconv.encode('指出', 'gb18030'));
    const decoded = { text: '会议\ufe10指出', encoding: 'gb18030' as const, bom: false };
    const edits = [{ start: 2, end: 3, text: '<b>\ufe10新😀词</b>' }];
    const calls: string[] = [];
    const later = async (text: string): Promise<Uint8Array> => {
      calls.push(text);
      return Promise.resolve(gbFallback(text));
    };
    const result = await spliceEncodedAsync(original, decoded, edits, later);
    assert.equal(calls.length, 1);
    const now = spliceEncoded(original, decoded, edits, gbFallback);
    assert.ok(result.ok && now.ok);
    assert.equal(hex(result.bytes), hex(now.bytes));
    assert.match(hex(result.bytes), /a6d9/);
    // An encoder that loses characters is caught.
    const lossy = await spliceEncodedAsync(original, decoded, edits, async (text) => Promise.resolve(gbFallback(text.replace('😀', '?'))));
    assert.equal(lossy.ok, false);
    const none = await spliceEncodedAsync(original, decoded, [{ start: 0, end: 0, text: '<p>' }], async () => Promise.reject(new Error('not called')));
    assert.ok(none.ok);
  });

  it('refuses, rather than writes, what would not read back', () => {
    const original = utf8Fallback('甲乙😀丙');
    const decoded = { text: '甲乙😀丙', encoding: 'utf-8' as const, bom: false };
    const no = (result: ReturnType<typeof spliceEncoded>): string => (result.ok ? 'ok' : result.problem);
    assert.match(no(spliceEncoded(original, decoded, [{ start: 3, end: 3, text: 'x' }], utf8Fallback)), /inside a character/);
    assert.match(no(spliceEncoded(original, decoded, [{ start: 2, end: 3, text: 'x' }, { start: 0, end: 1, text: 'y' }], utf8Fallback)), /not sorted/);
    assert.match(no(spliceEncoded(original, decoded, [{ start: 0, end: 9, text: 'x' }], utf8Fallback)), /outside/);
    assert.match(no(spliceEncoded(original, decoded, [{ start: 0, end: 1, text: '\ud800' }], utf8Fallback)), /reads? back/, 'a lone surrogate cannot be encoded');
    assert.match(no(spliceEncoded(original, decoded, [{ start: 0, end: 1, text: '丁' }], (t) => concat([0xef, 0xbb, 0xbf], utf8Fallback(t)))), /reads? back/, 'a fallback that adds a BOM');
    assert.match(no(spliceEncoded(utf8Fallback('甲乙'), decoded, [{ start: 5, end: 5, text: 'x' }], utf8Fallback)), /not the encoding/);
    assert.match(no(spliceEncoded(original, { ...decoded, bom: true }, [{ start: 0, end: 1, text: 'x' }], utf8Fallback)), /BOM/);
  });
});

describe('spliceEncoded: random edits over random texts read back as the edited text', function () {
  this.timeout(120000);

  /** Characters with the byte sequences a GB18030 file may hold for them (several for some). */
  const GB_CHARACTERS: [string, number[][]][] = [
    ['a', [[0x61]]], ['<', [[0x3c]]], ['&', [[0x26]]], ['\n', [[0x0a]]], [' ', [[0x20]]],
    ['会', [[0xbb, 0xe1]]], ['议', [[0xd2, 0xe9]]], ['，', [[0xa3, 0xac]]], ['。', [[0xa1, 0xa3]]],
    ['\u3000', [[0xa1, 0xa1], [0xa3, 0xa0]]], ['\ufe10', [[0xa6, 0xd9], [0x84, 0x31, 0x82, 0x36]]], ['€', [[0x80], [0xa2, 0xe3]]],
    ['\u9fb4', [[0xfe, 0x59], [0x82, 0x35, 0x90, 0x37]]], ['😀', [[0x94, 0x39, 0xfc, 0x38]]], ['é', [[0xa8, 0xa6]]], ['\ue4c6', [[0xa1, 0x40]]],
  ];
  const EXTRA = ['新', '词', '😺', '\u00a0', '<b>', '&amp;', 'Z'];

  const gbFile = fc.array(fc.tuple(fc.nat(GB_CHARACTERS.length - 1), fc.nat(1)), { minLength: 1, maxLength: 60 }).map((picks) => {
    const bytes: number[] = [];
    for (const [k, variant] of picks) {
      const choices = GB_CHARACTERS[k]![1];
      bytes.push(...choices[variant % choices.length]!);
    }
    return Uint8Array.from(bytes);
  });
  const utfFile = fc.tuple(fc.array(fc.constantFrom(...GB_CHARACTERS.map(([c]) => c), ...EXTRA), { minLength: 1, maxLength: 60 }), fc.boolean()).map(([chars, bom]) =>
    concat(bom ? [0xef, 0xbb, 0xbf] : [], utf8Fallback(chars.join(''))),
  );
  const replacement = fc.array(fc.constantFrom(...GB_CHARACTERS.map(([c]) => c), ...EXTRA), { maxLength: 8 }).map((parts) => parts.join(''));

  function check(original: Uint8Array, encoding: Encoding, bom: boolean, cuts: number[], texts: string[]): void {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(original.subarray(bom ? 3 : 0));
    // Edit boundaries on code point boundaries, sorted, pairwise.
    const points: number[] = [0];
    for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) points.push(i + (text.codePointAt(i)! > 0xffff ? 2 : 1));
    const offsets = cuts.map((c) => points[c % points.length]!).sort((a, b) => a - b);
    const edits: ByteSpliceEdit[] = [];
    for (let i = 0; i + 1 < offsets.length; i += 2) edits.push({ start: offsets[i]!, end: offsets[i + 1]!, text: texts[i / 2] ?? '' });
    const result = spliceEncoded(original, { text, encoding, bom }, edits, fallbackFor(encoding));
    assert.ok(result.ok, result.ok ? '' : result.problem);
    const expected = applyEdits(text, edits);
    assert.equal(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(result.bytes.subarray(bom ? 3 : 0)), expected);
    // The bytes before the first edit and after the last are the original's.
    if (edits.length > 0) {
      const head = byteOffset(original, encoding, bom, edits[0]!.start);
      assert.equal(hex(result.bytes.subarray(0, head)), hex(original.subarray(0, head)));
      const tail = original.length - byteOffset(original, encoding, bom, edits[edits.length - 1]!.end);
      assert.equal(hex(result.bytes.subarray(result.bytes.length - tail)), hex(original.subarray(original.length - tail)));
    }
  }

  const edits = fc.tuple(fc.array(fc.nat(), { maxLength: 8 }), fc.array(replacement, { maxLength: 4 }));

  it('GB18030, with every character a file may write two ways', () => {
    fc.assert(fc.property(gbFile, edits, (original, [cuts, texts]) => check(original, 'gb18030', false, cuts, texts)), { numRuns: 2000 });
  });

  it('UTF-8, with and without BOM, supplementary characters included', () => {
    fc.assert(
      fc.property(utfFile, edits, (original, [cuts, texts]) => check(original, 'utf-8', original[0] === 0xef && original[1] === 0xbb, cuts, texts)),
      { numRuns: 2000 },
    );
  });

  it('the seeds in both encodings, with normalizeEdits-like edits of random places', () => {
    for (const name of seedNames()) {
      const text = readSeed(name);
      for (const [encoding, bytes] of [['gb18030', gbFallback(text)], ['utf-8', utf8Fallback(text)]] as const) {
        const edits = normalizeEdits(parseArticle(text), { ...DEFAULT_NORMALIZE_OPTIONS, layout: 'blockPerLine', style: 'x' });
        const result = spliceEncoded(bytes, { text, encoding, bom: false }, edits, fallbackFor(encoding));
        assert.ok(result.ok, name);
        assert.equal(new TextDecoder(encoding).decode(result.bytes), applyEdits(text, edits), name);
      }
    }
  });
});

describe('normalizeFileBytes: a batch normalize from bytes read to bytes written', () => {
  const encode = (text: string, encoding: Encoding): Uint8Array => fallbackFor(encoding)(text);
  const run = (bytes: Uint8Array): ReturnType<typeof normalizeFileBytes> => normalizeFileBytes(bytes, DEFAULT_NORMALIZE_OPTIONS, parseArticle, encode);

  it('a canonical file: unchanged; a file to normalize: the new bytes, A6 D9 kept', () => {
    assert.deepEqual(run(utf8Fallback(readSeed('000_5edd2806a98033fb.txt'))), { status: 'unchanged', encoding: 'utf-8' });
    const original = concat(iconv.encode('5青禾县举行颁奖典礼.txt\n  　　会议指出', 'gb18030'), [0xa6, 0xd9], iconv.encode('要坚持A&B原则，完整准确全面贯彻新发展理念。', 'gb18030'));
    const result = run(original);
    assert.ok(result.status === 'changed');
    assert.equal(result.encoding, 'gb18030');
    assert.match(hex(result.bytes), /a6d9/);
    assert.equal(new TextDecoder('gb18030').decode(result.bytes), result.text);
  });

  it('refuses a truncated file, and a file whose encoding is only a guess', () => {
    const cut = utf8Fallback(readSeed('003_variant-c-title-runs-into-body.txt')).subarray(0, 405);
    assert.deepEqual(run(cut), { status: 'refused', problem: 'truncated' });
    const big5 = iconv.encode("1中華民國行政院今天召開記者會.txt\n<div><span style='x'> 　　行政院今天召開記者會，說明颱風過後的災情與復原工作。A&B</span></div><div>&nbsp;</div>", 'big5');
    assert.deepEqual(run(big5), { status: 'refused', problem: 'guessed' });
  });
});
