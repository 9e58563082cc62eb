// Tokenizes the seed articles with the real TextMate engine VS Code uses (vscode-textmate +
// vscode-oniguruma) and checks what a reader of the editor sees: which text is a title, a
// list index, a tag, an entity, embedded CSS, an image placeholder, or plain paragraph text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { parseTitleLine } from '../../src/core/title';

/** The repository root: the nearest folder above this file that holds the grammar. */
function findRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'syntaxes', 'article.tmLanguage.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`syntaxes/article.tmLanguage.json not found above ${__dirname}`);
    dir = up;
  }
}

const root = findRoot();
const grammarPath = path.join(root, 'syntaxes', 'article.tmLanguage.json');

/**
 * VS Code's CSS grammar is not available offline. This stand-in has the two repository entries the
 * article grammar includes (`source.css#rule-list-innards` for property names and `;`,
 * `source.css#property-values` for values), so the tests can see that the style value is handed to CSS.
 */
const cssStub = {
  scopeName: 'source.css',
  patterns: [{ include: '#rule-list-innards' }],
  repository: {
    'rule-list-innards': {
      patterns: [
        { match: '(?<![-a-zA-Z])[-a-zA-Z]+(?=\\s*:)', name: 'support.type.property-name.css' },
        { match: ';', name: 'punctuation.terminator.rule.css' },
      ],
    },
    'property-values': {
      patterns: [{ match: '(?<![\\w.])[0-9.]+(?:px|em|%)?', name: 'constant.numeric.css' }],
    },
  },
};

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

interface Line {
  readonly text: string;
  readonly tokens: readonly Token[];
}

let grammar: vsctm.IGrammar;

/** Tokenizes a document line by line as VS Code does: BOM dropped, CRLF or LF as line ends. */
function tokenize(source: string): Line[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n/);
  let state: vsctm.StateStack = vsctm.INITIAL;
  return lines.map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    return {
      text,
      tokens: result.tokens.map((t) => ({
        text: text.slice(t.startIndex, Math.min(t.endIndex, text.length)),
        start: t.startIndex,
        end: Math.min(t.endIndex, text.length),
        scopes: t.scopes,
      })),
    };
  });
}

/** Line `n` (0-based) of `lines`: fails the test, rather than reading `undefined`, when the document is shorter. */
function lineAt(lines: readonly Line[], n: number): Line {
  const line = lines[n];
  assert.ok(line, `the document has no line ${n + 1} (it has ${lines.length})`);
  return line;
}

function seed(name: string): string {
  return fs.readFileSync(path.join(root, 'seeds', name), 'utf8');
}

const tokenized = new Map<string, Line[]>();

/** The tokenized lines of a seed (tokenized once, on first use inside a test). */
function seedLines(name: string): Line[] {
  let lines = tokenized.get(name);
  if (!lines) {
    lines = tokenize(seed(name));
    tokenized.set(name, lines);
  }
  return lines;
}

/** The tokens of `line` that overlap the `occurrence`-th appearance of `needle` in it. */
function tokensOf(line: Line, needle: string, occurrence = 0): Token[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = line.text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${occurrence}) not found in line: ${line.text.slice(0, 80)}`);
  }
  const end = at + needle.length;
  return line.tokens.filter((t) => t.start < end && t.end > at);
}

function hasScope(token: Token, scope: string): boolean {
  return token.scopes.some((s) => s === scope || s.split(' ').includes(scope) || s.startsWith(scope + '.'));
}

/** Every token covering `needle` carries a scope equal to or below `scope`. */
function assertScope(line: Line, needle: string, scope: string, occurrence = 0): void {
  for (const token of tokensOf(line, needle, occurrence)) {
    assert.ok(hasScope(token, scope), `"${token.text}" in "${needle}" lacks ${scope}: ${token.scopes.join(' ')}`);
  }
}

/** No token covering `needle` carries `scope`. */
function assertNoScope(line: Line, needle: string, scope: string, occurrence = 0): void {
  for (const token of tokensOf(line, needle, occurrence)) {
    assert.ok(!hasScope(token, scope), `"${token.text}" in "${needle}" has ${scope}: ${token.scopes.join(' ')}`);
  }
}

/** The texts of all tokens on `line` carrying `scope`. */
function textsWith(line: Line, scope: string): string[] {
  return line.tokens.filter((t) => hasScope(t, scope)).map((t) => t.text);
}

const INDEX = 'constant.numeric.list-index.article';
const TITLE = 'markup.heading.title.article';
const SUFFIX = 'comment.suffix.article';
const TAG = 'entity.name.tag';
const ATTR = 'entity.other.attribute-name';
const ENTITY = 'constant.character.entity';
const TEXT = 'meta.paragraph.text.article';
// A comment scope: every theme colours it, and it says what a placeholder is (not text).
const PLACEHOLDER = 'comment.line.image-placeholder.article';
const CSS = 'source.css';
const EMBEDDED = 'meta.embedded.line.css';
const TAG_NAMES = new Set([
  'div', 'span', 'p', 'br', 'strong', 'b', 'a', 'h2', 'font', 'i', 'em', 'u', 'img', 'sub', 'sup',
  'table', 'tr', 'td', 'ul', 'ol', 'li', 'hr', 'center', 'section', 'article',
]);

describe('article grammar', () => {
  before(async () => {
    // A variable, not a literal: esbuild would otherwise try to bundle the wasm path.
    const wasmPath: string = 'vscode-oniguruma/release/onig.wasm';
    const wasm = fs.readFileSync(require.resolve(wasmPath));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: (scopeName: string) => {
        if (scopeName === 'text.html.article') {
          return Promise.resolve(vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath));
        }
        if (scopeName === 'source.css') return Promise.resolve(vsctm.parseRawGrammar(JSON.stringify(cssStub), 'css.json'));
        return Promise.resolve(null);
      },
    });
    const loaded = await registry.loadGrammar('text.html.article');
    assert.ok(loaded, 'grammar did not load');
    grammar = loaded;
  });

  describe('title line', () => {
    it('splits the real seed into list index, title and .txt suffix', () => {
      const lines = tokenize(seed('000_5edd2806a98033fb.txt'));
      const line1 = lineAt(lines, 0);
      const line2 = lineAt(lines, 1);
      assert.deepEqual(textsWith(line1, INDEX), ['227']);
      assert.equal(textsWith(line1, TITLE).join(''), '河南省“不忘初心、牢记使命”主题教育工作会议召开');
      assert.deepEqual(textsWith(line1, SUFFIX), ['.txt']);
      assert.deepEqual(textsWith(line2, TITLE), [], 'line 2 is body, not title');
      assert.deepEqual(textsWith(line2, INDEX), []);
    });

    it('scopes a scraper title line (variant A)', () => {
      const line1 = lineAt(tokenize(seed('001_variant-a-seed-form.txt')), 0);
      assert.deepEqual(textsWith(line1, INDEX), ['58']);
      assert.equal(textsWith(line1, TITLE).join(''), '云川市召开优化营商环境工作推进会');
      assert.deepEqual(textsWith(line1, SUFFIX), ['.txt']);
    });

    it('takes a bare title line whole, with no index and no suffix (variant B)', () => {
      const line1 = lineAt(tokenize(seed('002_variant-b-block-style.txt')), 0);
      assert.deepEqual(textsWith(line1, INDEX), []);
      assert.deepEqual(textsWith(line1, SUFFIX), []);
      assert.equal(textsWith(line1, TITLE).join(''), '青禾县启动2024年农村人居环境整治提升行动');
    });

    it('keeps a year that starts the title in the title (12023年… is index 1)', () => {
      const line1 = lineAt(tokenize(seed('014_title-begins-with-year.txt')), 0);
      assert.deepEqual(textsWith(line1, INDEX), ['1']);
      assert.equal(textsWith(line1, TITLE).join(''), '2023年前三季度云川市经济运行情况');
    });

    it('keeps 5G in the title behind an index (35G… is index 3)', () => {
      const line1 = lineAt(tokenize(seed('015_title-5g-with-index.txt')), 0);
      assert.deepEqual(textsWith(line1, INDEX), ['3']);
      assert.ok(textsWith(line1, TITLE).join('').startsWith('5G基站'));
    });

    it('takes no index from a bare title that starts with 5G', () => {
      const line1 = lineAt(tokenize(seed('016_title-5g-bare-block-style.txt')), 0);
      assert.deepEqual(textsWith(line1, INDEX), []);
      assert.equal(textsWith(line1, TITLE).join(''), '5G+工业互联网融合应用现场推进会在云川召开');
    });

    it('ends the title where the body starts on the same line (variant C)', () => {
      const line1 = lineAt(tokenize(seed('003_variant-c-title-runs-into-body.txt')), 0);
      assert.deepEqual(textsWith(line1, INDEX), ['103']);
      assert.equal(textsWith(line1, TITLE).join(''), '云川市出台支持民营经济高质量发展若干措施');
      assert.deepEqual(textsWith(line1, SUFFIX), ['.txt']);
      assertScope(line1, 'div', TAG);
      assertNoScope(line1, '<div>', TITLE);
      assertScope(line1, 'font-size:16px', CSS);
      assertScope(line1, '为进一步激发民营经济发展活力', TEXT);
    });

    it('ends a bare title where a block-style body starts on the same line (B + C)', () => {
      const line1 = lineAt(tokenize(seed('004_variant-bc-bare-title-runs-into-body.txt')), 0);
      assert.deepEqual(textsWith(line1, INDEX), []);
      assert.deepEqual(textsWith(line1, SUFFIX), []);
      assert.equal(textsWith(line1, TITLE).join(''), '省政府常务会议研究部署安全生产和森林防灭火工作');
      assertScope(line1, 'display:block', EMBEDDED);
    });

    it('splits odd title lines the way the parser does', () => {
      const samples = [
        '2019年工作报告.txt',
        '352019年工作报告.txt',
        '35G基站建设提速.txt',
        '5G基站建设提速.txt',
        '5GHz频段.txt',
        '123.txt',
        '7标题.TXT',
        '  8 标题 .txt  ',
        '2024年春节通知',
        '12 青禾县新闻',
      ];
      for (const sample of samples) {
        const line1 = lineAt(tokenize(sample), 0);
        const index = textsWith(line1, INDEX).join('');
        const expected = parseTitleLine(sample);
        assert.equal(index === '' ? null : Number(index), expected.listIndex, `index of "${sample}"`);
        assert.equal(textsWith(line1, TITLE).join('').trim(), expected.title, `title of "${sample}"`);
      }
    });

    it('tolerates a BOM that was not stripped', () => {
      const lines = seed('012_variant-j-utf8-bom-crlf.txt');
      assert.equal(lines.charCodeAt(0), 0xfeff);
      const end = lines.indexOf('\r\n');
      assert.ok(end > 0, 'the seed has CRLF line ends');
      const result = grammar.tokenizeLine(lines.slice(0, end), vsctm.INITIAL);
      const tokens = result.tokens.map((t) => lines.slice(t.startIndex, t.endIndex));
      assert.equal(tokens[1], '88', 'the index follows the BOM');
    });
  });

  describe('HTML markup', () => {
    const body = (): Line => lineAt(seedLines('001_variant-a-seed-form.txt'), 1);

    it('scopes tag names and tag punctuation', () => {
      assertScope(body(), 'div', TAG);
      assertScope(body(), 'span', TAG);
      assertScope(body(), '<', 'punctuation.definition.tag.begin.html');
      assertScope(body(), '</', 'punctuation.definition.tag.begin.html');
      assertScope(body(), '>', 'punctuation.definition.tag.end.html');
      assertScope(body(), "<span style='", 'meta.tag.start.article');
    });

    it('embeds the style value as CSS, single-quoted', () => {
      assertScope(body(), 'style', ATTR);
      const value = 'font-size:16px;margin-top:15px;line-height:25px;text-indent:30px';
      assertScope(body(), value, EMBEDDED);
      assertScope(body(), value, CSS);
      assertScope(body(), 'font-size', 'support.type.property-name.css');
      assertScope(body(), '16px', 'meta.property-value.css');
      assertScope(body(), '16px', 'constant.numeric.css');
      assertScope(body(), ';', 'punctuation.terminator.rule.css');
      assertScope(body(), "'", 'punctuation.definition.string.begin.html');
      assertNoScope(body(), "'", CSS);
    });

    it('ends the CSS at the closing quote even without a final semicolon', () => {
      // text-indent:30px' : the last value has no ';', yet the quote, '>' and the text are not CSS.
      assertScope(body(), '30px', 'meta.property-value.css');
      assertNoScope(body(), "'> 　　3月12日", CSS);
      const at = body().text.indexOf("'> 　　3月12日");
      const quote = body().tokens.find((t) => t.start === at);
      assert.ok(quote && quote.text === "'" && hasScope(quote, 'punctuation.definition.string.end.html'));
      assertNoScope(body(), '会议指出', CSS);
      assertNoScope(body(), '&nbsp;', CSS);
    });

    it('embeds the style value as CSS, double-quoted and with upper-case properties', () => {
      const lines = tokenize(seed('011_variant-i-other-markup.txt'));
      assertScope(lineAt(lines, 1), 'TEXT-INDENT: 2em', CSS);
      assertScope(lineAt(lines, 2), 'text-indent:2em;', EMBEDDED);
      assertNoScope(lineAt(lines, 2), '"', CSS);
    });

    it('scopes named entities', () => {
      assertScope(body(), '&nbsp;', ENTITY);
      assertScope(body(), '&', 'punctuation.definition.entity.html');
    });

    it('scopes paragraph text as text, not markup', () => {
      assertScope(body(), '3月12日，云川市召开优化营商环境工作推进会', TEXT);
      assertNoScope(body(), '3月12日', TAG);
    });
  });

  describe('variant I: other markup', () => {
    const all = (needle: string): Line => {
      const line = seedLines('011_variant-i-other-markup.txt').find((l) => l.text.includes(needle));
      assert.ok(line, `no line holds "${needle}"`);
      return line;
    };

    it('recognises upper-case tags and attributes', () => {
      assertScope(all('<P style'), 'P', TAG);
      assertScope(all('<A HREF'), 'A', TAG);
      assertScope(all('<A HREF'), 'HREF', ATTR);
      assertScope(all('<BR/>'), 'BR', TAG);
      assertScope(all('<BR/>'), '/>', 'punctuation.definition.tag.end.html');
    });

    it('marks link targets and other attribute values', () => {
      assertScope(all('<A HREF'), 'http://www.example.com/yunchuan/zwgk/tzgg/', 'markup.underline.link.article');
      assertScope(all('target='), '"_blank"', 'string.quoted.double.html');
      assertScope(all('align='), 'align', ATTR);
      assertScope(all('align='), '"right"', 'string.quoted.double.html');
    });

    it('scopes &quot; &amp; and numeric entities', () => {
      assertScope(all('&quot;'), '&quot;', 'constant.character.entity.named.article');
      assertScope(all('&amp;'), '&amp;', ENTITY);
      assertScope(all('&#8220;'), '&#8220;', 'constant.character.entity.numeric.decimal.article');
      assertScope(all('&#x2014;'), '&#x2014;', 'constant.character.entity.numeric.hexadecimal.article');
    });

    it('shows <strong> and <b> content bold, and only that', () => {
      assertScope(all('<strong>'), '坚持人民至上 守牢安全底线', 'markup.bold.article');
      const line = all('<b>');
      assertScope(line, '严格落实安全生产责任制', 'markup.bold.article');
      assertNoScope(line, '加强对人员密集场所', 'markup.bold.article');
      assertScope(line, 'b', TAG, 1);
    });

    it('shows <h2> content as a heading', () => {
      assertScope(all('<h2>'), '一、切实做好节日市场保供稳价工作', 'markup.heading.article');
      assertScope(all('<h2>'), 'h2', TAG);
    });

    it('scopes <br> as a tag inside a paragraph', () => {
      assertScope(all('<br>值班电话'), 'br', TAG);
      assertScope(all('<br>值班电话'), '值班电话', TEXT);
    });
  });

  describe('variant F: unescaped text', () => {
    const body = (): Line => lineAt(seedLines('008_variant-f-unescaped-text.txt'), 1);

    it('does not read <注> as a tag', () => {
      assertNoScope(body(), '<注>', TAG);
      assertNoScope(body(), '<注>', 'meta.tag.start.article');
      assertScope(body(), '<注>获奖名单', TEXT);
    });

    it('does not read 当a<b时 or x<5 as tags', () => {
      assertNoScope(body(), '当a<b时', TAG);
      assertScope(body(), '当a<b时', TEXT);
      assertNoScope(body(), 'x<5且x>2', TAG);
      assertScope(body(), 'x<5且x>2', TEXT);
      assertScope(body(), '<<义务教育课程方案>>', TEXT);
    });

    it('does not read the & of A&B公司 as an entity', () => {
      assertNoScope(body(), 'A&B公司', ENTITY);
      assertScope(body(), 'A&B公司', TEXT);
    });

    it('recovers: the markup after such text is still markup', () => {
      const after = body().text.indexOf('哪个大');
      const close = body().tokens.find((t) => t.start > after && t.text === 'span');
      assert.ok(close && hasScope(close, TAG));
      for (const t of body().tokens) {
        if (hasScope(t, TAG)) assert.ok(TAG_NAMES.has(t.text.toLowerCase()), `unexpected tag "${t.text}"`);
      }
    });

    it('ends a start tag at a stray < so text misread as a tag cannot swallow the body', () => {
      const line = lineAt(tokenize(`标题\n<div><span> 　　当x<b 时，</span></div><div>&nbsp;</div>`), 1);
      assertScope(line, 'span', TAG, 1);
      assertScope(line, 'div', TAG, 2);
      assertScope(line, '&nbsp;', ENTITY);
    });
  });

  describe('variant E: image placeholders', () => {
    function checkPlaceholders(lines: Line[], first: number): void {
      for (let i = first; i < first + 3; i++) {
        const line = lineAt(lines, i);
        assertScope(line, line.text, PLACEHOLDER);
        assertNoScope(line, line.text, TEXT);
      }
      assertScope(lineAt(lines, first + 1), '这里有图片', 'markup.italic.image-placeholder.label.article');
      assertScope(lineAt(lines, first + 3), 'div', TAG);
      assertScope(lineAt(lines, first - 1), '&nbsp;', ENTITY);
    }

    it('scopes the three placeholder lines in an HTML file', () => {
      const lines = tokenize(seed('006_variant-ae-image-placeholder-html.txt'));
      assert.equal(lines.length, 6);
      checkPlaceholders(lines, 2);
    });

    it('scopes them in a CRLF file with a BOM (variant J)', () => {
      const lines = tokenize(seed('012_variant-j-utf8-bom-crlf.txt'));
      assert.equal(lines.length, 6);
      assert.deepEqual(textsWith(lineAt(lines, 0), INDEX), ['88']);
      checkPlaceholders(lines, 2);
    });

    it('scopes a placeholder glued to the spacer before it, as the scraper writes it', () => {
      const dashes = '-'.repeat(40) + ' ';
      const lines = tokenize(
        `1标题.txt\n<div><span style='x'> 　　第一段。</span></div><div>&nbsp;</div>${dashes}\n-------------------这里有图片------------ \n${dashes}\n<div><span style='x'> 　　第二段。</span></div>`,
      );
      assertScope(lineAt(lines, 1), dashes, PLACEHOLDER);
      assertNoScope(lineAt(lines, 1), dashes, TEXT);
      assertScope(lineAt(lines, 1), '&nbsp;', ENTITY);
      assertScope(lineAt(lines, 1), '第一段。', TEXT);
      for (const line of [lineAt(lines, 2), lineAt(lines, 3)]) assertScope(line, line.text, PLACEHOLDER);
      assertScope(lineAt(lines, 2), '这里有图片', 'markup.italic.image-placeholder.label.article');
      assertScope(lineAt(lines, 4), '第二段。', TEXT);
      assertNoScope(lineAt(lines, 4), '第二段。', PLACEHOLDER);
    });

    it('leaves dashes inside a paragraph text', () => {
      const lines = tokenize(`1标题.txt\n<div><span style='x'> 比分是3----------1</span></div>`);
      assertNoScope(lineAt(lines, 1), '3----------1', PLACEHOLDER);
    });

    it('scopes them in a plain-text file', () => {
      const lines = tokenize(seed('007_variant-de-image-placeholder-plain.txt'));
      for (const line of [2, 3, 4].map((i) => lineAt(lines, i))) assertScope(line, line.text, PLACEHOLDER);
      assertScope(lineAt(lines, 5), '图为丰收节开幕式现场。', TEXT);
      const before = lineAt(lines, 1);
      assertNoScope(before, before.text, PLACEHOLDER);
    });
  });

  describe('variants D, G, H: plain text, broken paragraphs, empty paragraphs', () => {
    it('tokenizes a plain-text article as title plus text only (variant D)', () => {
      const lines = tokenize(seed('005_variant-d-plain-text.txt'));
      assert.deepEqual(textsWith(lineAt(lines, 0), INDEX), ['76']);
      for (const line of lines.slice(1)) {
        assertScope(line, line.text, TEXT);
        assert.deepEqual(textsWith(line, TAG), []);
      }
    });

    it('keeps the continuation lines of a broken paragraph as text (variant G)', () => {
      const lines = tokenize(seed('009_variant-g-broken-paragraphs.txt'));
      const cjk = lines.find((l) => l.text.startsWith('透，'));
      assert.ok(cjk);
      assertScope(cjk, '透，成为推动产业转型升级的重要力量。', TEXT);
      assertScope(cjk, 'span', TAG);
      const latin = lines.find((l) => l.text.startsWith('Road”'));
      assert.ok(latin);
      assertScope(latin, 'Road”国际合作圆桌会', TEXT);
      assertNoScope(latin, 'Road', TITLE);
      const before = lines.find((l) => l.text.endsWith('Digital Silk'));
      assert.ok(before);
      assertScope(before, '“Digital Silk', TEXT);
    });

    it('scopes an empty paragraph as markup around one space (variant H)', () => {
      const body = lineAt(tokenize(seed('010_variant-h-empty-paragraphs.txt')), 1);
      const empty = "<div><span style='font-size:16px;margin-top:15px;line-height:25px;text-indent:30px'> </span></div>";
      const at = body.text.indexOf(empty);
      assert.ok(at > 0);
      const space = body.tokens.find((t) => t.start === at + empty.indexOf("'> ") + 2);
      assert.ok(space && space.text === ' ' && hasScope(space, TEXT));
    });
  });

  describe('variant J: encodings', () => {
    it('tokenizes a GB18030 file once decoded', () => {
      const bytes = fs.readFileSync(path.join(root, 'seeds', '013_variant-j-gb18030.txt'));
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file is not UTF-8');
      const lines = tokenize(new TextDecoder('gb18030').decode(bytes));
      const line1 = lineAt(lines, 0);
      const body = lineAt(lines, 1);
      assert.deepEqual(textsWith(line1, INDEX), ['5']);
      assert.equal(textsWith(line1, TITLE).join(''), '青禾县举行2023年度“最美家乡人”颁奖典礼');
      assertScope(body, 'font-size', CSS);
    });
  });

  describe('every seed', () => {
    const names = fs
      .readdirSync(path.join(root, 'seeds'))
      .filter((n) => n.endsWith('.txt') && !n.includes('gb18030'));

    it('has seeds to check', () => {
      assert.ok(names.length >= 10);
    });

    for (const name of names) {
      it(`${name}: title scopes only on line 1, tags only for known tag names`, () => {
        const lines = tokenize(seed(name));
        assert.ok(textsWith(lineAt(lines, 0), TITLE).join('').length > 0, 'line 1 has a title');
        lines.forEach((line, i) => {
          if (i > 0) assert.deepEqual(textsWith(line, TITLE), [], `line ${i + 1} has no title scope`);
          for (const t of line.tokens) {
            if (hasScope(t, TAG)) assert.ok(/^(?:[a-z]+[1-6]?|o:p)$/i.test(t.text), `"${t.text}" is no tag name`);
          }
        });
      });
    }
  });
});
