/**
 * dist/worker.js: the script of the CLI's export worker threads (src/cli/exportWorker.ts). An entry
 * of its own, so that a worker loads a small minified bundle of the export alone, not the whole CLI.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { serveExportJobs } from './exportWorker';

if (!isMainThread && (workerData as { articleBatchWorker?: unknown } | undefined)?.articleBatchWorker === 'export') serveExportJobs();
