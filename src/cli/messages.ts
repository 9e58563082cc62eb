import type { Problem } from '../core/batch/problems';

/**
 * The command line tool's strings in English and 简体中文, picked from the environment's locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`, then the platform's default).
 */
import type { MessageArgs, MessageId } from '../core/lint/types';

/** The lint's problem messages (src/core/lint), worded for the command line. */
export type LintMessages = { readonly [M in MessageId]: (...args: MessageArgs[M]) => string };

const en = {
  usage: `Usage: article <command> [options]

Commands:
  outline FILE [--json]                  the article's outline (title, headings, paragraphs, images)
  export PATH... --format FORMAT         the clean text of files, and of the .txt articles in folders
                                         (walked recursively; files that are not articles are skipped)
  normalize PATH... --check | --write    rewrite the markup into the canonical form: --check lists
                                         the files that would change (exit 1 if any), --write
                                         rewrites them in place, atomically, in their own encoding
  duplicates PATH... [--json] [--threshold T]
                                         groups of exact and near duplicate articles (near: one holds
                                         at least T of the other's text, default 0.8)
  search PATTERN PATH... [--json]        find text in the clean text of the articles (exit 1 if none)
  lint PATH... [--json] [--fix]          the problems of files (docs/rules.md): one line each, or
                                         --json; --fix applies every safe fix, atomically, in the
                                         file's own encoding; exit 1 if a warning or error is left;
                                         --jobs N as for export

Normalize options:
  --style CSS                            the span style (default: the seed's)
  --indent keep|fullwidth|none           the 　　 before each paragraph (default keep)
  --layout oneLine|blockPerLine          body on one line, or one paragraph per line (default oneLine)
  --keep-empty                           keep empty paragraphs (default: removed)
  -j, --jobs N                           worker threads for --check, as for export

Export options:
  -f, --format txt|md|json|jsonl         output format (required)
  -o, --out DIR                          write one file per article into DIR, mirroring the input
                                         folders; without it everything goes to stdout (json: one
                                         object for one file, else an array; jsonl: one line each)
  --overwrite                            replace files already in DIR (never the sources)
  -j, --jobs N                           worker threads (default: the number of cores, at most 8)
  --indent none|fullwidth                put 　　 before each paragraph in txt and md (default none)
  --images marker|drop                   image placeholders as a marker line or nothing (default marker)
  --image-marker TEXT                    the marker (default [图片])
  --from-jsonl FILE|-                    the mapper for Spark's RDD.pipe, Hadoop Streaming and the
                                         like: read JSON records, one a line, from FILE or stdin (-),
                                         {"path": P, "text": T} or {"path": P, "base64": RAW BYTES};
                                         write one line per record to stdout, in the same order: its
                                         jsonl export, or {"path": P, "error": CODE, "message": M};
                                         blank lines are no records; no PATH, --format jsonl only;
                                         exit 0 even with error records (they are data)

Options:
  -h, --help                             show this help
  --version                              show the version

Symbolic links to files and folders are followed (a link back to a folder being walked is
reported as a loop). Files are refused unless they are regular files of at most 64 MB.

Exit status: 0 done; 1 some files could not be read, exported or normalized (each named on
stderr), or lint found a
warning or an error; 2 usage error (also: two inputs with one output name, or an unusable --out).`,
  unknownCommand: (name: string) => `unknown command: ${name}`,
  noCommand: 'no command given',
  missingFile: 'no file given',
  oneFile: 'outline takes exactly one file',
  badFormat: (format: string) => `unsupported format: ${format} (supported: txt, md, json, jsonl)`,
  missingFormat: '--format is required: txt, md, json or jsonl',
  emptyOut: '--out needs a folder name',
  badOut: (path: string, reason: string) => `--out ${path}: cannot be used as the output folder (${reason}); nothing written`,
  collision: (a: string, b: string) => `${a} and ${b} would be exported to the same file; nothing written`,
  stdoutFailed: (reason: string) => `cannot write to standard output (${reason})`,
  notRegular: (path: string) => `${path}: not a regular file (a FIFO, device or socket); not read`,
  truncated: (path: string) => `${path}: the text ends in the middle of a character (truncated file)`,
  unreadableFolder: (path: string, reason: string) => `${path}: folder cannot be read (${reason}); skipped`,
  symlinkLoop: (path: string) => `${path}: symbolic link loop; not followed`,
  outsideOut: (path: string) => `${path}: would be written outside the output folder (through a symbolic link); not written`,
  exists: (path: string) => `${path}: exists already; not replaced (use --overwrite)`,
  guessedEncoding: (path: string) => `${path}: its encoding is a guess, not certain; left untouched`,
  changed: (path: string) => `${path}: changed since it was read (still being written, or saved meanwhile); left untouched`,
  readOnly: (path: string) => `${path}: read-only; left untouched`,
  hardLink: (path: string) => `${path}: has other hard links, which replacing it would break; left untouched`,
  symlink: (path: string) => `${path}: a symbolic link; left alone`,
  dirty: (path: string) => `${path}: unsaved changes in an editor; left untouched`,
  owner: (path: string) => `${path}: its owner could not be kept; left untouched`,
  cannotWrite: (path: string, reason: string) => `${path}: cannot be written (${reason})`,
  badChoice: (option: string, value: string, choices: string) => `--${option} ${value}: expected one of ${choices}`,
  badJobs: (value: string) => `--jobs ${value}: expected a whole number from 1 to 64`,
  notArticle: (path: string) => `${path}: not an article, skipped`,
  wouldOverwrite: (path: string) => `${path}: the output would overwrite a source file; not written`,
  progress: (n: number, path: string) => `${n} files: ${path}`,
  exportSummary: (exported: number, skipped: number, failed: number) => `exported ${exported}, skipped ${skipped}, failed ${failed}`,
  unsafeNormalize: (path: string) => `${path}: normalizing would change its text; left untouched`,
  normalized: (path: string) => `normalized ${path}`,
  normalizeCheckSummary: (changed: number, unchanged: number, skipped: number, failed: number) => `${changed} would change, ${unchanged} already canonical, ${skipped} skipped, ${failed} failed`,
  normalizeWriteSummary: (changed: number, unchanged: number, skipped: number, failed: number) => `${changed} normalized, ${unchanged} already canonical, ${skipped} skipped, ${failed} failed`,
  checkOrWrite: 'normalize needs --check or --write',
  badOption: (message: string) => `bad option: ${message}`,
  seeHelp: "run 'article --help' for usage",
  notFound: (path: string) => `${path}: no such file`,
  isDirectory: (path: string) => `${path}: is a folder, not a file`,
  unreadable: (path: string, reason: string) => `${path}: cannot be read (${reason})`,
  empty: (path: string) => `${path}: the file is empty`,
  binary: (path: string) => `${path}: binary data, not an article`,
  encoding: (path: string) => `${path}: neither UTF-8 nor GB18030 text`,
  tooLarge: (path: string, limit: string) => `${path}: too large (the limit is ${limit})`,
  image: '[image]',
  untitled: '(untitled)',
  emptyNode: '(empty)',
  chars: (n: number) => `${n} chars`,
  exactGroup: (n: number) => `exact duplicates (${n} files):`,
  nearGroup: (n: number, percent: number) => `near duplicates (${n} files, ${percent}% alike):`,
  duplicatesSummary: (articles: number, groups: number, failed: number) => `${articles} articles, ${groups} groups of duplicates, ${failed} failed`,
  badThreshold: (value: string) => `--threshold ${value}: expected a number above 0 and at most 1`,
  missingPattern: 'no search text given',
  fromJsonlPaths: '--from-jsonl reads its records from FILE or stdin: give no PATH',
  fromJsonlFormat: (format: string) => `--from-jsonl writes JSON Lines: --format ${format} cannot be used (leave it out, or use jsonl)`,
  fromJsonlOut: '--from-jsonl writes to stdout: --out cannot be used',
  recordBadJson: 'not a JSON record (or not UTF-8)',
  recordBadFields: 'not a record: expected an object with a string "path" and one string "text" or "base64"',
  recordBadBase64: '"base64" is not valid base64',
  recordTooLong: (limit: string) => `the line is longer than ${limit}; skipped`,
  recordInternal: (detail: string) => `internal error: ${detail}`,
  recordsSummary: (exported: number, failed: number) => `records: exported ${exported}, errors ${failed}`,
  titleHit: 'title',
  paragraphHit: (n: number) => `¶${n}`,
  severity: { error: 'error', warning: 'warning', info: 'info' } as Record<'error' | 'warning' | 'info', string>,
  lintSummary: (errors: number, warnings: number, infos: number, files: number) => `${errors} errors, ${warnings} warnings, ${infos} infos in ${files} files`,
  lintFixed: (path: string, count: number) => `${path}: fixed (${count} problems)`,
  lint: {
    'unescaped-text': (text, escaped) => `"${text}" is text, not markup, but is not escaped: write it as "${escaped}"`,
    'empty-paragraph': () => 'empty paragraph',
    'broken-paragraph': () => "line break inside a paragraph's text (from the page's markup); readers join it",
    'style-drift': (markup, usual) => `this paragraph's markup (${markup}) differs from the file's usual paragraph (${usual})`,
    'image-placeholder': () => 'a picture was here (image placeholder)',
    'duplicate-paragraph': (first) => `this paragraph repeats paragraph ${first}`,
    'halfwidth-punctuation': (halfwidth, fullwidth) => `half-width "${halfwidth}" in Chinese text: write "${fullwidth}"`,
    'mojibake-replacement': () => 'unreadable characters (U+FFFD): the file is probably GB18030; reopen it with the GB18030 encoding before saving',
    'mojibake-garbled': () => 'garbled text (UTF-8 read in another encoding before it was saved); the right text is not in the file',
    'unclosed-element': (tag) => `${tag} is never closed`,
    'unopened-close': (tag) => `${tag} closes an element that was never opened`,
    'page-furniture': (text) => `"${text}" is the page's furniture, not the article`,
    'other-indent': (indent) => `indent of ${indent} instead of 　　 (two U+3000)`,
  } as LintMessages,
};

export type Messages = typeof en;

const zh: Messages = {
  usage: `用法：article <命令> [选项]

命令：
  outline 文件 [--json]                  文章大纲（标题、小标题、段落、图片）
  export 路径... --format 格式           导出文件的纯文本，以及文件夹中的 .txt 文章
                                         （递归遍历；不是文章的文件会被跳过）
  normalize 路径... --check | --write    将标记改写为规范格式：--check 列出需要修改的文件
                                         （有则退出码为 1），--write 按原编码原子地改写文件
  duplicates 路径... [--json] [--threshold T]
                                         列出完全重复与近似重复的文章组（近似：一篇至少包含
                                         另一篇 T 比例的文字，默认 0.8）
  search 文本 路径... [--json]           在文章的纯文本中查找文字（找不到时退出码为 1）
  lint 路径... [--json] [--fix]          检查文件中的问题（见 docs/rules.md）：每个问题一行，或 --json；
                                         --fix 按原编码原子地应用所有安全的修复；
                                         仍有警告或错误时退出码为 1；--jobs N 同 export

规范化选项：
  --style CSS                            span 的样式（默认：种子文件的样式）
  --indent keep|fullwidth|none           每段前的　　（默认 keep）
  --layout oneLine|blockPerLine          正文写成一行，或每段一行（默认 oneLine）
  --keep-empty                           保留空段落（默认删除）
  -j, --jobs N                           --check 的工作线程数，同 export

导出选项：
  -f, --format txt|md|json|jsonl         输出格式（必填）
  -o, --out 文件夹                       每篇文章写成一个文件，按输入的目录结构放入该文件夹；
                                         不指定时全部输出到标准输出（json：一个文件为一个对象，
                                         否则为数组；jsonl：每篇一行）
  --overwrite                            替换输出文件夹中已有的文件（源文件永不替换）
  -j, --jobs N                           工作线程数（默认：CPU 核数，最多 8）
  --indent none|fullwidth                txt 和 md 中每段前是否加　　（默认 none）
  --images marker|drop                   图片占位写成标记行或省略（默认 marker）
  --image-marker 文本                    图片标记（默认 [图片]）
  --from-jsonl 文件|-                    供 Spark 的 RDD.pipe、Hadoop Streaming 等使用的映射器：
                                         从文件或标准输入（-）逐行读取 JSON 记录，
                                         {"path": P, "text": T} 或 {"path": P, "base64": 原始字节}；
                                         按相同顺序每条记录向标准输出写一行：其 jsonl 导出，或
                                         {"path": P, "error": 代码, "message": 说明}；空行不算记录；
                                         不接受路径，只支持 --format jsonl；有错误记录时退出码仍为 0

选项：
  -h, --help                             显示帮助
  --version                              显示版本

跟随指向文件和文件夹的符号链接（指回正在遍历的文件夹的链接报告为循环）。只读取不超过
64 MB 的普通文件。

退出码：0 完成；1 部分文件未能读取、导出或规范化（逐个列在标准错误中），或 lint 发现警告或错误；
2 用法错误（以及：
两个输入对应同一个输出文件名，或 --out 不可用）。`,
  unknownCommand: (name) => `未知命令：${name}`,
  noCommand: '未指定命令',
  missingFile: '未指定文件',
  oneFile: 'outline 只接受一个文件',
  badFormat: (format) => `不支持的格式：${format}（支持：txt、md、json、jsonl）`,
  missingFormat: '必须指定 --format：txt、md、json 或 jsonl',
  emptyOut: '--out 需要一个文件夹名',
  badOut: (path, reason) => `--out ${path}：不能用作输出文件夹（${reason}）；未写入任何文件`,
  collision: (a, b) => `${a} 和 ${b} 会导出到同一个文件；未写入任何文件`,
  stdoutFailed: (reason) => `无法写入标准输出（${reason}）`,
  notRegular: (path) => `${path}：不是普通文件（FIFO、设备或套接字）；未读取`,
  truncated: (path) => `${path}：文本在一个字符中间结束（文件被截断）`,
  unreadableFolder: (path, reason) => `${path}：无法读取文件夹（${reason}）；已跳过`,
  symlinkLoop: (path) => `${path}：符号链接循环；未跟随`,
  outsideOut: (path) => `${path}：会（经由符号链接）写到输出文件夹之外；未写入`,
  exists: (path) => `${path}：已存在；未替换（使用 --overwrite）`,
  guessedEncoding: (path) => `${path}：编码是猜测的，并不确定；未作修改`,
  changed: (path) => `${path}：读取后已被修改（仍在写入，或期间被保存）；未作修改`,
  readOnly: (path) => `${path}：只读；未作修改`,
  hardLink: (path) => `${path}：有其他硬链接，替换会破坏它们；未作修改`,
  symlink: (path) => `${path}：是符号链接；未处理`,
  dirty: (path) => `${path}：编辑器中有未保存的更改；未作修改`,
  owner: (path) => `${path}：无法保留其所有者；未作修改`,
  cannotWrite: (path, reason) => `${path}：无法写入（${reason}）`,
  badChoice: (option, value, choices) => `--${option} ${value}：应为 ${choices} 之一`,
  badJobs: (value) => `--jobs ${value}：应为 1 到 64 的整数`,
  notArticle: (path) => `${path}：不是文章，已跳过`,
  wouldOverwrite: (path) => `${path}：输出会覆盖源文件；未写入`,
  progress: (n, path) => `${n} 个文件：${path}`,
  exportSummary: (exported, skipped, failed) => `已导出 ${exported}，跳过 ${skipped}，失败 ${failed}`,
  unsafeNormalize: (path) => `${path}：规范化会改变其文字，未作修改`,
  normalized: (path) => `已规范化 ${path}`,
  normalizeCheckSummary: (changed, unchanged, skipped, failed) => `${changed} 个需要修改，${unchanged} 个已是规范格式，跳过 ${skipped} 个，${failed} 个失败`,
  normalizeWriteSummary: (changed, unchanged, skipped, failed) => `已规范化 ${changed} 个，${unchanged} 个已是规范格式，跳过 ${skipped} 个，${failed} 个失败`,
  checkOrWrite: 'normalize 需要 --check 或 --write',
  badOption: (message) => `选项错误：${message}`,
  seeHelp: "运行 'article --help' 查看用法",
  notFound: (path) => `${path}：文件不存在`,
  isDirectory: (path) => `${path}：是文件夹，不是文件`,
  unreadable: (path, reason) => `${path}：无法读取（${reason}）`,
  empty: (path) => `${path}：文件为空`,
  binary: (path) => `${path}：二进制数据，不是文章`,
  encoding: (path) => `${path}：既不是 UTF-8 也不是 GB18030 文本`,
  tooLarge: (path, limit) => `${path}：文件过大（上限为 ${limit}）`,
  image: '[图片]',
  untitled: '（无标题）',
  emptyNode: '（空段落）',
  chars: (n) => `${n} 字`,
  exactGroup: (n) => `完全重复（${n} 个文件）：`,
  nearGroup: (n, percent) => `近似重复（${n} 个文件，相似度 ${percent}%）：`,
  duplicatesSummary: (articles, groups, failed) => `${articles} 篇文章，${groups} 组重复，${failed} 个失败`,
  badThreshold: (value) => `--threshold ${value}：应为大于 0、不超过 1 的数`,
  missingPattern: '未指定要查找的文字',
  fromJsonlPaths: '--from-jsonl 从文件或标准输入读取记录：不要再指定路径',
  fromJsonlFormat: (format) => `--from-jsonl 输出 JSON Lines：不能使用 --format ${format}（省略它，或用 jsonl）`,
  fromJsonlOut: '--from-jsonl 输出到标准输出：不能使用 --out',
  recordBadJson: '不是 JSON 记录（或不是 UTF-8）',
  recordBadFields: '不是有效记录：应为对象，含字符串 "path"，以及 "text" 或 "base64" 之一（字符串）',
  recordBadBase64: '"base64" 不是有效的 base64',
  recordTooLong: (limit) => `该行超过 ${limit}，已跳过`,
  recordInternal: (detail) => `内部错误：${detail}`,
  recordsSummary: (exported, failed) => `记录：已导出 ${exported}，错误 ${failed}`,
  titleHit: '标题',
  paragraphHit: (n) => `第${n}段`,
  severity: { error: '错误', warning: '警告', info: '信息' },
  lintSummary: (errors, warnings, infos, files) => `${files} 个文件中有 ${errors} 个错误、${warnings} 个警告、${infos} 条信息`,
  lintFixed: (path, count) => `${path}：已修复（${count} 个问题）`,
  lint: {
    'unescaped-text': (text, escaped) => `“${text}”是文字而不是标记，却没有转义：应写作“${escaped}”`,
    'empty-paragraph': () => '空段落',
    'broken-paragraph': () => '段落文字中有来自网页标记的换行；阅读时会被连接',
    'style-drift': (markup, usual) => `此段的标记（${markup}）与本文件通常的段落（${usual}）不同`,
    'image-placeholder': () => '此处原有图片（图片占位）',
    'duplicate-paragraph': (first) => `此段与第 ${first} 段重复`,
    'halfwidth-punctuation': (halfwidth, fullwidth) => `中文中使用了半角“${halfwidth}”：应写作“${fullwidth}”`,
    'mojibake-replacement': () => '无法识别的字符（U+FFFD）：文件可能是 GB18030 编码；保存前请用 GB18030 编码重新打开',
    'mojibake-garbled': () => '乱码（UTF-8 文字曾被按其他编码读取后保存）；文件中已没有正确的文字',
    'unclosed-element': (tag) => `${tag} 没有闭合`,
    'unopened-close': (tag) => `${tag} 闭合了一个从未打开的元素`,
    'page-furniture': (text) => `“${text}”是网页的附属内容，不是正文`,
    'other-indent': (indent) => `缩进使用了 ${indent}，而不是　　（两个 U+3000）`,
  },
};

export function pickMessages(env: NodeJS.ProcessEnv = process.env): Messages {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(locale) ? zh : en;
}

/**
 * A path as it may be printed on a terminal: control characters (newlines, escape codes) are
 * shown as escapes (`\n`, `\x1b`), never sent raw.
 */
export function printable(path: string): string {
  // Control characters are exactly what this looks for.
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

function megabytes(limit: string | undefined): string {
  const bytes = Number(limit);
  return Number.isFinite(bytes) ? `${Math.round(bytes / (1024 * 1024))} MB` : (limit ?? '');
}

/** The one-line message for a file or folder that could not be read, exported, written or normalized. */
export function describeProblem(messages: Messages, { path: rawPath, problem, detail }: Problem): string {
  const path = printable(rawPath);
  switch (problem) {
    case 'missing':
      return messages.notFound(path);
    case 'folder':
      return messages.isDirectory(path);
    case 'empty':
      return messages.empty(path);
    case 'binary':
      return messages.binary(path);
    case 'encoding':
      return messages.encoding(path);
    case 'truncated':
      return messages.truncated(path);
    case 'too-large':
      return messages.tooLarge(path, megabytes(detail));
    case 'not-regular':
      return messages.notRegular(path);
    case 'unreadable':
      return messages.unreadable(path, detail ?? problem);
    case 'not-article':
      return messages.notArticle(path);
    case 'unreadable-folder':
      return messages.unreadableFolder(path, detail ?? problem);
    case 'symlink-loop':
      return messages.symlinkLoop(path);
    case 'source':
      return messages.wouldOverwrite(path);
    case 'outside-out':
      return messages.outsideOut(path);
    case 'exists':
      return messages.exists(path);
    case 'unsafe':
      return messages.unsafeNormalize(path);
    case 'guessed-encoding':
      return messages.guessedEncoding(path);
    case 'changed':
      return messages.changed(path);
    case 'read-only':
      return messages.readOnly(path);
    case 'hard-link':
      return messages.hardLink(path);
    case 'symlink':
      return messages.symlink(path);
    case 'dirty':
      return messages.dirty(path);
    case 'owner':
      return messages.owner(path);
    case 'write':
      return messages.cannotWrite(path, detail ?? problem);
  }
}
