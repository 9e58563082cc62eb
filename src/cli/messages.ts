/**
 * The command line tool's strings in English and 简体中文, picked from the environment's locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`, then the platform's default).
 */

const en = {
  usage: `Usage: article <command> [options]

Commands:
  outline FILE [--json]            the article's outline (title, headings, paragraphs, images)
  export FILE... --format json     the clean text as JSON (one object for one file, an array for several)

Options:
  -h, --help                       show this help
  --version                        show the version`,
  unknownCommand: (name: string) => `unknown command: ${name}`,
  noCommand: 'no command given',
  missingFile: 'no file given',
  oneFile: 'outline takes exactly one file',
  badFormat: (format: string) => `unsupported format: ${format} (supported: json)`,
  badOption: (message: string) => `bad option: ${message}`,
  seeHelp: "run 'article --help' for usage",
  notFound: (path: string) => `${path}: no such file`,
  isDirectory: (path: string) => `${path}: is a folder, not a file`,
  unreadable: (path: string, reason: string) => `${path}: cannot be read (${reason})`,
  empty: (path: string) => `${path}: the file is empty`,
  binary: (path: string) => `${path}: binary data, not an article`,
  encoding: (path: string) => `${path}: neither UTF-8 nor GB18030 text`,
  tooLarge: (path: string) => `${path}: too large`,
  image: '[image]',
  untitled: '(untitled)',
  chars: (n: number) => `${n} chars`,
};

type Messages = typeof en;

const zh: Messages = {
  usage: `用法：article <命令> [选项]

命令：
  outline 文件 [--json]            文章大纲（标题、小标题、段落、图片）
  export 文件... --format json     导出纯文本为 JSON（一个文件输出一个对象，多个文件输出数组）

选项：
  -h, --help                       显示帮助
  --version                        显示版本`,
  unknownCommand: (name) => `未知命令：${name}`,
  noCommand: '未指定命令',
  missingFile: '未指定文件',
  oneFile: 'outline 只接受一个文件',
  badFormat: (format) => `不支持的格式：${format}（支持：json）`,
  badOption: (message) => `选项错误：${message}`,
  seeHelp: "运行 'article --help' 查看用法",
  notFound: (path) => `${path}：文件不存在`,
  isDirectory: (path) => `${path}：是文件夹，不是文件`,
  unreadable: (path, reason) => `${path}：无法读取（${reason}）`,
  empty: (path) => `${path}：文件为空`,
  binary: (path) => `${path}：二进制数据，不是文章`,
  encoding: (path) => `${path}：既不是 UTF-8 也不是 GB18030 文本`,
  tooLarge: (path) => `${path}：文件过大`,
  image: '[图片]',
  untitled: '（无标题）',
  chars: (n) => `${n} 字`,
};

export function pickMessages(env: NodeJS.ProcessEnv = process.env): Messages {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(locale) ? zh : en;
}
