/** A Ctrl-C latch: the first SIGINT asks the run to stop cleanly, a second one exits at once. */
export interface Interrupt {
  readonly stopped: boolean;
  /** called once on the first Ctrl-C */
  onStop(listener: () => void): void;
  /** remove the signal handlers */
  dispose(): void;
}

export function catchInterrupt(): Interrupt {
  let stopped = false;
  const listeners: (() => void)[] = [];
  const handler = () => {
    if (stopped) {
      process.stderr.write('\nstackpress: interrupted again — exiting now\n');
      process.exit(130);
    }
    stopped = true;
    process.stderr.write('\nstackpress: stopping after the running cases abort (Ctrl-C again to force)\n');
    for (const l of listeners) l();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get stopped() {
      return stopped;
    },
    onStop(listener) {
      listeners.push(listener);
    },
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
