// The test-article generator itself (test/support/generate.ts): determinism, sizes and that
// every FORMAT.md variant comes out with its mark. The parser is tested elsewhere.
import * as assert from 'node:assert/strict';
import {
  chineseNumeral,
  createRng,
  generateArticle,
  generateBigArticle,
  generateCorpus,
  IMAGE_PLACEHOLDER,
  INDENT,
  SEED_STYLE,
  VARIANTS,
  type GeneratedArticle,
  type Variant,
} from '../support/generate';

/** Line 2 onward (for `inline`, everything after the title line). */
function bodyOf(article: GeneratedArticle): string {
  return article.text.slice(article.expectedTitleLine.length);
}

/** What makes each variant that variant, checked on the generated text. */
const MARKS: Record<Variant, (a: GeneratedArticle) => boolean> = {
  A: (a) => a.text.split('\n').length === 2 && bodyOf(a).startsWith(`\n<div><span style='${SEED_STYLE}'> ${INDENT}`),
  B: (a) => a.expectedListIndex === null && !a.expectedTitleLine.endsWith('.txt') && a.text.includes(';display:block'),
  C: (a) => !a.text.includes('\n') && bodyOf(a).startsWith('<div><span'),
  D: (a) => !a.text.includes('<') && a.text.split('\n').slice(1).every((line) => line.startsWith('  ') || !line.startsWith(' ')),
  E: (a) => a.images > 0 && a.text.includes(IMAGE_PLACEHOLDER.join(a.eol)),
  F: (a) => a.expectedParagraphs.some((p) => /[&<>]/.test(p)),
  G: (a) => a.text.split('\n').length > 2 && a.expectedParagraphs.every((p) => !p.includes('\n')),
  H: (a) => a.emptyParagraphs > 0 && a.text.includes("'> </span></div>"),
  I: (a) => /<(p|P|h\d)[ >]/.test(a.text) && /&(amp|quot|lt|gt|#\d+|#x[0-9a-fA-F]+);|<br|<strong|<b>|<a |<[A-Z]/.test(a.text),
  J: (a) => (a.eol === '\r\n' ? a.text.includes('\r\n') && !/[^\r]\n/.test(a.text) : a.eol === '\r' && a.text.includes('\r') && !a.text.includes('\n')),
  K: (a) => a.expectedParagraphs.some((p) => /^[\u2003\u00a0 ]|[\s\u00a0\u3000]$/.test(p)) && /\u2003|&nbsp;|&emsp;|&#12288;|\u00a0| {3}|\u3000[^\u3000]/.test(a.text),
  L: (a) => a.expectedParagraphs.some((p) => /<\/?(div|b|p|span|table)>/.test(p)) && a.text.includes('<div><span'),
  M: (a) => a.language !== 'zh' && !/[\u4e00-\u9fff]/.test(a.expectedTitle + a.expectedParagraphs.join('')) === (a.language === 'en'),
};

describe('test article generator', () => {
  it('is deterministic: same seed and options, same article; another seed, another article', () => {
    for (const variant of VARIANTS) {
      const a = generateArticle(42, { variant });
      const b = generateArticle(createRng(42), { variant });
      assert.deepEqual(a, b, variant);
      assert.notEqual(generateArticle(43, { variant }).text, a.text, variant);
    }
    assert.deepEqual(generateCorpus(7, 20), generateCorpus(7, 20));
  });

  it('makes a corpus whose articles depend only on the seed and their position', () => {
    const short = generateCorpus(9, 5);
    const long = generateCorpus(9, 30);
    assert.deepEqual(long.slice(0, 5), short);
    assert.deepEqual(
      long.map((a) => a.variant),
      long.map((_, i) => VARIANTS[i % VARIANTS.length]),
    );
    for (const entry of long) assert.match(entry.name, /^\d{3}_[0-9a-f]{16}\.txt$/);
    assert.equal(new Set(long.map((a) => a.name)).size, long.length);
    assert.deepEqual(
      generateCorpus(9, 6, { variants: ['D', 'I'] }).map((a) => a.variant),
      ['D', 'I', 'D', 'I', 'D', 'I'],
    );
  });

  it('produces every variant with its mark, over many seeds', () => {
    for (const variant of VARIANTS) {
      for (let seed = 0; seed < 40; seed++) {
        const a = generateArticle(seed, { variant });
        assert.equal(a.variant, variant);
        assert.ok(MARKS[variant](a), `variant ${variant}, seed ${seed}:\n${a.text.slice(0, 600)}`);
      }
    }
  });

  it('covers the layouts and title forms the variants allow', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      for (const variant of ['C', 'D', 'E', 'I', 'J'] as const) {
        const a = generateArticle(seed, { variant });
        const form = a.expectedListIndex !== null ? 'indexed' : a.expectedTitleLine.endsWith('.txt') ? 'named' : 'bare';
        seen.add(`${variant}:${a.layout}:${form}`);
      }
    }
    for (const variant of ['K', 'M'] as const) {
      for (let seed = 0; seed < 60; seed++) seen.add(`${variant}:${generateArticle(seed, { variant }).layout}`);
    }
    for (let seed = 0; seed < 60; seed++) {
      const m = generateArticle(seed, { variant: 'M' });
      seen.add(`M:${m.language}`);
      const j = generateArticle(seed, { variant: 'J' });
      seen.add(`J:${JSON.stringify(j.eol)}`);
    }
    for (const key of ['K:seed', 'K:block', 'K:plain', 'M:seed', 'M:block', 'M:inline', 'M:plain', 'M:en', 'M:ja', 'J:"\\r"', 'J:"\\r\\n"']) assert.ok(seen.has(key), key);
    for (const key of ['C:inline:indexed', 'C:inline:bare', 'D:plain:indexed', 'D:plain:named', 'D:plain:bare', 'E:seed:indexed', 'E:plain:indexed', 'I:markup:indexed', 'I:markup:bare', 'J:seed:indexed', 'J:plain:indexed']) {
      assert.ok(seen.has(key), key);
    }
  });

  it('keeps the oracle consistent with the text', () => {
    for (const a of generateCorpus(3, 200)) {
      const { text } = a;
      assert.ok(text.startsWith(a.expectedTitleLine), a.name);
      if (a.expectedListIndex !== null) assert.equal(a.expectedTitleLine, `${a.expectedListIndex}${a.expectedTitle}.txt`);
      assert.equal(a.expectedHeadings.length, a.expectedParagraphs.length);
      assert.equal(a.expectedBlocks.filter((b) => b.type === 'image').length, a.images);
      assert.equal(a.expectedBlocks.length, a.expectedParagraphs.length + a.images);
      for (const p of a.expectedParagraphs) assert.ok(p.trim() !== '', `${a.name}: empty paragraph in the oracle`);
      for (const b of a.expectedBlocks) if (b.type !== 'image') assert.ok(!b.text.startsWith(INDENT), a.name);
      // Without markup (I) and markup newlines (G, and D's continuation lines), a paragraph is written as it reads.
      if (a.layout !== 'markup' && a.layout !== 'plain' && a.variant !== 'G' && a.variant !== 'K' && a.variant !== 'M') {
        for (const p of a.expectedParagraphs) assert.ok(text.includes(p), `${a.name}: ${p}`);
      }
      if (a.eol === '\n') assert.ok(!text.includes('\r'), a.name);
      for (const b of a.expectedBlocks) if (b.type !== 'image') assert.equal(b.text, b.text.trim(), `${a.name}: clean text has no white space at its ends`);
    }
  });

  it('writes the number of paragraphs asked for, headings in order of their levels', () => {
    for (const variant of VARIANTS) {
      for (const paragraphs of [1, 2, 5, 40]) {
        if (paragraphs === 1 && variant === 'E') continue; // an image needs a paragraph on each side
        const a = generateArticle(paragraphs, { variant, paragraphs });
        assert.equal(a.expectedParagraphs.length, paragraphs, `${variant} ${paragraphs}`);
        assert.equal(a.expectedHeadings[a.expectedHeadings.length - 1], null, 'never ends on a heading');
      }
    }
    const flat = generateArticle(5, { paragraphs: 30, headings: false });
    assert.ok(flat.expectedHeadings.every((h) => h === null));
    const sectioned = generateArticle(5, { paragraphs: 200 });
    const numbered = sectioned.expectedParagraphs.filter((_, i) => sectioned.expectedHeadings[i] !== null);
    assert.ok(numbered.length > 10);
    assert.ok(numbered.some((h) => h.startsWith(`${INDENT}一、`)));
  });

  it('refuses combinations FORMAT.md does not describe', () => {
    assert.throws(() => generateArticle(1, { variant: 'I', images: 1 }));
    assert.throws(() => generateArticle(1, { variant: 'D', unescaped: true }));
    assert.throws(() => generateArticle(1, { variant: 'I', emptyParagraphs: 1 }));
    assert.throws(() => generateArticle(1, { variant: 'E', images: 3, paragraphs: 3 }));
    assert.throws(() => generateArticle(1, { variant: 'E', paragraphs: 1 }));
  });

  it('writes the image placeholder exactly', () => {
    assert.deepEqual(IMAGE_PLACEHOLDER, [
      '---------------------------------------- ',
      '-------------------这里有图片------------ ',
      '---------------------------------------- ',
    ]);
  });

  it('writes Chinese numerals', () => {
    const cases: Array<[number, string]> = [
      [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [20, '二十'], [99, '九十九'],
      [100, '一百'], [101, '一百零一'], [110, '一百一十'], [999, '九百九十九'],
    ];
    for (const [n, expected] of cases) assert.equal(chineseNumeral(n), expected);
  });

  it('makes the 15 MB seed-form benchmark article', () => {
    const big = generateBigArticle();
    const bytes = Buffer.byteLength(big.text, 'utf8');
    assert.ok(bytes > 14_000_000 && bytes < 16_500_000, `${bytes} bytes`);
    assert.equal(big.expectedParagraphs.length, 20000);
    const lines = big.text.split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], '227全省推动高质量发展工作会议召开.txt');
    assert.equal(generateBigArticle(50).text, generateBigArticle(50).text);
  });
});

describe('test corpus generator: the GB18030 share (the export bench\'s second corpus)', () => {
  it('UTF-8 by default; with a share, about that share of the articles in GB18030, the same ones every time, the texts unchanged', () => {
    const plain = generateCorpus(7, 400);
    assert.ok(plain.every((entry) => entry.encoding === 'utf-8'));
    const mixed = generateCorpus(7, 400, { gb18030: 0.7 });
    const share = mixed.filter((entry) => entry.encoding === 'gb18030').length / mixed.length;
    assert.ok(share > 0.6 && share < 0.8, `share ${share}`);
    assert.deepEqual(generateCorpus(7, 400, { gb18030: 0.7 }).map((e) => e.encoding), mixed.map((e) => e.encoding));
    assert.deepEqual(mixed.map((e) => e.text), plain.map((e) => e.text));
  });
});

