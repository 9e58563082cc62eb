/**
 * The pure core as a library (`require('article-editor/core')`, built to dist/core/index.js with
 * its declarations beside it): for a Node pipeline that reads the files itself. No VS Code, no
 * Node built-ins: bytes or text in, articles and export records out.
 *
 *   const { decodeBytes, parseArticle, exportArticle } = require('article-editor/core');
 *   const decoded = decodeBytes(bytes);              // UTF-8 or GB18030; binary refused
 *   if (decoded.ok) line = exportArticle(parseArticle(decoded.text), path, 'jsonl');
 */
export { decodeBytes, DEFAULT_MAX_BYTES, type DecodeProblem, type DecodeResult, type DecodedText, type Encoding } from './decode';
export { isArticleText } from './detect';
export { parseArticle, rebuild } from './parse';
export type { Article, Block, BlockKind, Heading, Layout, Span } from './model';
export { parseTitleLine, type TitleParts } from './title';
export { cleanHtmlText, cleanPlainText, cleanText } from './text';
export { buildOutline, type OutlineKind, type OutlineNode, type OutlineOptions } from './outline';
export {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_FORMATS,
  exportArticle,
  toExportedArticle,
  type ExportedArticle,
  type ExportedBlock,
  type ExportFormat,
  type ExportOptions,
} from './export';
export { errorRecord, exportRecordLine, exportRecordLines, type RecordProblem, type RecordRun, type RecordsResult } from './batch/records';
