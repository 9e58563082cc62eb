/**
 * Generated corpora with planted duplicates, for the duplicate finder's tests and benchmark: the
 * clean text of each article (title, then paragraphs), and which articles are copies of which.
 *
 * Planted: exact copies, copies with a changed title, copies without their last paragraph,
 * copies with paragraphs left out (at most a quarter of the text), and families of distinct
 * articles sharing the same boilerplate lead and footer (which must not be grouped).
 */
import { createRng, type Rng } from './generate';

// Common characters and the stock phrases of the genre: distinct articles share many short n-grams, as real ones do.
const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研';
const PHRASES = ['习近平新时代中国特色社会主义思想', '不忘初心、牢记使命', '主题教育', '高质量发展', '全面从严治党', '乡村振兴', '人民群众', '党中央决策部署', '会议强调', '会议指出', '要深入学习贯彻', '坚持以人民为中心', '推动各项工作', '切实增强', '进一步提高', '省委书记', '同志们', '扎实推进', '责任编辑', '据了解'];

/** A boilerplate lead and footer shared by a family of distinct articles. */
const BOILERPLATE_LEAD = '本网讯 为深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，全面落实党中央决策部署，扎实推进各项工作高质量发展，切实增强人民群众获得感、幸福感、安全感，现将有关情况报道如下。';
const BOILERPLATE_FOOTER = '（来源：河南日报 记者 某某 通讯员 某某）本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网版权所有，未经协议授权，禁止下载使用。责任编辑：某某';

function sentence(rng: Rng): string {
  const parts: string[] = [];
  const length = rng.int(12, 40);
  let n = 0;
  while (n < length) {
    if (rng.chance(0.03)) {
      const phrase = rng.pick(PHRASES);
      parts.push(phrase);
      n += phrase.length;
    } else {
      const c = CHARS[rng.int(0, CHARS.length - 1)]!;
      parts.push(c);
      n++;
    }
    if (rng.chance(0.08)) parts.push('，');
  }
  return parts.join('') + '。';
}

function paragraph(rng: Rng): string {
  const sentences: string[] = [];
  for (let i = rng.int(2, 5); i > 0; i--) sentences.push(sentence(rng));
  return sentences.join('');
}

export interface PlantedArticle {
  /** The title and paragraphs, one a line: what `cleanTextOf` gives for an article. */
  readonly text: string;
  /** Articles with the same `original` are copies of one another; `-1` for an article with no copy. */
  readonly original: number;
  /** How this article was made. */
  readonly kind: 'original' | 'exact' | 'title' | 'cut' | 'omitted' | 'boilerplate';
}

/** `count` articles; about a fifth of them are planted copies of another, a tenth share boilerplate. */
export function plantedCorpus(seed: number, count: number): PlantedArticle[] {
  const rng = createRng(seed);
  const out: PlantedArticle[] = [];
  const bases: { title: string; paragraphs: string[]; index: number }[] = [];
  const makeBase = (boilerplate: boolean): { title: string; paragraphs: string[] } => {
    const title = sentence(rng).slice(0, rng.int(10, 24));
    const paragraphs: string[] = [];
    for (let i = rng.int(4, 9); i > 0; i--) paragraphs.push(paragraph(rng));
    if (boilerplate) {
      paragraphs.unshift(BOILERPLATE_LEAD);
      paragraphs.push(BOILERPLATE_FOOTER);
    }
    return { title, paragraphs };
  };
  const join = (title: string, paragraphs: readonly string[]): string => [title, ...paragraphs].join('\n');
  while (out.length < count) {
    const roll = rng.next();
    if (bases.length > 0 && roll < 0.2) {
      const base = bases[rng.int(0, bases.length - 1)]!;
      const kinds = ['exact', 'title', 'cut', 'omitted'] as const;
      const kind = rng.pick(kinds);
      let title = base.title;
      let paragraphs = base.paragraphs;
      if (kind === 'title') title = rng.chance(0.5) ? `${base.title}（图）` : sentence(rng).slice(0, 14);
      if (kind === 'cut') paragraphs = paragraphs.slice(0, -1);
      if (kind === 'omitted') {
        const total = paragraphs.reduce((n, p) => n + p.length, 0);
        let dropped = 0;
        const kept = [...paragraphs];
        while (kept.length > 2) {
          const at = rng.int(1, kept.length - 2);
          if (dropped + kept[at]!.length > total / 4) break;
          dropped += kept[at]!.length;
          kept.splice(at, 1);
        }
        paragraphs = kept;
      }
      out.push({ text: join(title, paragraphs), original: base.index, kind });
      const first = out[base.index]!;
      if (first.original === -1) out[base.index] = { ...first, original: base.index };
    } else {
      const boilerplate = roll > 0.9;
      const base = makeBase(boilerplate);
      const index = out.length;
      bases.push({ ...base, index });
      if (bases.length > 2000) bases.shift();
      out.push({ text: join(base.title, base.paragraphs), original: -1, kind: boilerplate ? 'boilerplate' : 'original' });
    }
  }
  return out;
}

/** Precision and recall of predicted groups over the planted pairs (pairs of articles with the same original). */
export function pairScores(corpus: readonly PlantedArticle[], groups: readonly { ids: readonly number[] }[]): { precision: number; recall: number; truePairs: number; predictedPairs: number } {
  const truth = new Map<number, number>();
  corpus.forEach((article, i) => {
    if (article.original >= 0) truth.set(original(corpus, i), (truth.get(original(corpus, i)) ?? 0) + 1);
  });
  let truePairs = 0;
  for (const size of truth.values()) truePairs += (size * (size - 1)) / 2;
  let predictedPairs = 0;
  let correct = 0;
  for (const group of groups) {
    const byOriginal = new Map<number, number>();
    for (const id of group.ids) {
      const o = corpus[id]!.original >= 0 ? original(corpus, id) : -1 - id;
      byOriginal.set(o, (byOriginal.get(o) ?? 0) + 1);
    }
    const n = group.ids.length;
    predictedPairs += (n * (n - 1)) / 2;
    for (const [o, size] of byOriginal) if (o >= 0) correct += (size * (size - 1)) / 2;
  }
  return { precision: predictedPairs === 0 ? 1 : correct / predictedPairs, recall: truePairs === 0 ? 1 : correct / truePairs, truePairs, predictedPairs };
}

function original(corpus: readonly PlantedArticle[], i: number): number {
  return corpus[i]!.original;
}
