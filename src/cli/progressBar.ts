import { SingleBar } from 'cli-progress';

/** The batch progress bar on stderr: done/total, ETA and failures. Silent when stderr is not a terminal. */
export function batchProgressBar(total: number): { tick(failed: number): void; stop(): void } {
  const bar = new SingleBar({
    format: '{bar} {percentage}% | {value}/{total} cases | ETA {eta_formatted} | failed {failed}',
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 8,
  });
  bar.start(total, 0, { failed: 0 });
  return {
    tick(failed) {
      bar.increment(1, { failed });
    },
    stop() {
      bar.stop();
    },
  };
}
