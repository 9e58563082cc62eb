import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isArticleText, isProse, splitLines } from '../../src/core/detect';
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

const STYLE = 'font-size:16px;margin-top:15px;line-height:25px;text-indent:30px';
const p = (text: string): string => `<div><span style='${STYLE}'> ${text}</span></div><div>&nbsp;</div>`;

/** Articles in other languages, exactly in the scrapers' forms (FORMAT.md, variant M). */
const FOREIGN: Record<string, string> = {
  'English, seed form': `12City council approves new budget.txt\n${p('\u2003\u2003The city council approved the budget on Monday.')}${p('\u2003\u2003The mayor said the plan would cut waiting times.')}`,
  'English, block style, bare title': `City council approves new budget\n<div><span style='${STYLE};display:block'> The council met on Monday.</span></div><div>&nbsp;</div>`,
  'English, title runs into the body': `12City council approves new budget.txt${p('The council met on Monday.')}`,
  'English, plain text': '12City council approves new budget.txt\n  The city council approved the budget on Monday,\nafter a long debate.\n  The mayor said the plan would cut waiting times.',
  'English, plain text, bare title': 'City council approves new budget\n  The city council approved the budget on Monday.\n  The mayor welcomed it.',
  'English, with an image placeholder glued on': `3Flood defences opened.txt\n${p('The defences opened today.')}---------------------------------------- \n-------------------这里有图片------------ \n---------------------------------------- \n${p('They cost two million pounds.')}`,
  'Japanese, seed form, kana-only title': `5ニュース.txt\n${p('\u3000東京都は新たな支援策を発表した。')}${p('\u3000対象は約一万世帯となる。')}`,
  'Japanese, plain text': '5ニュースまとめ.txt\n  東京都は新たな支援策を発表した。\n  対象は約一万世帯となる。',
  'Japanese, CR line ends': `5ニュース.txt\r${p('東京都は新たな支援策を発表した。')}`,
};

/** Text files that are not articles, in any language. */
const NOT_ARTICLES: Record<string, string> = {
  'a Markdown README': '# article-tools\n\nTools for articles.\n\n## Install\n\n    npm install article-tools\n\n<p align="center">logo</p>\n',
  'a plain README with indented commands': 'Article tools\n=============\n\nInstall it with:\n\n  npm install article-tools\n  npm test\n\nSee LICENSE for the terms.\n',
  'a README whose body starts with indented commands': 'Usage\n  article-tools export DIR --format json\n  article-tools outline FILE\n',
  'a CSV': 'file,listIndex,title,bytes\n001_a.txt,58,City council approves budget,2283\n002_b.txt,,Flood defences opened,1522\n',
  'a list of file names': '001_city-council.txt\n002_flood-defences.txt\n003_budget.txt\n',
  'a log': '2024-03-13 09:12:44 INFO  crawl started\n2024-03-13 09:12:51 WARN  fetch timeout after 30s (retry 1/3)\n2024-03-13 09:13:58 INFO  crawl finished: 5 saved, 0 failed\n',
  'a log with a stack trace': 'Error: fetch failed\n  at fetchPage (crawler.js:12:5)\n  at main (crawler.js:40:3)\n',
  'a Python traceback': 'Traceback (most recent call last):\n  File "crawl.py", line 3, in <module>\n    main()\nNameError: name main is not defined\n',
  'prose text': 'Dear team,\n\nThe meeting moves to Friday. Please bring the glossary.\n\nThanks,\nLi\n',
  'Chinese prose': '会议纪要\n今天讨论了预算。\n下周再议。\n',
  'code': 'function f() {\n  return 1;\n}\n',
  'YAML': 'crawler:\n  start: http://example.com/\n  pages: 5\n',
  'an HTML document': '<!DOCTYPE html>\n<html><body><p>Hello, world.</p></body></html>\n',
};

describe('isArticleText: by structure, not by language', () => {
  for (const [what, text] of Object.entries(FOREIGN)) {
    it(`${what} is an article`, () => assert.equal(isArticleText(text), true));
  }
  for (const [what, text] of Object.entries(NOT_ARTICLES)) {
    it(`${what} is not an article`, () => assert.equal(isArticleText(text), false));
  }

  it('a folder export (the CLI) takes the English and Japanese articles and skips the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-detect-'));
    try {
      writeFileSync(join(dir, 'en.txt'), FOREIGN['English, seed form']!);
      writeFileSync(join(dir, 'ja.txt'), FOREIGN['Japanese, plain text']!);
      writeFileSync(join(dir, 'readme.txt'), NOT_ARTICLES['a plain README with indented commands']!);
      const run = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), 'export', dir, '--format', 'jsonl'], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
      const titles = run.stdout.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { title: string }).title);
      assert.deepEqual(titles.sort(), ['City council approves new budget', 'ニュースまとめ']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('isArticleText: HTML bodies that open with other markup', () => {
  it('a body that starts with <br>, <strong> or a comment before its paragraphs', () => {
    for (const start of ['<br>', '<strong>导读</strong>', '<!-- 正文 -->']) {
      assert.equal(isArticleText(`7标题.txt\n${start}<div><span style='x'> 　　正文第一段。</span></div><div>&nbsp;</div>`), true, start);
    }
  });
});

describe('isArticleText: its fast helpers answer as the regexes they replace', () => {
  /** isProse as it was written first: the letters matched by a regex, the rest by another. */
  function proseByRegex(text: string): boolean {
    const t = text.trim();
    if (t.length < 2 || !/[.!?。！？…．｡」』”"’'）：:；]$/u.test(t)) return false;
    const visible = t.replace(/\s+/g, '').length;
    return (t.match(/\p{L}/gu)?.length ?? 0) * 2 >= visible;
  }
  const units = [...'会议指出。，：ab Z9.!?…「」　\u00a0\u2003\t\r\n\u2028\ufeff\u0301١٢كلمة한국어ｶﾅ😀𠀀\ud800\udc00'.split(''), '\ud840\udc00', '\ud83d\ude00', '\ud800', '\udc00'];

  it('isProse: the same answer as counting with \\p{L} and \\s regexes, over random texts of every script, spaces and lone surrogates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.equal(isProse(text), proseByRegex(text), JSON.stringify(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('splitLines: the same lines as split(/\\r\\n|\\r|\\n/, limit)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '会', ' ', '\r', '\n', '\r\n', '\n\r'), { maxLength: 30 }), fc.integer({ min: 0, max: 10 }), (parts, limit) => {
        const text = parts.join('');
        assert.deepEqual(splitLines(text, limit), text.split(/\r\n|\r|\n/, limit));
      }),
      { numRuns: 5000 },
    );
  });
});
