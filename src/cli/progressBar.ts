import { SingleBar } from 'cli-progress';

/** The batch progress bar: ticks per finished case, and a place for trouble (Redis away). */
export interface BatchProgress {
  tick(failed: number): void;
  /** what is wrong right now, beside the bar (null: nothing) */
  status(text: string | null): void;
  /** a one-off event, on a line of its own */
  note(line: string): void;
  stop(): void;
}

/** Without a terminal, a lasting status is repeated at most this often [ms], so logs stay short. */
const STATUS_LOG_EVERY_MS = 10_000;

/**
 * The batch progress bar on stderr: done/total, ETA, failures and a status. Without a terminal
 * (a log file, CI) the bar itself is silent and status and notes are plain lines.
 */
export function batchProgressBar(total: number, stream: NodeJS.WriteStream = process.stderr): BatchProgress {
  const terminal = stream.isTTY === true;
  const bar = new SingleBar({
    format: '{bar} {percentage}% | {value}/{total} cases | ETA {eta_formatted} | failed {failed}{status}',
    stream,
    hideCursor: true,
    etaBuffer: 8,
  });
  let failedNow = 0;
  let shown: string | null = null;
  let loggedAt = 0;
  bar.start(total, 0, { failed: 0, status: '' });
  return {
    tick(failed) {
      failedNow = failed;
      bar.increment(1, { failed });
    },
    status(text) {
      if (text === shown) return;
      const first = shown === null;
      shown = text;
      if (terminal) bar.increment(0, { failed: failedNow, status: text === null ? '' : ` | ${text}` });
      else if (text !== null && (first || Date.now() - loggedAt >= STATUS_LOG_EVERY_MS)) {
        loggedAt = Date.now();
        stream.write(`stackpress: ${text}\n`);
      }
    },
    note(line) {
      // on a terminal: clear the bar's line, print, and let the bar redraw below
      stream.write(terminal ? `\r\x1b[2K${line}\n` : `${line}\n`);
      if (terminal) bar.increment(0, { failed: failedNow });
    },
    stop() {
      bar.stop();
    },
  };
}
