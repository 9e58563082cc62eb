/**
 * Export of an article's clean text. JSON here; the text formats come with the export feature.
 */
import type { Article } from './model';
import { stripIndent } from './text';

export type ExportedBlock =
  | { readonly type: 'heading'; readonly level: number; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'image' };

/** The JSON shape of FORMAT.md. */
export interface ExportedArticle {
  readonly path: string;
  readonly title: string;
  readonly titleLine: string;
  readonly listIndex: number | null;
  readonly blocks: ExportedBlock[];
}

/** The article as FORMAT.md's JSON object; `path` is how the caller names the file. */
export function toExportedArticle(article: Article, path: string): ExportedArticle {
  const blocks: ExportedBlock[] = [];
  for (const block of article.blocks) {
    if (block.kind === 'image') {
      blocks.push({ type: 'image' });
    } else if (block.kind === 'paragraph' && block.text !== '') {
      const text = stripIndent(block.text);
      blocks.push(block.heading ? { type: 'heading', level: block.heading.level, text } : { type: 'paragraph', text });
    }
  }
  const raw = article.titleLine.raw;
  return {
    path,
    title: article.title,
    titleLine: raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw,
    listIndex: article.listIndex,
    blocks,
  };
}
