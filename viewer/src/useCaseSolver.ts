import { useCallback, useEffect, useRef, useState } from 'react';
import { SolveCancelledError, SolveClient, type SolvedCase, type SolveProgress } from './worker/solveClient';

export type SolveStatus = 'idle' | 'solving' | 'done' | 'error' | 'cancelled';

export interface CaseSolverState {
  status: SolveStatus;
  progress: SolveProgress | null;
  /** performance.now() when the running solve started [ms] */
  startedAt: number;
  error: string | null;
  /** the last successful solve and the case input it solved */
  solved: (SolvedCase & { input: unknown }) | null;
  /** solves started so far (tells one finished solve from the next) */
  solves: number;
}

/** Solves cases in a worker; one solve at a time, a new one cancels the running one. */
export function useCaseSolver() {
  const client = useRef<SolveClient | null>(null);
  const [state, setState] = useState<CaseSolverState>({
    status: 'idle',
    progress: null,
    startedAt: 0,
    error: null,
    solved: null,
    solves: 0,
  });

  useEffect(() => {
    const c = new SolveClient();
    client.current = c;
    return () => c.dispose();
  }, []);

  const solve = useCallback((input: unknown) => {
    const c = client.current;
    if (!c) return;
    setState((s) => ({
      ...s,
      status: 'solving',
      progress: null,
      startedAt: performance.now(),
      error: null,
      solves: s.solves + 1,
    }));
    c.solve(input, (progress) => setState((s) => ({ ...s, progress }))).then(
      (solved) => setState((s) => ({ ...s, status: 'done', progress: null, solved: { ...solved, input } })),
      (e: Error) =>
        setState((s) =>
          e instanceof SolveCancelledError ? s : { ...s, status: 'error', progress: null, error: e.message },
        ),
    );
  }, []);

  const cancel = useCallback(() => {
    client.current?.cancel();
    setState((s) => (s.status === 'solving' ? { ...s, status: 'cancelled', progress: null } : s));
  }, []);

  return { state, solve, cancel };
}
