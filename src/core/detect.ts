/**
 * Is a `.txt` file's text an article? Looks at the start of the text only, so it is cheap to ask
 * of every plain-text document that opens.
 */

const SAMPLE = 64 * 1024;
const SCRAPER_NAME = /^\uFEFF?\s*\d*\S.*\.txt\s*$/i;
const HTML_BLOCK = /<(?:div|p|span|h[1-6])(?=[\s>/])[^>]*>/i;
const CJK = /[\u3400-\u9fff]/;
const PLACEHOLDER = /^-{4,}(?:这里有图片-*)?\s*$|^-*这里有图片-*\s*$/;

export function isArticleText(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const nl = sample.indexOf('\n');
  const first = (nl < 0 ? sample : sample.slice(0, nl)).replace(/\r$/, '');
  if (first.trim() === '') return false;
  // Variant C: the title runs into the first block on line 1.
  if (HTML_BLOCK.test(first)) return CJK.test(sample);
  if (nl < 0) return false;
  const body = sample.slice(nl + 1);
  if (body.trim() === '') return false;
  // Line 1 as the scrapers saved it: `N` + title + `.txt`.
  if (SCRAPER_NAME.test(first) && CJK.test(first)) return true;
  if (first.length > 200) return false;
  // HTML variants: a body of div/span/p paragraphs.
  if (HTML_BLOCK.test(body) && CJK.test(body)) return true;
  // Plain-text variant D: paragraphs start with two ASCII spaces; a line without them continues
  // the paragraph before it. So the body starts with an indented line, and every line is either
  // indented, a continuation of an indented paragraph, or an image placeholder line.
  const lines = body.split('\n', 200).map((line) => line.replace(/\r$/, ''));
  if (/^\s/.test(first) || !CJK.test(first)) return false;
  let indented = 0;
  let chinese = 0;
  let inParagraph = false;
  let strays = 0;
  let counted = 0;
  for (const line of lines) {
    if (line.trim() === '') {
      inParagraph = false;
      continue;
    }
    counted++;
    if (PLACEHOLDER.test(line)) {
      inParagraph = false;
    } else if (line.startsWith('  ') && !/^ {2}[-*+#>|]|^ {2}\d+[.)]\s/.test(line)) {
      indented++;
      inParagraph = true;
      if (CJK.test(line)) chinese++;
    } else if (inParagraph) {
      if (CJK.test(line)) chinese++;
    } else {
      strays++;
    }
  }
  // Most paragraphs must carry Chinese text; a stray unindented line before any paragraph is allowed once.
  return indented >= 1 && chinese * 2 >= indented && strays <= Math.max(1, counted / 10);
}
