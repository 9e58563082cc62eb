/**
 * The export's side of a worker thread (src/cli/worker.ts): batches of {@link ExportJob}s in, their
 * results out. A batch's outputs come back as UTF-8 bytes in one buffer that is transferred, not
 * copied: the encoding is done here, in parallel, and the main thread only writes the bytes.
 * dist/worker.js (src/cli/workerMain.ts) is this alone, minified: an export worker loads neither
 * the lint nor the GB18030 encoder.
 */
import { parentPort } from 'node:worker_threads';
import { runExportJob, type ExportJob, type ExportJobResult } from '../core/batch/export';
import { nodeFs } from '../node/batchFs';

/**
 * The batch's text outputs as UTF-8 bytes, views of one buffer (exactly as long as they need,
 * with memory of its own: safe to transfer), and that buffer.
 */
export function packOutputs(results: readonly ExportJobResult[]): { results: ExportJobResult[]; buffer: ArrayBuffer } {
  let total = 0;
  for (const result of results) if (result.ok) total += typeof result.output === 'string' ? Buffer.byteLength(result.output, 'utf8') : result.output.length;
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  const packed = results.map((result): ExportJobResult => {
    if (!result.ok) return result;
    const start = at;
    if (typeof result.output === 'string') at += bytes.write(result.output, at, 'utf8');
    else {
      bytes.set(result.output, at);
      at += result.output.length;
    }
    return { seq: result.seq, ok: true, output: new Uint8Array(bytes.buffer, bytes.byteOffset + start, at - start) };
  });
  return { results: packed, buffer: bytes.buffer };
}

export function serveExportJobs(): void {
  parentPort!.on('message', (jobs: ExportJob[]) => {
    void (async () => {
      const results: ExportJobResult[] = [];
      for (const job of jobs) results.push(await runExportJob(nodeFs, job));
      const { results: packed, buffer } = packOutputs(results);
      parentPort!.postMessage(packed, [buffer]);
    })();
  });
}
