import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isArticleText } from '../../src/core/detect';
import { generateArticle, mixSeed, VARIANTS } from '../support/generate';
import { readSeed, repoRoot, seedNames } from '../support/seeds';

describe('isArticleText', () => {
  for (const name of seedNames()) {
    it(`seed ${name} is an article`, () => assert.equal(isArticleText(readSeed(name)), true));
  }

  const fixtures = join(repoRoot(), 'test', 'fixtures');
  for (const name of readdirSync(fixtures).filter((n) => n.startsWith('not-article'))) {
    it(`fixture ${name} is not an article`, () => assert.equal(isArticleText(readFileSync(join(fixtures, name), 'utf8')), false));
  }

  it('plain prose, lists and code are not articles', () => {
    for (const text of ['', 'hello', 'TODO\n- buy milk\n- 买菜', 'function f() {\n  return 1;\n}\n', '会议记录\n\n今天讨论了三个问题。\n第一，预算。']) {
      assert.equal(isArticleText(text), false, JSON.stringify(text));
    }
  });
});

describe('isArticleText over generated articles', () => {
  it('every variant, 3,000 articles (plain text with many continuation lines included)', () => {
    const missed: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const variant = VARIANTS[i % VARIANTS.length]!;
      const g = generateArticle(mixSeed(0xde7ec7, i), { variant, ...(variant === 'D' && i % 3 === 0 ? { paragraphs: 25, brokenLines: true } : {}) });
      if (!isArticleText(g.text)) missed.push(`${variant} #${i}`);
    }
    assert.deepEqual(missed, []);
  });
});
