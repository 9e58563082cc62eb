/**
 * A deterministic generator of article files in every variant of FORMAT.md (A–M), for tests
 * and benchmarks.
 *
 * Each generated article comes with its oracle: the title, the list index and the clean text of
 * every paragraph as FORMAT.md defines it. The generator only writes what FORMAT.md decides
 * unambiguously; where the format leaves a choice open (a markup newline next to a digit or a
 * punctuation mark, `&nbsp;` inside text, `5G` right after a list index, whitespace-only spans),
 * it does not generate the case at all, so the oracle can be trusted as it is.
 *
 * Everything is driven by a seeded PRNG ({@link createRng}); the same seed and options always
 * give the same text.
 */

// ---------------------------------------------------------------------------------------------
// PRNG

/** A seeded pseudo-random source (mulberry32). */
export interface Rng {
  /** A float in `[0, 1)`. */
  next(): number;
  /** An integer in `[min, max]` (both inclusive). */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (probability: number): boolean => next() < probability,
  };
}

/** Mixes two integers into a new seed (so article `i` of a corpus does not depend on the others). */
export function mixSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Public types

/** The variants of FORMAT.md's table. */
export const VARIANTS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * How the body is written:
 * - `seed`: the scraper's `<div><span style='…'> TEXT</span></div><div>&nbsp;</div>`, body on line 2 (A);
 * - `block`: the same with `;display:block` at the end of the style (B);
 * - `inline`: seed markup running straight on from line 1, no line end at all (C);
 * - `plain`: no HTML, one paragraph a line starting with two ASCII spaces (D);
 * - `markup`: hand-edited HTML, `<p>`, `<hN>`, `<strong>`, entities, upper-case tags (I).
 */
export type BodyLayout = 'seed' | 'block' | 'inline' | 'plain' | 'markup';

/**
 * How line 1 is written: `indexed` = `N` + title + `.txt` (the seed), `named` = title + `.txt`,
 * `bare` = the title alone.
 */
export type TitleForm = 'indexed' | 'named' | 'bare';

export type Language = 'zh' | 'en' | 'ja';

export interface GenerateOptions {
  /** The FORMAT.md variant; `'A'` by default. It picks the layout and the features below. */
  variant?: Variant;
  /** Overrides the variant's body layout. */
  layout?: BodyLayout;
  /** Number of non-empty paragraphs, headings included (= `expectedParagraphs.length`). Default 4–14. */
  paragraphs?: number;
  /** Sentences in a body paragraph, `[min, max]`; default `[2, 8]` (the seed averages ~300 characters). */
  sentences?: readonly [number, number];
  /** Section headings (`一、` `（一）` `1.` `（1）`) between the paragraphs; default true. */
  headings?: boolean;
  titleForm?: TitleForm;
  /** The list index of an `indexed` line 1; default random 1–999. */
  listIndex?: number;
  /** A fixed title (it must suit the title form: no leading digits unless `bare`). */
  title?: string;
  /** Image placeholders (E); `seed`, `block` and `plain` layouts only. */
  images?: number;
  /** Raw `&`, `<`, `>` in the text (F); `seed`, `block` and `inline` layouts only. */
  unescaped?: boolean;
  /** Newlines from the page's markup inside paragraphs (G; in `plain`, continuation lines). Not in `markup`. */
  brokenLines?: boolean;
  /** Empty `<span> </span>` paragraphs (H); `seed`, `block` and `inline` layouts only. */
  emptyParagraphs?: number;
  /** CRLF line ends (J). */
  crlf?: boolean;
  /** CR line ends alone (J, rarely); wins over `crlf`. */
  cr?: boolean;
  /** Image placeholders whose first dash line follows the line before, as the scraper wrote them (E). */
  gluedImages?: boolean;
  /** Indents in other spaces (em spaces, `&nbsp;`/U+00A0 runs, ASCII spaces) and white space at paragraphs' ends (K). */
  otherIndents?: boolean;
  /** Tag-like text that is not markup, at most one a paragraph (`an empty <div> was`, `a<b>c`); scraper layouts only (L). */
  tagLike?: boolean;
  /** The article's language (M): Chinese by default; English and Japanese articles come without section headings. */
  language?: Language;
  /** A line end after the last line; default false (the seed has none), random for `markup`. */
  finalNewline?: boolean;
}

/** One block of the JSON export (FORMAT.md): texts without the `　　` indent. */
export type ExpectedBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'heading'; readonly level: number; readonly text: string }
  | { readonly type: 'image' };

export interface GeneratedArticle {
  readonly variant: Variant;
  readonly layout: BodyLayout;
  /** The file's text, as decoded (no BOM). */
  readonly text: string;
  /** Line 1 without its line end (for `inline`, without the HTML running on from it). */
  readonly expectedTitleLine: string;
  readonly expectedTitle: string;
  readonly expectedListIndex: number | null;
  /**
   * The text of every non-empty paragraph in order as the parser's blocks hold it: clean text
   * with the white space at its ends (the indent, trailing spaces) as written, entities decoded.
   */
  readonly expectedParagraphs: string[];
  /** Parallel to `expectedParagraphs`: the heading level FORMAT.md gives the paragraph, or null. */
  readonly expectedHeadings: (number | null)[];
  /** The blocks of the JSON export: paragraphs and headings as clean text (no white space at their ends), and images. */
  readonly expectedBlocks: ExpectedBlock[];
  /** Number of image placeholders. */
  readonly images: number;
  /** Number of empty paragraphs (H), which are not in `expectedParagraphs`. */
  readonly emptyParagraphs: number;
  readonly eol: '\n' | '\r\n' | '\r';
  readonly language: Language;
}

// ---------------------------------------------------------------------------------------------
// Constants of the format

/** The style attribute of the seed's spans. */
export const SEED_STYLE = 'font-size:16px;margin-top:15px;line-height:25px;text-indent:30px';
/** Two ideographic spaces: the indent the pages' paragraphs start with. */
export const INDENT = '\u3000\u3000';
const INDENT_CHARS = INDENT;
/** The three lines the scraper wrote for a picture (each with a trailing space). */
export const IMAGE_PLACEHOLDER = [
  '-'.repeat(40) + ' ',
  '-'.repeat(19) + '这里有图片' + '-'.repeat(12) + ' ',
  '-'.repeat(40) + ' ',
] as const;

// ---------------------------------------------------------------------------------------------
// Vocabulary (written for this generator; names and figures are invented)

const PROVINCES = ['河南省', '江苏省', '浙江省', '四川省', '广东省', '山东省', '湖北省', '湖南省', '安徽省', '陕西省'];
const CITIES = ['郑州市', '南京市', '杭州市', '成都市', '广州市', '济南市', '武汉市', '长沙市', '合肥市', '西安市', '洛阳市', '苏州市'];
const SCOPES = ['全省', '全市', '全区', '我省', '我市', '各地', '全县'];
const ORGANS = [
  '省委', '省政府', '市委', '市政府', '省委常委会', '市委常委会', '省政协', '省人大常委会', '省发展改革委',
  '省统计局', '省委组织部', '市委宣传部', '省工业和信息化厅', '省农业农村厅', '市生态环境局',
];
const GROUPS = [
  '各级党委（党组）', '有关部门', '省直各单位', '各地各部门', '广大党员干部', '各级领导干部', '各市县', '相关企业',
];
const OFFICIALS = [
  '省委书记李建华', '省长王志刚', '市委书记赵文明', '市长陈海涛', '副省长孙立新', '省政协主席刘德胜',
  '省委副书记周晓峰', '常务副市长吴国平', '省委常委、秘书长郑宏伟', '市委副书记黄振东',
];
const SURNAMES = ['李建华', '王志刚', '赵文明', '陈海涛', '孙立新', '刘德胜', '周晓峰', '吴国平'];
const SPEECH_VERBS = ['强调', '指出', '要求', '表示', '认为', '提出'];
const MEETINGS = [
  '全体（扩大）会议', '常务会议', '专题学习会', '工作推进会', '新闻发布会', '座谈会', '动员部署会', '理论学习中心组学习会',
  '现场观摩会', '工作会议',
];
const GOALS = [
  '高质量发展', '深化改革', '乡村振兴', '科技创新', '生态文明建设', '营商环境', '新型城镇化', '共同富裕', '数字经济',
  '新质生产力', '全面从严治党', '安全生产', '民生保障', '基层治理', '对外开放', '产业转型升级', '文化繁荣发展',
  '黄河流域生态保护', '粮食安全', '就业优先', '教育强省建设', '城乡融合发展', '制造业数字化转型', '防范化解重大风险',
  '污染防治攻坚', '重大项目建设', '人才强省战略', '医疗卫生服务', '作风建设', '法治政府建设',
];
const ACTIONS = [
  '推动', '深化', '坚持', '加快', '持续推进', '着力抓好', '全面落实', '扎实推进', '统筹推进', '不断完善', '切实加强',
  '大力发展', '积极稳妥推进', '奋力推进', '聚焦',
];
const EFFECTS = [
  '取得新成效', '迈出新步伐', '实现新突破', '展现新作为', '开创新局面', '取得明显进展', '呈现良好态势',
];
const QUOTES = [
  '“不忘初心、牢记使命”', '“四个意识”', '“四个自信”', '“两个维护”', '“放管服”', '“最多跑一次”', '“一带一路”',
  '“十四五”', '“三农”', '“双碳”', '“一网通办”',
];
const MANNERS = ['坚定不移', '扎扎实实', '一以贯之', '久久为功', '锲而不舍', '真抓实干'];
const CONNECTORS = ['同时，', '此外，', '与此同时，', '为此，', '另一方面，', '总体来看，', '下一步，'];
const SECTORS = ['规模以上工业', '高技术制造业', '现代服务业', '社会消费品零售', '固定资产投资', '进出口总额', '数字经济核心产业'];
/** Technologies a city "integrates with" an industry. */
const TECHNOLOGIES = ['5G', 'AI', 'IPv6', 'App', '北斗', '物联网', '大数据'];
/** Indicators, with what they are said to do. */
const INDICATORS = ['PMI', 'CPI', 'PPI'];
/** Latin phrases with one ASCII space between words: where variant G breaks a line between Latin words. */
const LATIN_PHRASES = ['Smart City', 'Made in China', 'Belt and Road', 'Open Day', 'World Expo', 'Digital China'];
const REASONS = ['为民服务', '提高政治能力', '增强发展动力', '守住安全底线', '推动工作落实', '回应群众关切'];

/** Sentences with raw `&`, `<`, `>` (variant F); their clean text is the sentence itself. */
const UNESCAPED_SENTENCES: ReadonlyArray<(rng: Rng) => string> = [
  (rng) => `其中，A&B公司完成投资${rng.int(2, 98)}亿元。`,
  (rng) => `R&D经费投入强度达到${rng.int(1, 3)}.${rng.int(1, 9)}%。`,
  () => '对x<5的情形，仍按原标准执行。',
  () => '具体口径见<注>。',
  () => '<注>：本文数据均为初步核算数。',
  () => '当a<b时，按较低的标准执行。',
  (rng) => `增速>${rng.int(5, 15)}%的行业有${rng.int(3, 20)}个。`,
  () => 'P&G等外资企业追加了在本地的投资。',
];

/** Section-heading phrases, put after a section number or standing alone as a bold or `<hN>` heading. */
const HEADING_PHRASES = [
  '总体要求', '主要成效', '重点任务', '保障措施', '深刻认识重大意义', '准确把握目标要求', '加强组织领导',
  '坚持稳中求进工作总基调', '切实保障和改善民生', '加强党的全面领导', '强化督导考核', '营造良好氛围',
];

function percent(rng: Rng): string {
  return `${rng.int(1, 15)}.${rng.int(0, 9)}%`;
}

function goal(rng: Rng): string {
  return rng.pick(GOALS);
}

/** Body sentences. None starts with a section number, so no body paragraph reads as a heading. */
const SENTENCES: ReadonlyArray<(rng: Rng) => string> = [
  (rng) => `${rng.int(1, 12)}月${rng.int(1, 28)}日，${rng.pick(ORGANS)}召开${rng.pick(MEETINGS)}，研究部署${goal(rng)}工作。`,
  (rng) => `${rng.pick(OFFICIALS)}出席会议并讲话，${rng.pick(SURNAMES)}主持会议。`,
  (rng) => `会议${rng.pick(SPEECH_VERBS)}，要${rng.pick(ACTIONS)}${goal(rng)}，${rng.pick(ACTIONS)}${goal(rng)}，确保各项任务落地见效。`,
  (rng) => `${rng.pick(SURNAMES)}在讲话中${rng.pick(SPEECH_VERBS)}，${rng.pick(GROUPS)}要把思想和行动统一到中央决策部署上来，${rng.pick(MANNERS)}抓好${goal(rng)}。`,
  (rng) => `${rng.int(2015, 2024)}年，${rng.pick(SCOPES)}地区生产总值（GDP）达到${rng.int(1000, 9999)}.${rng.int(1, 9)}亿元，同比增长${percent(rng)}。`,
  (rng) => `${rng.pick(SECTORS)}增加值增长${percent(rng)}，其中${rng.pick(SECTORS)}增长${percent(rng)}。`,
  (rng) => `全年新建5G基站${rng.int(1000, 60000)}个，${rng.pick(CITIES)}实现城区全覆盖。`,
  (rng) => `${rng.pick(CITIES)}推动${rng.pick(TECHNOLOGIES)}与${rng.pick(SECTORS)}深度融合，培育了一批“专精特新”企业。`,
  (rng) => `${rng.int(1, 12)}月份，制造业${rng.pick(INDICATORS)}为${rng.int(48, 52)}.${rng.int(0, 9)}%，比上月${rng.pick(['上升', '下降'])}${rng.int(1, 9)}个百分点。`,
  (rng) => `全年新增PPP项目${rng.int(5, 80)}个，带动社会投资${rng.int(10, 900)}亿元。`,
  (rng) => `CPU、GPU等关键芯片的本地配套率提高到${rng.int(20, 80)}%，CPI同比上涨${rng.int(0, 3)}.${rng.int(0, 9)}%。`,
  (rng) => `要把${rng.pick(QUOTES)}体现到具体行动上，在${goal(rng)}上${rng.pick(EFFECTS)}。`,
  (rng) => `${rng.pick(CONNECTORS)}${rng.pick(GROUPS)}要${rng.pick(ACTIONS)}${goal(rng)}，着力解决群众急难愁盼问题。`,
  (rng) => `居民人均可支配收入${rng.int(20000, 60000)}元，比上年增长${percent(rng)}。`,
  (rng) => `${rng.pick(PROVINCES)}坚持以${goal(rng)}为引领，${rng.pick(ACTIONS)}${goal(rng)}，${goal(rng)}${rng.pick(EFFECTS)}。`,
  (rng) => `${rng.pick(GROUPS)}要${rng.pick(MANNERS)}地${rng.pick(ACTIONS)}${goal(rng)}，在${rng.pick(REASONS)}上见到实效。`,
  (rng) => `截至${rng.int(1, 12)}月底，${rng.pick(SCOPES)}累计完成投资${rng.int(100, 9999)}亿元，占年度计划的${rng.int(40, 99)}%。`,
  (rng) => `举办“${rng.pick(LATIN_PHRASES)}”主题活动${rng.int(2, 30)}场，吸引${rng.int(2, 90)}万人次参与。`,
  (rng) => `${rng.pick(ORGANS)}印发《关于${rng.pick(ACTIONS)}${goal(rng)}的实施意见》，提出${rng.int(10, 40)}条具体措施。`,
  (rng) => `政务服务事项“一网通办”率达到${rng.int(85, 99)}%，企业开办时间压缩至${rng.int(1, 3)}个工作日以内。`,
];

/** A sentence with a Latin phrase (so variant G has a space between Latin words to break). */
function latinPhraseSentence(rng: Rng): string {
  return `以“${rng.pick(LATIN_PHRASES)}”为主题的展览在${rng.pick(CITIES)}开幕。`;
}

// ---------------------------------------------------------------------------------------------
// Real pages (variants K, L, M)

/** Tag-like text that is not markup (L): no sentence closes what another opens, and at most one goes in a paragraph. */
const TAG_LIKE_SENTENCES: readonly string[] = [
  '原网页中一个空的<div>无法辨认。',
  '公式写作a<b>c，其中b为常数。',
  '页面源码里多出一个</b>标记。',
  '编辑在此处保留了<p>标记。',
  '<span>内的文字已经丢失。',
  '表格原本用<table>排版。',
  'The page said an empty <div> was illegible.',
  '<注>以上数据为快报数。',
];

/** Indents of other sites (K): `[as written in HTML, as written in plain text, as the clean text reads]`. */
const OTHER_INDENTS: ReadonlyArray<readonly [string, string, string]> = [
  ['\u2003\u2003', '\u2003\u2003', '\u2003\u2003'],
  ['&nbsp;&nbsp;&nbsp;&nbsp;', '\u00a0\u00a0\u00a0\u00a0', '\u00a0\u00a0\u00a0\u00a0'],
  ['\u00a0\u00a0', '\u00a0\u00a0', '\u00a0\u00a0'],
  ['    ', '    ', '    '],
  ['&emsp;&emsp;', '\u2003\u2003', '\u2003\u2003'],
  ['&#12288;&#12288;', '\u3000\u3000', '\u3000\u3000'],
  [INDENT_CHARS, INDENT_CHARS, INDENT_CHARS],
  ['', '', ''],
];
/** Invisible white space at a paragraph's end (K), in the same three forms. */
const TRAILING_SPACES: ReadonlyArray<readonly [string, string, string]> = [
  ['', '', ''],
  [' ', ' ', ' '],
  ['&nbsp;', '\u00a0', '\u00a0'],
  ['\u00a0', '\u00a0', '\u00a0'],
  ['\u3000', '\u3000', '\u3000'],
  [' \u00a0\u3000', ' \u00a0\u3000', ' \u00a0\u3000'],
];

const EN_TITLES = [
  'City council approves new budget', 'Flood defences opened along the river', 'New rail line cuts journey times',
  'Schools prepare for the new term', 'Harbour district plans new park', 'Local firms report strong exports',
];
const EN_PLACES = ['Riverton', 'Eastfield', 'Northbridge', 'Lakeside', 'Westmoor'];
const EN_SENTENCES: ReadonlyArray<(rng: Rng) => string> = [
  (rng) => `The city council of ${rng.pick(EN_PLACES)} approved the plan on Monday.`,
  (rng) => `Officials said the work would take about ${rng.int(2, 9)} months.`,
  (rng) => `The mayor told reporters that ${rng.int(100, 900)} homes would benefit.`,
  (rng) => `Residents of ${rng.pick(EN_PLACES)} welcomed the news at a public meeting.`,
  () => 'Critics said the cost was too high, but the vote passed easily.',
  (rng) => `Exports rose by ${rng.int(1, 15)} percent in the first quarter.`,
  () => 'Work on the second stage is expected to begin next spring.',
  (rng) => `A spokesperson for ${rng.pick(EN_PLACES)} said more details would follow.`,
];
const JA_TITLES = ['ニュース速報', '東京都、新たな支援策を発表', '新しい鉄道路線が開業', 'スポーツ大会が開幕', '地元企業の輸出が増加'];
const JA_SENTENCES: ReadonlyArray<(rng: Rng) => string> = [
  () => '東京都は新たな子育て支援策を発表した。',
  (rng) => `対象は約${rng.int(2, 9)}万世帯となる見込みだ。`,
  () => '知事は記者会見で「早期の実施を目指す」と述べた。',
  (rng) => `工事は${rng.int(2, 12)}月に始まる予定である。`,
  () => 'ニュースの詳細は後日発表される。',
  () => '住民からは歓迎の声が上がった。',
];

// ---------------------------------------------------------------------------------------------
// Titles

type TitleKind = 'plain' | 'year' | 'digitG';

function makeTitle(rng: Rng, kind: TitleKind): string {
  switch (kind) {
    case 'year':
      return rng.pick([
        `${rng.int(2015, 2024)}年${rng.pick(PROVINCES)}经济运行情况新闻发布会举行`,
        `${rng.int(2015, 2024)}年${rng.pick(CITIES)}政府工作报告`,
        `${rng.int(2015, 2024)}年${rng.pick(SCOPES)}${goal(rng)}工作要点`,
      ]);
    case 'digitG':
      return rng.pick([`5G赋能${goal(rng)}现场会在${rng.pick(CITIES)}召开`, `5G产业发展大会在${rng.pick(CITIES)}开幕`]);
    case 'plain':
      return rng.pick([
        `${rng.pick(PROVINCES)}${rng.pick(QUOTES)}主题教育工作会议召开`,
        `${rng.pick(ORGANS)}召开${rng.pick(MEETINGS)}研究部署${goal(rng)}工作`,
        `${rng.pick(PROVINCES)}${goal(rng)}${rng.pick(EFFECTS)}`,
        `${rng.pick(OFFICIALS)}在${rng.pick(CITIES)}调研${goal(rng)}工作`,
        `${rng.pick(CITIES)}：${rng.pick(ACTIONS)}${goal(rng)}、${rng.pick(ACTIONS)}${goal(rng)}`,
      ]);
  }
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals and the article's plan

const CN_DIGITS = '零一二三四五六七八九';
const CN_UNITS = ['', '十', '百'];

/** 1–999 as a Chinese numeral: 一, 十, 十一, 二十, 一百零一, 一百一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`chineseNumeral: ${n}`);
  const digits = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out !== '') out += '零';
    zero = false;
    out += CN_DIGITS[d]! + CN_UNITS[digits.length - 1 - i]!;
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** The section number of a heading at `level` with ordinal `n`. */
function sectionNumber(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** Highest ordinal per level (Chinese numerals up to 999; `1.` and `（1）` are read with up to two digits). */
const MAX_ORDINAL = [0, 999, 99, 99, 99];

interface HeadingItem {
  readonly kind: 'heading';
  readonly level: number;
  /** `一、` etc.; empty for an unnumbered heading (markup layout only). */
  readonly number: string;
  readonly phrase: string;
}

interface BodyItem {
  readonly kind: 'body';
  readonly sentences: string[];
}

type PlanItem = HeadingItem | BodyItem;

interface PlanOptions {
  readonly count: number;
  readonly headings: boolean;
  readonly sentences: readonly [number, number];
  readonly unescaped: boolean;
  readonly latin: boolean;
  readonly language: Language;
}

function headingPhrase(rng: Rng): string {
  return rng.chance(0.3) ? rng.pick(HEADING_PHRASES) : `${rng.pick(ACTIONS)}${goal(rng)}`;
}

function bodySentences(rng: Rng, options: PlanOptions): string[] {
  const n = rng.int(options.sentences[0], options.sentences[1]);
  const out: string[] = [];
  const bank = options.language === 'en' ? EN_SENTENCES : options.language === 'ja' ? JA_SENTENCES : SENTENCES;
  for (let i = 0; i < n; i++) out.push(rng.pick(bank)(rng));
  if (options.language !== 'zh') return options.language === 'en' ? [out.join(' ')] : out;
  if (options.unescaped && rng.chance(0.5)) out.splice(rng.int(0, out.length), 0, rng.pick(UNESCAPED_SENTENCES)(rng));
  if (options.latin && rng.chance(0.3)) out.splice(rng.int(0, out.length), 0, latinPhraseSentence(rng));
  return out;
}

/** The article's paragraphs: a few opening paragraphs, then nested numbered sections. Never ends on a heading. */
function plan(rng: Rng, options: PlanOptions): PlanItem[] {
  const items: PlanItem[] = [];
  const counters = [0, 0, 0, 0, 0];
  let depth = 0;
  const intro = options.headings ? rng.int(1, 3) : options.count;
  while (items.length < options.count) {
    const remaining = options.count - items.length;
    const previous = items[items.length - 1];
    const afterHeading = previous !== undefined && previous.kind === 'heading';
    let level = 0;
    if (options.headings && items.length >= intro && remaining >= 2) {
      if (afterHeading) {
        // A heading right after a heading is its first subsection.
        if (depth < 4 && rng.chance(0.3)) level = depth + 1;
      } else if (rng.chance(0.22)) {
        const roll = rng.next();
        if (depth === 0 || (roll < 0.4 && depth < 4)) level = depth + 1;
        else if (roll < 0.75) level = depth;
        else level = rng.int(1, depth);
      }
    }
    // A level that has used up its numbers closes its parent section instead.
    while (level > 0 && counters[level]! >= MAX_ORDINAL[level]!) level--;
    if (level === 0) {
      items.push({ kind: 'body', sentences: bodySentences(rng, options) });
      continue;
    }
    counters[level]!++;
    for (let l = level + 1; l <= 4; l++) counters[l] = 0;
    depth = level;
    items.push({ kind: 'heading', level, number: sectionNumber(level, counters[level]!), phrase: headingPhrase(rng) });
  }
  if (options.unescaped && !items.some((item) => item.kind === 'body' && item.sentences.some(isUnescapedSentence))) {
    const body = items.find((item): item is BodyItem => item.kind === 'body');
    body?.sentences.push(rng.pick(UNESCAPED_SENTENCES)(rng));
  }
  if (options.latin && !items.some((item) => item.kind === 'body' && item.sentences.some(hasLatinSpace))) {
    const body = items.find((item): item is BodyItem => item.kind === 'body');
    body?.sentences.push(latinPhraseSentence(rng));
  }
  return items;
}

function isUnescapedSentence(sentence: string): boolean {
  return /[&<>]/.test(sentence);
}

function hasLatinSpace(sentence: string): boolean {
  return /[A-Za-z] [A-Za-z]/.test(sentence);
}

// ---------------------------------------------------------------------------------------------
// Variant G: newlines from the page's markup

function isIdeograph(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Splits `text` into pieces at `count` points where FORMAT.md's joining rule is unambiguous:
 * between two CJK ideographs (joined with nothing) or at the one space between two Latin
 * words (joined with one space, so the space itself is dropped from the pieces). Joining the
 * pieces with a newline gives the raw text; the clean text is `text` itself.
 */
function breakPoints(rng: Rng, text: string, count: number): string[] {
  const latin: number[] = [];
  const cjk: number[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const before = text.charCodeAt(i - 1);
    const here = text.charCodeAt(i);
    if (here === 0x20 && isAsciiLetter(before) && isAsciiLetter(text.charCodeAt(i + 1))) latin.push(i);
    else if (isIdeograph(before) && isIdeograph(here)) cjk.push(i);
  }
  const chosen = new Set<number>();
  if (latin.length > 0 && rng.chance(0.7)) chosen.add(rng.pick(latin));
  for (let tries = 0; chosen.size < count && tries < count * 4 && cjk.length > 0; tries++) chosen.add(rng.pick(cjk));
  const points = [...chosen].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const at of points) {
    pieces.push(text.slice(from, at));
    from = text.charCodeAt(at) === 0x20 ? at + 1 : at;
  }
  pieces.push(text.slice(from));
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Variant I: other markup

function escapeMarkupText(rng: Rng, text: string): string {
  let out = '';
  for (const ch of text) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case '“':
        out += rng.chance(0.3) ? rng.pick(['&#8220;', '&#x201C;', '&#x201c;']) : ch;
        break;
      case '”':
        out += rng.chance(0.3) ? rng.pick(['&#8221;', '&#x201D;']) : ch;
        break;
      default:
        out += isIdeograph(ch.charCodeAt(0)) && rng.chance(0.01) ? `&#${ch.charCodeAt(0)};` : ch;
    }
  }
  return out;
}

/** Sentences only markup files have: `&`, `<`, `>` and ASCII double quotes, written as entities. */
const MARKUP_SENTENCES: ReadonlyArray<(rng: Rng) => string> = [
  (rng) => `A&B公司等${rng.int(3, 30)}家企业签约落户。`,
  () => '该项目被评为"年度优秀案例"。',
  (rng) => `其中增速>${rng.int(5, 15)}%的县（市、区）有${rng.int(2, 20)}个。`,
  () => '对x<5的情形另行规定。',
];

interface Rendered {
  /** Raw HTML of the block. */
  readonly raw: string;
  /** Clean text, indent as written. */
  readonly clean: string;
  /** The indent the clean text starts with ('' or `　　`). */
  readonly indent: string;
}

function renderMarkupBody(rng: Rng, sentences: string[]): Rendered {
  const all = [...sentences];
  if (rng.chance(0.3)) all.splice(rng.int(0, all.length), 0, rng.pick(MARKUP_SENTENCES)(rng));
  const indent = rng.chance(0.7) ? INDENT : '';
  // Wrap one sentence (never all of them, which would make the paragraph all-bold) in a tag,
  // and break some sentences with `<br>`, which stays a line break in the clean text.
  const wrapAt = all.length >= 2 && rng.chance(0.5) ? rng.int(0, all.length - 1) : -1;
  let raw = indent;
  let clean = indent;
  for (let i = 0; i < all.length; i++) {
    const sentence = all[i]!;
    if (i > 0 && rng.chance(0.1)) {
      raw += rng.pick(['<br>', '<br/>', '<br />', '<BR>']);
      clean += '\n';
    }
    let piece = escapeMarkupText(rng, sentence);
    if (i === wrapAt) {
      piece = rng.pick([
        (s: string) => `<strong>${s}</strong>`,
        (s: string) => `<b>${s}</b>`,
        (s: string) => `<STRONG>${s}</STRONG>`,
        (s: string) => `<a href="http://www.example.gov.cn/xwzx/${rng.int(1000, 9999)}.htm" target="_blank">${s}</a>`,
        (s: string) => `<span style="color:#333333">${s}</span>`,
      ])(piece);
    }
    raw += piece;
    clean += sentence;
  }
  const form = rng.int(0, 4);
  let html: string;
  switch (form) {
    case 0:
      html = `<p>${raw}</p>`;
      break;
    case 1:
      html = `<p style="text-indent:2em;line-height:1.75">${raw}</p>`;
      break;
    case 2:
      html = `<P>${raw}</P>`;
      break;
    case 3:
      // The scraper's own markup, double-quoted: the one leading space is the scraper's.
      html = `<div><span style="font-size:16px;line-height:25px"> ${raw}</span></div><div>&nbsp;</div>`;
      break;
    default:
      html = `<DIV><SPAN STYLE='FONT-SIZE:16PX'> ${raw}</SPAN></DIV><DIV>&nbsp;</DIV>`;
  }
  return { raw: html, clean, indent };
}

function renderMarkupHeading(rng: Rng, item: HeadingItem): { raw: string; clean: string; level: number } {
  const text = item.number + item.phrase;
  if (item.number === '') {
    // Unnumbered: the markup gives the level.
    if (rng.chance(0.5)) {
      const level = rng.int(2, 4);
      return { raw: `<h${level}>${text}</h${level}>`, clean: text, level };
    }
    return { raw: rng.pick([`<p><strong>${text}</strong></p>`, `<P><B>${text}</B></P>`]), clean: text, level: 1 };
  }
  // Numbered: the number's level wins over the markup's.
  const tag = rng.int(1, 6);
  const raw = rng.pick([`<h${tag}>${text}</h${tag}>`, `<p><strong>${text}</strong></p>`, `<p>${text}</p>`]);
  return { raw, clean: text, level: item.level };
}

// ---------------------------------------------------------------------------------------------
// The generator

interface Resolved {
  readonly variant: Variant;
  readonly layout: BodyLayout;
  readonly count: number;
  readonly sentences: readonly [number, number];
  readonly headings: boolean;
  readonly titleForm: TitleForm;
  readonly images: number;
  readonly unescaped: boolean;
  readonly brokenLines: boolean;
  readonly emptyParagraphs: number;
  readonly eol: '\n' | '\r\n' | '\r';
  readonly finalNewline: boolean;
  readonly gluedImages: boolean;
  readonly otherIndents: boolean;
  readonly tagLike: boolean;
  readonly language: Language;
}

function resolve(rng: Rng, options: GenerateOptions): Resolved {
  const variant = options.variant ?? 'A';
  let layout: BodyLayout;
  let titleForm: TitleForm = 'indexed';
  let images = 0;
  let unescaped = false;
  let brokenLines = false;
  let emptyParagraphs = 0;
  let crlf = false;
  let cr = false;
  let gluedImages = false;
  let otherIndents = false;
  let tagLike = false;
  let language: Language = 'zh';
  let headings = true;
  switch (variant) {
    case 'A':
      layout = 'seed';
      break;
    case 'B':
      layout = 'block';
      titleForm = 'bare';
      break;
    case 'C':
      layout = 'inline';
      titleForm = rng.chance(0.7) ? 'indexed' : 'bare';
      break;
    case 'D':
      layout = 'plain';
      titleForm = rng.pick<TitleForm>(['indexed', 'indexed', 'named', 'bare']);
      brokenLines = rng.chance(0.6);
      break;
    case 'E':
      layout = rng.chance(0.6) ? 'seed' : 'plain';
      images = rng.int(1, 3);
      gluedImages = rng.chance(0.5);
      break;
    case 'F':
      layout = 'seed';
      unescaped = true;
      break;
    case 'G':
      layout = 'seed';
      brokenLines = true;
      break;
    case 'H':
      layout = 'seed';
      emptyParagraphs = rng.int(1, 3);
      break;
    case 'I':
      layout = 'markup';
      titleForm = rng.chance(0.5) ? 'indexed' : 'bare';
      break;
    case 'J':
      layout = rng.chance(0.6) ? 'seed' : 'plain';
      crlf = true;
      cr = rng.chance(0.3);
      images = layout === 'seed' ? rng.int(1, 2) : rng.int(0, 1);
      brokenLines = layout === 'plain' && rng.chance(0.5);
      gluedImages = rng.chance(0.3);
      break;
    case 'K':
      layout = rng.pick<BodyLayout>(['seed', 'seed', 'block', 'plain']);
      otherIndents = true;
      break;
    case 'L':
      layout = rng.pick<BodyLayout>(['seed', 'seed', 'block', 'inline']);
      titleForm = layout === 'block' ? 'bare' : 'indexed';
      tagLike = true;
      break;
    case 'M':
      language = rng.chance(0.5) ? 'en' : 'ja';
      layout = rng.pick<BodyLayout>(['seed', 'block', 'inline', 'plain']);
      titleForm = rng.pick<TitleForm>(['indexed', 'indexed', 'named', 'bare']);
      headings = false;
      brokenLines = (layout === 'seed' || layout === 'plain') && rng.chance(0.3);
      images = layout === 'seed' || layout === 'plain' ? rng.int(0, 1) : 0;
      gluedImages = rng.chance(0.5);
      otherIndents = layout !== 'inline' && rng.chance(0.3);
      break;
  }
  layout = options.layout ?? layout;
  images = options.images ?? images;
  unescaped = options.unescaped ?? unescaped;
  brokenLines = options.brokenLines ?? brokenLines;
  emptyParagraphs = options.emptyParagraphs ?? emptyParagraphs;
  crlf = options.crlf ?? crlf;
  cr = options.cr ?? cr;
  titleForm = options.titleForm ?? titleForm;
  gluedImages = options.gluedImages ?? gluedImages;
  otherIndents = options.otherIndents ?? otherIndents;
  tagLike = options.tagLike ?? tagLike;
  language = options.language ?? language;

  const scraper = layout === 'seed' || layout === 'block' || layout === 'inline';
  if (images > 0 && layout !== 'seed' && layout !== 'block' && layout !== 'plain') {
    throw new Error(`generateArticle: image placeholders need the seed, block or plain layout, not ${layout}`);
  }
  if (unescaped && !scraper) throw new Error(`generateArticle: unescaped text needs a scraper layout, not ${layout}`);
  if (emptyParagraphs > 0 && !scraper) throw new Error(`generateArticle: empty spans need a scraper layout, not ${layout}`);
  if (brokenLines && layout === 'markup') throw new Error('generateArticle: broken lines are not generated in markup');
  if (tagLike && !scraper) throw new Error(`generateArticle: tag-like text needs a scraper layout, not ${layout}`);
  if (otherIndents && layout === 'markup') throw new Error('generateArticle: other indents are not generated in markup');

  const count = options.paragraphs ?? rng.int(4, 14);
  if (count < 1) throw new RangeError(`generateArticle: ${count} paragraphs`);
  // The variant's own number of images fits the paragraphs asked for; one given explicitly must.
  if (options.images === undefined && images > count - 1) images = count - 1;
  if (images > count - 1) throw new Error(`generateArticle: ${images} images need at least ${images + 1} paragraphs`);
  if (variant === 'E' && images === 0) throw new Error('generateArticle: variant E needs an image, so two paragraphs');
  return {
    variant,
    layout,
    count,
    sentences: options.sentences ?? [2, 8],
    headings: options.headings ?? (language === 'zh' && headings),
    titleForm,
    images,
    unescaped,
    brokenLines,
    emptyParagraphs,
    eol: cr ? '\r' : crlf ? '\r\n' : '\n',
    finalNewline: options.finalNewline ?? (layout === 'markup' ? rng.chance(0.5) : false),
    gluedImages,
    otherIndents,
    tagLike,
    language,
  };
}

/** What the body is made of, in order, before it is written in a layout. */
type Unit =
  | { readonly kind: 'item'; readonly item: PlanItem }
  | { readonly kind: 'empty' }
  | { readonly kind: 'image' };

function layoutUnits(rng: Rng, items: PlanItem[], images: number, empties: number): Unit[] {
  // Images go between two paragraphs, at distinct boundaries (never first or last).
  const boundaries: number[] = [];
  for (let i = 1; i < items.length; i++) boundaries.push(i);
  const imageAt = new Set<number>();
  while (imageAt.size < images) imageAt.add(rng.pick(boundaries));
  // Empty spans go anywhere, before paragraph `i` (or at the end for `i === items.length`).
  const emptyAt: number[] = [];
  for (let i = 0; i < empties; i++) emptyAt.push(rng.int(0, items.length));
  const units: Unit[] = [];
  for (let i = 0; i <= items.length; i++) {
    if (imageAt.has(i)) units.push({ kind: 'image' });
    for (const at of emptyAt) if (at === i) units.push({ kind: 'empty' });
    const item = items[i];
    if (item !== undefined) units.push({ kind: 'item', item });
  }
  return units;
}

function itemText(item: PlanItem): string {
  return item.kind === 'heading' ? item.number + item.phrase : item.sentences.join('');
}

/**
 * One article in the given variant. `rng` may be a seed.
 *
 * - A: the seed's exact markup on line 2, line 1 = `N` + title + `.txt`.
 * - B: `;display:block` styles, line 1 the bare title.
 * - C: the title running straight into the first `<div>` (indexed or bare), one line in all.
 * - D: plain text, `  ` before each paragraph, some paragraphs continued on a following line.
 * - E: A or D with one to three image placeholders, each on its own three lines.
 * - F: A with raw `A&B公司`, `x<5`, `<注>`, `当a<b时`, `增速>5%` in the text.
 * - G: A with newlines inside paragraphs, between two ideographs or between two Latin words.
 * - H: A with empty `<span> </span>` paragraphs.
 * - I: hand-edited HTML: `<p>`, `<P>`, `<br>`, `<strong>`/`<b>`/`<a href>`, `<hN>` and bold headings,
 *   `&amp;`/`&quot;`/`&lt;`/`&gt;`/numeric entities, double-quoted attributes, upper-case tags.
 * - J: A (with images) or D with CRLF line ends, now and then CR alone.
 * - K: A, B or D with other sites' indents (em spaces, `&nbsp;`/U+00A0 runs, ASCII spaces) and
 *   invisible white space at paragraphs' ends.
 * - L: A, B or C with tag-like text that is not markup (`an empty <div> was`, `a<b>c`, a stray `</b>`).
 * - M: an English or Japanese article in the scrapers' forms (A, B, C or D), maybe with an image.
 * E and J glue the first dash line of a placeholder to the line before now and then, as the scraper wrote it.
 */
export function generateArticle(rngOrSeed: Rng | number, options: GenerateOptions = {}): GeneratedArticle {
  const rng = typeof rngOrSeed === 'number' ? createRng(rngOrSeed) : rngOrSeed;
  const o = resolve(rng, options);
  const eol = o.eol;

  // Title and line 1.
  let title = options.title;
  if (title === undefined && o.language !== 'zh') {
    title = rng.pick(o.language === 'en' ? EN_TITLES : JA_TITLES);
  } else if (title === undefined) {
    const kinds: TitleKind[] = ['plain', 'plain', 'plain', 'plain'];
    if (o.titleForm === 'indexed' || o.titleForm === 'bare') kinds.push('year');
    if (o.titleForm === 'bare') kinds.push('digitG');
    title = makeTitle(rng, rng.pick(kinds));
  }
  const listIndex = o.titleForm === 'indexed' ? (options.listIndex ?? rng.int(1, 999)) : null;
  const titleLine =
    o.titleForm === 'indexed' ? `${listIndex}${title}.txt` : o.titleForm === 'named' ? `${title}.txt` : title;

  // Paragraphs.
  const items = plan(rng, {
    count: o.count,
    headings: o.headings,
    sentences: o.sentences,
    unescaped: o.unescaped,
    latin: o.brokenLines && o.language === 'zh',
    language: o.language,
  });
  if (o.tagLike) {
    // Variant L: one tag-like sentence in some body paragraphs (at least one), never two in one.
    const bodies = items.filter((item): item is BodyItem => item.kind === 'body');
    let added = 0;
    for (const item of bodies) {
      if (rng.chance(0.4) || (added === 0 && item === bodies[bodies.length - 1])) {
        item.sentences.splice(rng.int(0, item.sentences.length), 0, rng.pick(TAG_LIKE_SENTENCES));
        added++;
      }
    }
  }
  if (o.layout === 'markup') {
    // Some headings in hand-edited files carry no number: their `<hN>` or bold markup gives the level.
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'heading' && rng.chance(0.25)) items[i] = { ...item, number: '' };
    }
  }
  const units = layoutUnits(rng, items, o.images, o.emptyParagraphs);

  // Variant G: which body paragraphs hold markup newlines (at least one where there are any).
  const broken = new Set<PlanItem>();
  if (o.brokenLines) {
    const bodies = items.filter((item) => item.kind === 'body');
    for (const item of bodies) if (rng.chance(o.layout === 'plain' ? 0.4 : 0.5)) broken.add(item);
    if (broken.size === 0 && bodies.length > 0) broken.add(rng.pick(bodies));
  }

  const expectedParagraphs: string[] = [];
  const expectedHeadings: (number | null)[] = [];
  const expectedBlocks: ExpectedBlock[] = [];
  const expect = (clean: string, level: number | null): void => {
    expectedParagraphs.push(clean);
    expectedHeadings.push(level);
    // FORMAT.md's clean text: no white space of any kind at its ends.
    const text = clean.trim();
    expectedBlocks.push(level === null ? { type: 'paragraph', text } : { type: 'heading', level, text });
  };
  /** Variant K: the indent and the trailing white space of one paragraph, `[html, plain, clean]` each. */
  const edges = (): { indent: readonly [string, string, string]; trailing: readonly [string, string, string] } =>
    o.otherIndents ? { indent: rng.pick(OTHER_INDENTS), trailing: rng.pick(TRAILING_SPACES) } : { indent: ['', '', ''], trailing: ['', '', ''] };
  /** The indent a scraper paragraph starts with where no other is asked for. */
  const baseIndent = o.language === 'en' ? '' : o.language === 'ja' ? '\u3000' : INDENT;

  let body: string;
  if (o.layout === 'plain') {
    const lines: string[] = [];
    for (const unit of units) {
      if (unit.kind === 'image') {
        // Glued: the scraper wrote no line end before the first dash line.
        if (o.gluedImages && lines.length > 0) lines.push(lines.pop()! + IMAGE_PLACEHOLDER[0], IMAGE_PLACEHOLDER[1], IMAGE_PLACEHOLDER[2]);
        else lines.push(...IMAGE_PLACEHOLDER);
        expectedBlocks.push({ type: 'image' });
      } else if (unit.kind === 'item') {
        const text = itemText(unit.item);
        const { indent, trailing } = edges();
        lines.push('  ' + indent[1] + (broken.has(unit.item) ? breakPoints(rng, text, rng.int(1, 2)).join(eol) : text) + trailing[1]);
        expect(indent[2] + text + trailing[2], unit.item.kind === 'heading' ? unit.item.level : null);
      }
    }
    body = lines.join(eol);
  } else if (o.layout === 'markup') {
    const blocks: string[] = [];
    for (const unit of units) {
      if (unit.kind !== 'item') continue; // images and empty spans are not generated in markup
      if (unit.item.kind === 'heading') {
        const h = renderMarkupHeading(rng, unit.item);
        blocks.push(h.raw);
        expect(h.clean, h.level);
      } else {
        const r = renderMarkupBody(rng, unit.item.sentences);
        blocks.push(r.raw);
        expect(r.clean, null);
      }
    }
    body = blocks.join(rng.chance(0.5) ? eol : '');
  } else {
    const style = o.layout === 'block' ? `${SEED_STYLE};display:block` : SEED_STYLE;
    const open = `<div><span style='${style}'> `;
    const close = '</span></div><div>&nbsp;</div>';
    let out = '';
    for (const unit of units) {
      if (unit.kind === 'image') {
        // Glued: the first dash line right after the spacer, as the scraper wrote it.
        out += (o.gluedImages ? '' : eol) + IMAGE_PLACEHOLDER.join(eol) + eol;
        expectedBlocks.push({ type: 'image' });
      } else if (unit.kind === 'empty') {
        out += open + close;
      } else {
        const text = itemText(unit.item);
        const { indent, trailing } = edges();
        const lead = o.otherIndents ? indent[0] : baseIndent;
        const raw = lead + (broken.has(unit.item) ? breakPoints(rng, text, rng.int(1, 3)).join(eol) : text) + trailing[0];
        out += open + raw + close;
        expect((o.otherIndents ? indent[2] : baseIndent) + text + trailing[2], unit.item.kind === 'heading' ? unit.item.level : null);
      }
    }
    body = out;
  }

  const separator = o.layout === 'inline' ? '' : eol;
  const text = titleLine + separator + body + (o.finalNewline ? eol : '');
  return {
    variant: o.variant,
    layout: o.layout,
    text,
    expectedTitleLine: titleLine,
    expectedTitle: title,
    expectedListIndex: listIndex,
    expectedParagraphs,
    expectedHeadings,
    expectedBlocks,
    images: o.images,
    emptyParagraphs: o.emptyParagraphs,
    eol,
    language: o.language,
  };
}

// ---------------------------------------------------------------------------------------------
// Corpora and the big article

export interface CorpusEntry extends GeneratedArticle {
  /** A file name in the corpus's style: `NNN_` + 16 hex digits + `.txt`. */
  readonly name: string;
  /** How the file is written: UTF-8, or (variant J's older files) GB18030; see {@link CorpusOptions.gb18030}. */
  readonly encoding: 'utf-8' | 'gb18030';
}

export interface CorpusOptions extends Omit<GenerateOptions, 'variant'> {
  /** The variants to cycle through; all of A–J by default. */
  readonly variants?: readonly Variant[];
  /**
   * The share (0–1) of articles to be written in GB18030 rather than UTF-8 (`encoding`); none by
   * default. Which ones depends only on `seed` and the index, not on the articles' texts.
   */
  readonly gb18030?: number;
}

/**
 * `count` articles; article `i` has variant `variants[i % variants.length]` and depends only on
 * `seed` and `i`, so a longer corpus starts with the shorter one.
 */
export function generateCorpus(seed: number, count: number, options: CorpusOptions = {}): CorpusEntry[] {
  const { variants = VARIANTS, gb18030 = 0, ...rest } = options;
  const out: CorpusEntry[] = [];
  for (let i = 0; i < count; i++) {
    const rng = createRng(mixSeed(seed, i));
    const id = [0, 1, 2, 3].map(() => rng.int(0, 0xffff).toString(16).padStart(4, '0')).join('');
    const article = generateArticle(rng, { ...rest, variant: variants[i % variants.length]! });
    const encoding = gb18030 > 0 && mixSeed(seed ^ 0x6b18030, i) % 1000 < gb18030 * 1000 ? 'gb18030' : 'utf-8';
    out.push({ ...article, name: `${String(i).padStart(3, '0')}_${id}.txt`, encoding });
  }
  return out;
}

/**
 * The benchmark's big article: seed form (A), `paragraphs` paragraphs (headings included) on one
 * long line 2, about 15 MB of UTF-8 for the default 20,000. Deterministic.
 */
export function generateBigArticle(paragraphs = 20000, seed = 0x5eed): GeneratedArticle {
  return generateArticle(createRng(seed), {
    variant: 'A',
    paragraphs,
    sentences: [4, 14],
    listIndex: 227,
    title: '全省推动高质量发展工作会议召开',
  });
}
