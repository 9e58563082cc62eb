/**
 * dist/worker.js: the script of the CLI's export and `normalize --check` worker threads
 * (src/cli/exportWorker.ts, src/cli/normalizeWorker.ts). An entry of its own, so that a worker
 * loads a small minified bundle of just that work, not the whole CLI.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { serveExportJobs } from './exportWorker';
import { serveNormalizeChecks } from './normalizeWorker';

const kind = isMainThread ? undefined : (workerData as { articleBatchWorker?: unknown } | undefined)?.articleBatchWorker;
if (kind === 'export') serveExportJobs();
else if (kind === 'normalize') serveNormalizeChecks();
