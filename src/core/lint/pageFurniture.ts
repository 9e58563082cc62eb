/**
 * `page-furniture`: paragraphs that are the page's furniture, not the article: editor and source
 * lines (`责任编辑：…`, `来源：…`, `原标题：…`), `【纠错】`, `分享到`, `扫一扫`, `打印本页`, `关闭窗口`,
 * `(完)` and the like, which scraped pages carry at their ends. Information by default. Fix: remove
 * the paragraph with its spacer.
 */
import { stripIndent } from '../text';
import { removalRange } from './scan';
import type { Finding, Rule } from './types';

/** A label line: `责任编辑：张三`, `[来源：新华网]`. */
const LABEL =
  /^[【[（(]?\s*(?:责任编辑|责编|编辑|主编|来源|文章来源|稿件来源|信息来源|本文来源|原标题|原文标题|审核|审校|校对|初审|复审|终审|监制|记者|通讯员|作者|摄影|图片来源)\s*[：:]/;
/** Longest label line taken as furniture: longer ones are prose that happens to start so. */
const MAX_LABEL_LINE = 60;
/** Words of the page's controls; a paragraph made only of these (and brackets, separators) is furniture. */
const WORDS = [
  '扫一扫在手机打开当前页', '在手机打开当前页', '用微信扫描二维码', '分享到微信朋友圈', '打印本页', '关闭窗口', '返回顶部', '纠错',
  '分享到', '分享', '扫一扫', '打印', '关闭', '收藏', '字号', '大', '中', '小', '完', '微信', '微博', 'QQ空间', '朋友圈', '默认',
];
const WORD = new RegExp(WORDS.join('|'), 'g');
const FILLER = /[\s\u3000【】[\]（）()《》<>|｜/／·•丨:：,，、.。-]+/g;

export function isFurniture(text: string): boolean {
  const t = stripIndent(text).trim();
  if (t === '') return false;
  if (LABEL.test(t)) return t.length <= MAX_LABEL_LINE;
  if (t.length > 40) return false;
  const rest = t.replace(WORD, '').replace(FILLER, '');
  // Something must be a word: a paragraph of brackets alone is not furniture. `大中小` alone is the font-size control.
  return rest === '' && t.replace(FILLER, '') !== '';
}

export const pageFurniture: Rule = {
  code: 'page-furniture',
  severity: 'info',
  fixable: true,
  check({ article }) {
    const out: Finding[] = [];
    article.blocks.forEach((block, index) => {
      // Long paragraphs are prose: no string is made for them.
      if (block.kind !== 'paragraph' || block.text === '' || block.chars > MAX_LABEL_LINE || !isFurniture(block.text)) return;
      const range = removalRange(article, index);
      const text = stripIndent(block.text).trim();
      out.push({ message: 'page-furniture', args: [text], start: range.start, end: range.end, fix: [{ start: range.start, end: range.end, text: '' }] });
    });
    return out;
  },
};
