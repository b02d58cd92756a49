import { SingleBar } from 'cli-progress';

/** What the design progress bar shows besides the count: feasible designs and the best so far. */
export interface DesignProgressState {
  feasible: number;
  failed: number;
  /** the best feasible design within the CoV limit so far: efficiency [%] and CoV [-] */
  best: { efficiencyPct: number; cov: number } | null;
}

export interface DesignProgress {
  /** one more design evaluated */
  tick(state: DesignProgressState): void;
  /** a generation ended (without a terminal: one line per generation) */
  generation(n: number, evaluations: number, state: DesignProgressState): void;
  stop(): void;
}

const bestText = (s: DesignProgressState) =>
  s.best ? `${s.best.efficiencyPct.toFixed(2)} %, CoV ${s.best.cov.toFixed(3)}` : 'none yet';

/**
 * The design progress bar on stderr: evaluations done/budget, feasible so far, failed, and the
 * best feasible design so far (its efficiency and CoV). Without a terminal (a log, CI) the bar
 * is silent and each generation prints one line instead.
 */
export function designProgressBar(
  budget: number,
  stream: NodeJS.WriteStream = process.stderr,
): DesignProgress {
  const terminal = stream.isTTY === true;
  const bar = new SingleBar({
    format:
      '{bar} {value}/{total} designs | ETA {eta_formatted} | feasible {feasible} | failed {failed} | best {best}',
    stream,
    hideCursor: true,
    etaBuffer: 20,
  });
  bar.start(budget, 0, { feasible: 0, failed: 0, best: 'none yet' });
  return {
    tick(state) {
      bar.increment(1, { feasible: state.feasible, failed: state.failed, best: bestText(state) });
    },
    generation(n, evaluations, state) {
      if (!terminal)
        stream.write(
          `stackpress: generation ${n}: ${evaluations}/${budget} designs, ${state.feasible} feasible, ${state.failed} failed, best ${bestText(state)}\n`,
        );
    },
    stop() {
      bar.stop();
    },
  };
}
