/**
 * The CLI's standard output: a reader that goes away (`| head -1`, EPIPE) ends the output quietly;
 * any other failure (`> /dev/full`, ENOSPC) is remembered and reported once, as one line, at the
 * end. Writes after that are dropped; the work under way (files being written) goes on safely.
 */
export class Output {
  /** Set when stdout can take no more: `EPIPE` for a closed pipe, else the error's code. */
  failure: string | undefined;

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.failure ??= error.code ?? String(error);
    });
    // Messages on stderr are best effort: a closed stderr must not end the run either.
    process.stderr.on('error', () => undefined);
  }

  get closed(): boolean {
    return this.failure !== undefined;
  }

  /** Writes a chunk, waiting while the stream asks to; resolves at once when stdout is gone. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.closed) return;
    const ok = this.stream.write(chunk, (error) => {
      if (error) this.failure ??= (error as NodeJS.ErrnoException).code ?? String(error);
    });
    if (ok) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }
}
