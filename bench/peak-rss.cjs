/**
 * A preload for the export benchmark: `node --require bench/peak-rss.cjs SCRIPT …` writes, when the
 * process exits, its peak resident set size and CPU time to the file named by
 * $ARTICLE_BENCH_USAGE_FILE. getrusage(RUSAGE_SELF) covers the whole process, worker threads
 * included, so nothing else (no `/usr/bin/time`) is needed.
 *
 * Worker threads load preloads too: only the main thread writes.
 */
'use strict';
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.ARTICLE_BENCH_USAGE_FILE;
if (isMainThread && file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }),
    );
  });
}
