import { useCallback, useEffect, useRef, useState } from 'react';
import { libraryCase } from './domain/caseLibrary';
import type { ComparedCase } from './panels/ComparisonView';
import { SolveCancelledError, SolveClient } from './worker/solveClient';

/** Solves a list of library cases one after another in its own worker, for the comparison grid. */
export function useComparison(ids: readonly string[]) {
  const client = useRef<SolveClient | null>(null);
  const [cases, setCases] = useState<ComparedCase[]>([]);
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const c = new SolveClient();
    client.current = c;
    return () => c.dispose();
  }, []);

  const run = useCallback(async () => {
    const c = client.current;
    if (!c) return;
    setCases([]);
    setError(null);
    try {
      for (const id of ids) {
        const lib = libraryCase(id);
        if (!lib) throw new Error(`case ${id}.json is not in cases/`);
        setRunning(id);
        const solved = await c.solve(lib.input);
        setCases((old) => [...old, { id, summary: solved.summary, map: solved.fields.interfaces[0] }]);
      }
    } catch (e) {
      if (!(e instanceof SolveCancelledError)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(null);
    }
  }, [ids]);

  const cancel = useCallback(() => client.current?.cancel(), []);
  return { cases, running, error, run, cancel };
}
