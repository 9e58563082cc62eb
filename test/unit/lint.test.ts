/**
 * The lint's rules, each with an article that has the problem and one that has not; what their
 * fixes do; settings; and the seeds (the real, clean seed has no warning or error).
 */
import * as assert from 'node:assert/strict';
import { applyLintEdits, fixAll, fixEdits, lintArticle, RULES, RULE_CODES, type Problem, type RuleCode, type RuleSettings } from '../../src/core/lint';
import { parseArticle } from '../../src/core/parse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeed, repoRoot, seedNames } from '../support/seeds';

const STYLE = 'font-size:16px;margin-top:15px;line-height:25px;text-indent:30px';
const para = (text: string, style = STYLE): string => `<div><span style='${style}'> ${text}</span></div><div>&nbsp;</div>`;
/** A seed-form article (variant A) with these paragraph texts. */
const article = (...texts: string[]): string => `1标题.txt\n${texts.map((t) => para(t)).join('')}`;
const plain = (...lines: string[]): string => `标题\n${lines.join('\n')}`;

function problems(source: string, code?: RuleCode, settings?: RuleSettings): Problem[] {
  return lintArticle(parseArticle(source), settings).filter((p) => code === undefined || p.code === code);
}

/** The text after fixing every problem of one rule. */
function fixed(source: string, code: RuleCode): string {
  return applyLintEdits(source, fixEdits(problems(source), code));
}

const texts = (source: string): string[] => parseArticle(source).blocks.filter((b) => b.kind === 'paragraph' && b.text !== '').map((b) => b.text);

describe('lint rules', () => {
  it('has eleven rules, each with a unique code and a section in docs/rules.md (the diagnostics link to it)', () => {
    assert.deepEqual(RULES.map((r) => r.code), [...RULE_CODES]);
    const headings = readFileSync(join(repoRoot(), 'docs', 'rules.md'), 'utf8').split('\n').filter((line) => line.startsWith('## ')).map((line) => /^## `([a-z-]+)`$/.exec(line)?.[1]);
    assert.deepEqual(headings, [...RULE_CODES]);
  });

  describe('unescaped-text', () => {
    it('finds raw &, < and > in text, one problem per piece of tag-like text, and escapes them', () => {
      const source = article('　　华信A&B公司协办。', '　　当a<b时，x<5。', '　　落实<<义务教育课程方案>>的要求。', '　　<注>本文数据为初步核算数。');
      const found = problems(source, 'unescaped-text');
      assert.deepEqual(found.map((p) => source.slice(p.start, p.end)), ['&', '<', '<', '<<义务教育课程方案>>', '<注>']);
      assert.deepEqual(found[3]!.args, ['<<义务教育课程方案>>', '&lt;&lt;义务教育课程方案&gt;&gt;']);
      const after = fixed(source, 'unescaped-text');
      assert.match(after, /A&amp;B公司/);
      assert.match(after, /&lt;注&gt;本文/);
      assert.deepEqual(texts(after), texts(source), 'the clean text stays the same');
      assert.deepEqual(problems(after, 'unescaped-text'), []);
    });

    it('leaves markup, entities, escaped text and plain-text articles alone', () => {
      assert.deepEqual(problems(article('　　A&amp;B，&lt;注&gt;，<strong>加粗</strong>，&#8220;引号&#8221;，<br>换行。'), 'unescaped-text'), []);
      assert.deepEqual(problems(plain('  A&B公司 x<5 <注>'), 'unescaped-text'), []);
    });
  });

  describe('empty-paragraph', () => {
    it('finds an empty span and removes it with its spacer', () => {
      const source = article('　　第一段。', '', '　　第二段。');
      const found = problems(source, 'empty-paragraph');
      assert.equal(found.length, 1);
      assert.equal(fixed(source, 'empty-paragraph'), article('　　第一段。', '　　第二段。'));
    });

    it('removes an empty paragraph on a line of its own with its line end', () => {
      const source = `标题\n${para('　　一。')}\n${para('')}\n${para('　　二。')}`;
      assert.equal(fixed(source, 'empty-paragraph'), `标题\n${para('　　一。')}\n${para('　　二。')}`);
    });

    it('says nothing about paragraphs with text, spacers or image placeholders', () => {
      assert.deepEqual(problems(readSeed('006_variant-ae-image-placeholder-html.txt'), 'empty-paragraph'), []);
      assert.deepEqual(problems(article('　　一。'), 'empty-paragraph'), []);
    });
  });

  describe('broken-paragraph', () => {
    it('finds markup line breaks in the text and joins them as the clean text does', () => {
      const source = article('　　各领域渗\n透，成为力量。', '　　“Digital Silk\nRoad”圆桌会。');
      const found = problems(source, 'broken-paragraph');
      assert.equal(found.length, 2);
      const after = fixed(source, 'broken-paragraph');
      assert.match(after, /各领域渗透，/);
      assert.match(after, /Digital Silk Road/);
      assert.deepEqual(texts(after), texts(source));
    });

    it('joins continuation lines of plain-text articles', () => {
      const source = plain('  第一段，', '接着写。', '  第二段。');
      assert.equal(problems(source, 'broken-paragraph').length, 1);
      assert.equal(fixed(source, 'broken-paragraph'), plain('  第一段，接着写。', '  第二段。'));
    });

    it('leaves line breaks next to <br>, and markup laid out on lines, alone', () => {
      assert.deepEqual(problems(readSeed('011_variant-i-other-markup.txt'), 'broken-paragraph'), []);
      assert.deepEqual(problems(article('　　值班电话：1234<br>\n传真：5678'), 'broken-paragraph'), []);
    });
  });

  describe('style-drift', () => {
    it('finds the paragraph whose markup differs from the file’s usual one, and gives it the usual markup', () => {
      const odd = `<div><span style='${STYLE};display:block'> 　　第三段。</span></div><div>&nbsp;</div>`;
      const source = article('　　第一段。', '　　第二段。') + odd + para('　　第四段。');
      const found = problems(source, 'style-drift');
      assert.equal(found.length, 1);
      assert.equal(source.slice(found[0]!.start, found[0]!.end), odd.slice(0, odd.indexOf('<div>&nbsp;')));
      assert.deepEqual(found[0]!.fix, [{ start: source.indexOf(';display:block'), end: source.indexOf(';display:block') + ';display:block'.length, text: '' }]);
      assert.equal(fixed(source, 'style-drift'), article('　　第一段。', '　　第二段。', '　　第三段。', '　　第四段。'));
    });

    it('wraps a paragraph written without the usual element', () => {
      const source = `标题\n${para('　　一。')}${para('　　二。')}<p>　　三。</p>`;
      const after = fixed(source, 'style-drift');
      assert.equal(after, `标题\n${para('　　一。')}${para('　　二。')}<div><span style='${STYLE}'> 　　三。</span></div>`);
      assert.deepEqual(texts(after), texts(source));
    });

    it('is quiet for a consistent file, even one that is not canonical, and for <hN> headings', () => {
      assert.deepEqual(problems(readSeed('002_variant-b-block-style.txt'), 'style-drift'), []);
      assert.deepEqual(problems(`标题\n<h2>一、总体要求</h2><p>正文。</p><p>正文二。</p>`, 'style-drift'), []);
    });
  });

  describe('image-placeholder', () => {
    it('gives information for each placeholder, with no fix', () => {
      const found = problems(readSeed('006_variant-ae-image-placeholder-html.txt'), 'image-placeholder');
      assert.equal(found.length, 1);
      assert.equal(found[0]!.severity, 'info');
      assert.equal(found[0]!.fix, undefined);
      assert.deepEqual(problems(article('　　没有图片。'), 'image-placeholder'), []);
    });
  });

  describe('duplicate-paragraph', () => {
    it('finds the later copy of a paragraph (whatever its indent) and removes it', () => {
      const source = article('　　第一段。', '　　第二段。', '第一段。', '　　第三段。');
      const found = problems(source, 'duplicate-paragraph');
      assert.equal(found.length, 1);
      assert.deepEqual(found[0]!.args, [1]);
      assert.equal(fixed(source, 'duplicate-paragraph'), article('　　第一段。', '　　第二段。', '　　第三段。'));
    });

    it('is quiet when every paragraph differs, and for section headings that repeat', () => {
      assert.deepEqual(problems(readSeed('017_speech-sections-outline.txt'), 'duplicate-paragraph'), []);
      assert.deepEqual(problems(article('一、东部', '（一）主要成效', '　　正文一。', '二、西部', '（一）主要成效', '　　正文二。'), 'duplicate-paragraph'), []);
    });
  });

  describe('halfwidth-punctuation', () => {
    it('finds , ; : ? ! between CJK characters and brackets around CJK text, and writes them full-width', () => {
      const source = article('　　会议指出:要抓好落实,确保实效;你说呢?', '　　国内生产总值(GDP)增长，地区(东部)领先。');
      const found = problems(source, 'halfwidth-punctuation');
      assert.deepEqual(found.map((p) => source.slice(p.start, p.end)), [':', ',', ';', '?', '(GDP)', '(东部)']);
      assert.equal(texts(fixed(source, 'halfwidth-punctuation')).join('|'), '　　会议指出：要抓好落实，确保实效；你说呢？|　　国内生产总值（GDP）增长，地区（东部）领先。');
    });

    it('leaves Latin text, numbers, times, markup and entities alone', () => {
      const source = article('　　Hello, world: yes (really)! 10:30, 1,000元。', "　　<span style='color:red'>红色</span>和&#8220;引号&#8221;。", '　　GDP(Gross Domestic Product)。');
      assert.deepEqual(problems(source, 'halfwidth-punctuation'), []);
    });
  });

  describe('mojibake', () => {
    it('is an error at U+FFFD, saying to reopen the file as GB18030', () => {
      const found = problems(article('　　青禾县举行\uFFFD\uFFFD颁奖典礼。'), 'mojibake');
      assert.equal(found.length, 1);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.message, 'mojibake-replacement');
      assert.equal(found[0]!.fix, undefined);
    });

    it('finds UTF-8 punctuation read as GBK', () => {
      assert.equal(problems(article('　　浼氳锛屽紑骞曘€傞锛屽'), 'mojibake')[0]?.message, 'mojibake-garbled');
    });

    it('is quiet for every seed, the GB18030 one included', () => {
      for (const name of seedNames()) assert.deepEqual(problems(readSeed(name), 'mojibake'), [], name);
    });
  });

  describe('unclosed-markup', () => {
    it('finds an inline element that never closes and a close that never opened', () => {
      const source = article('　　严格落实<strong>安全生产责任制。', '　　已经结束</b>了。');
      const found = problems(source, 'unclosed-markup');
      assert.deepEqual(found.map((p) => [p.message, source.slice(p.start, p.end)]), [['unclosed-element', '<strong>'], ['unopened-close', '</b>']]);
      assert.ok(found.every((p) => p.fix === undefined));
    });

    it('finds a <div> that never closes and a stray </div>', () => {
      const source = `标题\n${para('　　一。')}</div><div><span style='x'> 　　二。</span>`;
      const found = problems(source, 'unclosed-markup');
      assert.deepEqual(found.map((p) => [p.message, source.slice(p.start, p.end)]), [['unopened-close', '</div>'], ['unclosed-element', '<div>']]);
    });

    it('is quiet for well-formed markup, wrappers and void elements', () => {
      assert.deepEqual(problems(readSeed('011_variant-i-other-markup.txt'), 'unclosed-markup'), []);
      assert.deepEqual(problems(`标题\n<div class="content"><p>一<br>二<img src="a.png"/></p><p>三</p></div>`, 'unclosed-markup'), []);
    });
  });

  describe('page-furniture', () => {
    it('finds editor and source lines and the page’s controls, as information, and removes them', () => {
      const furniture = ['责任编辑：张三', '【纠错】', '分享到：', '扫一扫在手机打开当前页', '【打印本页】 【关闭窗口】', '(完)', '来源：云川日报', '原标题：云川召开大会'];
      const source = article('　　正文第一段。', ...furniture.map((f) => '　　' + f));
      const found = problems(source, 'page-furniture');
      assert.equal(found.length, furniture.length);
      assert.ok(found.every((p) => p.severity === 'info'));
      assert.deepEqual(found.map((p) => p.args[0]), furniture);
      assert.equal(fixed(source, 'page-furniture'), article('　　正文第一段。'));
    });

    it('leaves prose that mentions such words alone', () => {
      const source = article('　　记者从市委宣传部获悉，编辑部来源于群众的稿件增多。', '　　会议结束后，他关闭窗口，打印本页材料。');
      assert.deepEqual(problems(source, 'page-furniture'), []);
    });
  });

  describe('other-indent', () => {
    it('finds em spaces, &nbsp; and ASCII spaces as an indent and writes 　　 instead', () => {
      const source = article('\u2003\u2003正文一。', '&nbsp;&nbsp;&nbsp;&nbsp;正文二。', '\u00a0\u00a0正文三。', '  正文四。');
      const found = problems(source, 'other-indent');
      assert.deepEqual(found.map((p) => p.args[0]), ['U+2003×2', 'U+00A0×4', 'U+00A0×2', 'U+0020×2']);
      assert.deepEqual(texts(fixed(source, 'other-indent')), ['　　正文一。', '　　正文二。', '　　正文三。', '　　正文四。']);
    });

    it('leaves 　　, no indent, the scraper’s one space and plain text’s two-space lines alone', () => {
      assert.deepEqual(problems(article('　　一。', '二。', '　　　　三。'), 'other-indent'), []);
      assert.deepEqual(problems(readSeed('005_variant-d-plain-text.txt'), 'other-indent'), []);
    });
  });
});

describe('lint settings and seeds', () => {
  it('article.lint.rules turns a rule off or gives it another severity', () => {
    const source = article('　　A&B公司。', '');
    assert.deepEqual(problems(source).map((p) => `${p.code}:${p.severity}`), ['unescaped-text:warning', 'empty-paragraph:warning']);
    assert.deepEqual(problems(source, undefined, { 'unescaped-text': 'off', 'empty-paragraph': 'error', bogus: 'info' }).map((p) => `${p.code}:${p.severity}`), ['empty-paragraph:error']);
  });

  it('the real seed has no warning or error', () => {
    assert.deepEqual(problems(readSeed('000_5edd2806a98033fb.txt')).filter((p) => p.severity !== 'info'), []);
  });

  it('each quirky seed shows its quirk', () => {
    const codes = (name: string): string[] => [...new Set(problems(readSeed(name)).map((p) => p.code))];
    assert.deepEqual(codes('005_variant-d-plain-text.txt'), ['broken-paragraph']);
    assert.deepEqual(codes('006_variant-ae-image-placeholder-html.txt'), ['image-placeholder']);
    assert.deepEqual(codes('008_variant-f-unescaped-text.txt'), ['unescaped-text']);
    assert.deepEqual(codes('009_variant-g-broken-paragraphs.txt'), ['broken-paragraph']);
    assert.deepEqual(codes('010_variant-h-empty-paragraphs.txt'), ['empty-paragraph']);
    assert.deepEqual(codes('011_variant-i-other-markup.txt'), ['style-drift']);
  });

  it('fixAll fixes every rule of a quirky seed in rounds and keeps its text', () => {
    for (const name of ['008_variant-f-unescaped-text.txt', '009_variant-g-broken-paragraphs.txt', '010_variant-h-empty-paragraphs.txt', '011_variant-i-other-markup.txt']) {
      const source = readSeed(name);
      const after = fixAll(source, parseArticle);
      assert.deepEqual(problems(after).filter((p) => p.fix !== undefined), [], name);
      assert.deepEqual(texts(after), texts(source), name);
    }
  });
});
