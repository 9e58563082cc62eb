import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeBytes, gb18030Certain, MIN_GB18030_EVIDENCE } from '../../src/core/decode';
import { generateArticle, mixSeed, VARIANTS } from '../support/generate';
import { readSeed, seedNames, seedPath } from '../support/seeds';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('UTF-8 without BOM', () => {
    assert.deepEqual(decodeBytes(utf8('标题\n正文')), { ok: true, text: '标题\n正文', encoding: 'utf-8', bom: false, certain: true });
  });

  it('UTF-8 with BOM: the BOM is not text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('标题')]);
    assert.deepEqual(decodeBytes(bytes), { ok: true, text: '标题', encoding: 'utf-8', bom: true, certain: true });
  });

  it('GB18030 when the bytes are not UTF-8 (four characters: read, but only a guess)', () => {
    // "中文标题" in GB18030
    const bytes = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xea, 0xcc, 0xe2]);
    assert.deepEqual(decodeBytes(bytes), { ok: true, text: '中文标题', encoding: 'gb18030', bom: false, certain: false });
  });

  it('the GB18030 seed reads as Chinese text, and its encoding is certain', () => {
    const result = decodeBytes(readFileSync(seedPath('013_variant-j-gb18030.txt')));
    assert.ok(result.ok);
    assert.equal(result.encoding, 'gb18030');
    assert.equal(result.certain, true);
    assert.match(result.text, /青禾县/);
  });

  it('refuses empty, binary and oversized input', () => {
    assert.deepEqual(decodeBytes(new Uint8Array()), { ok: false, problem: 'empty' });
    assert.deepEqual(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf])), { ok: false, problem: 'empty' });
    assert.deepEqual(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), { ok: false, problem: 'binary' });
    assert.deepEqual(decodeBytes(utf8('abc'), 2), { ok: false, problem: 'too-large' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    assert.deepEqual(decodeBytes(new Uint8Array([0x41, 0xff, 0xff, 0x42])), { ok: false, problem: 'encoding' });
  });
});

describe('decodeBytes: a NUL anywhere is binary', () => {
  /** A big article whose paragraph with markup holds a NUL `at` bytes into the file. */
  function withNulAt(at: number): Uint8Array {
    const paragraph = "<div><span style='x'> 　　会议<strong>指出</strong>，要加强统筹。</span></div><div>&nbsp;</div>";
    const bytes = utf8('1标题.txt\n' + paragraph.repeat(Math.ceil((at + 4096) / utf8(paragraph).length)));
    // Put the NUL on an ASCII byte of markup, so the rest stays valid UTF-8.
    let p = at;
    while (bytes[p] !== 0x3c) p++;
    bytes[p + 1] = 0;
    return bytes;
  }

  it('a NUL in the first bytes', () => {
    assert.deepEqual(decodeBytes(withNulAt(100)), { ok: false, problem: 'binary' });
  });

  it('a NUL at 1 MB, far past the 64 KB sample of control characters, is binary too (it used to be read and silently dropped)', () => {
    const bytes = withNulAt(1024 * 1024);
    assert.ok(bytes.indexOf(0) > 65536);
    assert.deepEqual(decodeBytes(bytes), { ok: false, problem: 'binary' });
  });

  it('the same file without the NUL is text', () => {
    const bytes = withNulAt(1024 * 1024);
    bytes[bytes.indexOf(0)] = 0x62;
    assert.equal(decodeBytes(bytes).ok, true);
  });
});

describe('decodeBytes: truncated UTF-8 is not GB18030', () => {
  const seed = readFileSync(seedPath('003_variant-c-title-runs-into-body.txt'));

  it('`head -c 405` of a UTF-8 seed (cut inside its last character) is refused as truncated, not read as GB18030', () => {
    const cut = execFileSync('head', ['-c', '405', seedPath('003_variant-c-title-runs-into-body.txt')]);
    assert.equal(cut.length, 405);
    assert.deepEqual(decodeBytes(cut), { ok: false, problem: 'truncated' });
  });

  it('every cut inside a multi-byte character of the seed is truncated; every cut between characters is UTF-8', () => {
    // From the end of the first CJK character on: a complete multi-byte character is the evidence of UTF-8.
    const firstCharacterEnd = seed.findIndex((b) => b >= 0x80) + 3;
    for (let n = firstCharacterEnd; n < seed.length; n++) {
      const result = decodeBytes(seed.subarray(0, n));
      const between = (seed[n]! & 0xc0) !== 0x80;
      if (between) assert.ok(result.ok && result.encoding === 'utf-8' && result.certain, `cut at ${n}`);
      else assert.deepEqual(result, { ok: false, problem: 'truncated' }, `cut at ${n}`);
    }
  });

  it('with a BOM and CRLF too', () => {
    const bytes = readFileSync(seedPath('012_variant-j-utf8-bom-crlf.txt'));
    const n = bytes.lastIndexOf(0xe3);
    assert.deepEqual(decodeBytes(bytes.subarray(0, n + 2)), { ok: false, problem: 'truncated' });
  });

  it('an invalid byte before the cut is not truncation: that file is read as GB18030 or refused as before', () => {
    const bytes = Uint8Array.from([...utf8('标题\n正文'), 0xff, ...utf8('尾'), 0xe5]);
    assert.deepEqual(decodeBytes(bytes), { ok: false, problem: 'encoding' });
  });

  it('ASCII with one stray high byte at the end is no evidence of UTF-8: not called truncated', () => {
    assert.deepEqual(decodeBytes(Uint8Array.from([...utf8('caf'), 0xe9])), { ok: false, problem: 'encoding' });
  });

  it('a GB18030 file cut inside its last character is not called truncated UTF-8', () => {
    const gb = iconv.encode(readSeed('001_variant-a-seed-form.txt'), 'gb18030');
    const stop = Buffer.from(gb).lastIndexOf(Buffer.from([0xa1, 0xa3])); // the last `。`
    assert.deepEqual(decodeBytes(gb.subarray(0, stop + 1)), { ok: false, problem: 'encoding' });
  });
});

describe('decodeBytes: is GB18030 certain or guessed?', () => {
  const gb = (text: string): Uint8Array => iconv.encode(text, 'gb18030');

  it('every seed written in GB18030 is certain GB18030, with its text intact', () => {
    for (const name of seedNames()) {
      const text = readSeed(name);
      const result = decodeBytes(gb(text));
      assert.ok(result.ok, name);
      assert.equal(result.text, text, name);
      assert.equal(result.encoding, 'gb18030', name);
      assert.equal(result.certain, true, name);
    }
  });

  it('generated Chinese articles of every variant written in GB18030 are certain', () => {
    // Variant M (English and Japanese pages) is left out: an all-ASCII file is UTF-8, and the
    // certainty rule is evidence of Chinese text, so Japanese in GB18030 stays a guess.
    const chinese = VARIANTS.filter((v) => v !== 'M');
    for (let i = 0; i < 200; i++) {
      const g = generateArticle(mixSeed(0x6b, i), { variant: chinese[i % chinese.length]! });
      const result = decodeBytes(gb(g.text));
      assert.ok(result.ok && result.encoding === 'gb18030' && result.certain, `article ${i}`);
    }
  });

  /** Bytes of another encoding that the platform happily decodes as GB18030. */
  function otherEncoding(text: string, encoding: string): Uint8Array {
    const bytes = iconv.encode(text, encoding);
    const result = decodeBytes(bytes);
    assert.ok(result.ok && result.encoding === 'gb18030', `${encoding} must decode as GB18030 for this test to mean anything`);
    return bytes;
  }
  const guessed = (bytes: Uint8Array): boolean | undefined => {
    const result = decodeBytes(bytes);
    return result.ok ? result.certain : undefined;
  };

  it('Big5 text that decodes as GB18030 is only a guess', () => {
    const traditional = '1中華民國行政院今天召開記者會.txt\n<div><span style=\'x\'> 　　行政院今天召開記者會，說明颱風過後的災情與復原工作。政府將全力協助受災民眾重建家園，並加強各項防災措施。</span></div><div>&nbsp;</div>';
    assert.equal(guessed(otherEncoding(traditional, 'big5')), false);
  });

  it('Shift_JIS text that decodes as GB18030 is only a guess', () => {
    const japanese = '1東京都が新しい防災計画を発表.txt\n<div><span style=\'x\'> 東京都は今日、新しい防災計画を発表しました。地震や台風に備えて、住民への情報提供を強化します。</span></div><div>&nbsp;</div>';
    assert.equal(guessed(otherEncoding(japanese, 'shift_jis')), false);
  });

  it('Latin-1 text that decodes as GB18030 is only a guess', () => {
    const german = '1Änderungen.txt\n<div><span style=\'x\'> Über die Änderungen berichtete Müller ausführlich. Les élèves étudièrent la géographie.</span></div><div>&nbsp;</div>';
    assert.equal(guessed(otherEncoding(german, 'latin1')), false);
  });

  it('Korean (EUC-KR), whose hangul share their bytes with common hanzi, is only a guess: its words are spaced', () => {
    const korean = '1서울시 교통 정책.txt\n<div><span style=\'x\'> 서울시는 오늘 새로운 교통 정책을 발표했습니다. 시민들의 출퇴근 시간을 줄이기 위해 버스 노선을 개편합니다.</span></div><div>&nbsp;</div>';
    assert.equal(guessed(otherEncoding(korean, 'euc-kr')), false);
  });

  it('the seeds written in Big5 or Shift_JIS (where they decode as GB18030 at all) are only guesses', () => {
    let tried = 0;
    for (const name of seedNames()) {
      for (const encoding of ['big5', 'shift_jis', 'euc-kr']) {
        const result = decodeBytes(iconv.encode(readSeed(name), encoding));
        if (!result.ok || result.encoding !== 'gb18030') continue;
        tried++;
        assert.equal(result.certain, false, `${name} in ${encoding}`);
      }
    }
    assert.ok(tried > 30);
  });

  it('the rule: private use, too few characters, too few common ones, or spaced words make a guess', () => {
    const chinese = '会议指出，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。';
    assert.equal(gb18030Certain(chinese), true);
    assert.equal(gb18030Certain(chinese + '\ue4c6'), false, 'a private-use character');
    assert.equal(gb18030Certain('会议指出，要坚'.slice(0, MIN_GB18030_EVIDENCE - 1)), false, 'too few characters');
    assert.equal(gb18030Certain('搶嫗搒偼崱擔丄怴偟偄杊嵭寁夋傪敪昞偟傑偟偨'), false, 'rare hanzi (Shift_JIS read as GB18030)');
    assert.equal(gb18030Certain('辑匡矫绰 坷疵 货肺款 背烹 沥氓阑 惯钎沁嚼聪促.'), false, 'spaced words (EUC-KR read as GB18030)');
    assert.equal(gb18030Certain(chinese + '鄂邃虔'), true, 'a few level-2 hanzi are fine');
  });
});

describe('decodeBytes: the control-character fast path answers as the byte count does', () => {
  /** The binary rule of FORMAT.md's reader, counted over the bytes the slow way (as before the fast path). */
  function countedBinary(body: Uint8Array): boolean {
    if (body.indexOf(0) >= 0) return true;
    const sample = body.subarray(0, 65536);
    let controls = 0;
    for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
    return controls > 8 && controls * 100 > sample.length;
  }
  /** Pieces a file is made of: text in both encodings, every control byte, stray high bytes, a BOM. */
  const pieces: Uint8Array[] = [
    utf8('<div><span> 　　会议指出，要加强统筹。</span></div>'),
    utf8('plain ASCII text, '),
    utf8('\r\n'),
    iconv.encode('会议指出', 'gb18030'),
    ...Array.from({ length: 0x20 }, (_, b) => Uint8Array.of(b)),
    Uint8Array.of(0x7f),
    Uint8Array.of(0xff),
    Uint8Array.of(0xe4, 0xbc),
    Uint8Array.of(0xef, 0xbb, 0xbf),
  ];
  const concat = (parts: readonly Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };

  it('binary exactly where the byte count says so, and the same text otherwise, over mixes of text and control bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: pieces.length - 1 }), { maxLength: 60 }), fc.boolean(), (picks, bom) => {
        const text = concat(picks.map((i) => pieces[i]!));
        const bytes = bom ? concat([Uint8Array.of(0xef, 0xbb, 0xbf), text]) : text;
        const result = decodeBytes(bytes);
        // What follows a leading BOM (which may also come from the pieces).
        const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        if (body.length === 0) return assert.deepEqual(result, { ok: false, problem: 'empty' });
        assert.equal(!result.ok && result.problem === 'binary', countedBinary(body), 'binary');
        if (result.ok && result.encoding === 'utf-8') assert.equal(result.text, new TextDecoder('utf-8', { ignoreBOM: true }).decode(body));
      }),
      { numRuns: 3000 },
    );
  });

  it('a valid UTF-8 article with nine control characters in 100 bytes is binary; with eight it is text', () => {
    const text = utf8('1标题.txt\n<div><span> 会议指出，要加强统筹，推动高质量发展。</span></div>');
    const withControls = (n: number): Uint8Array => concat([text, new Uint8Array(n).fill(0x01), new Uint8Array(Math.max(0, 100 - text.length - n)).fill(0x61)]);
    assert.deepEqual(decodeBytes(withControls(9)), { ok: false, problem: 'binary' });
    assert.equal(decodeBytes(withControls(8)).ok, true);
  });

  it('each byte below 0x20, nine times in a valid UTF-8 article: binary exactly where the byte count says so', () => {
    const text = utf8('1标题.txt\n<div><span> 会议指出，要加强统筹，推动高质量发展。</span></div>');
    for (let b = 1; b < 0x20; b++) {
      const bytes = concat([text, new Uint8Array(9).fill(b)]);
      assert.equal(decodeBytes(bytes).ok, !countedBinary(bytes), `byte 0x${b.toString(16)}`);
    }
  });
});
