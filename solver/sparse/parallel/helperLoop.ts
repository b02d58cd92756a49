/**
 * The helper thread's side of the two-thread factorization: keeps the structures it is
 * sent and factors the subtrees it is asked for, straight into the shared L. The platform
 * wires the returned handler to its message event (Node: parentPort, browser: onmessage).
 */
import { packBuffer } from '../kernels/schurUpdate';
import { factorSubtree, originalDiagonal, packDoubles } from '../multifrontal';
import { substituteSubtree } from '../supernodalSolve';
import type { FactorStructure, FactorWorkspace } from '../types';
import { CLAIMED, DONE, EXCEPTION, type HelperMessage, POSTED } from './factorHelper';

interface Kept {
  structure: FactorStructure;
  /** this thread's workspaces (L and the caller's stack come with each task) */
  workspace: Omit<FactorWorkspace, 'values'>;
  /** a substitution's gather buffer (rows below one supernode) */
  below: Float64Array;
}

/** A message handler for the helper thread. */
export function helperLoop(): (message: HelperMessage) => void {
  const kept = new Map<number, Kept>();
  return (message) => {
    if (message.kind === 'structure') {
      kept.set(message.id, {
        structure: message.structure,
        workspace: {
          stack: new Float64Array(0),
          front: new Float64Array(message.frontSize),
          pack: packBuffer(packDoubles(message.maxPanelRows)),
          diagonal: new Float64Array(message.n),
          rowPos: new Int32Array(message.n),
          relative: new Int32Array(message.maxRowsBelow),
        },
        below: new Float64Array(message.maxRowsBelow),
      });
    } else if (message.kind === 'forget') {
      kept.delete(message.id);
    } else {
      const { control, seq } = message;
      // a task the caller has revoked (it factored the subtree itself) is skipped
      const posted = seq * 4 + POSTED;
      if (Atomics.compareExchange(control, 0, posted, seq * 4 + CLAIMED) !== posted) return;
      let result = EXCEPTION;
      try {
        result =
          message.kind === 'factor'
            ? factorTask(kept.get(message.id), message)
            : sweepTask(kept.get(message.id), message);
      } finally {
        Atomics.store(control, 1, result);
        Atomics.store(control, 0, seq * 4 + DONE);
        Atomics.notify(control, 0);
      }
    }
  };
}

function factorTask(k: Kept | undefined, task: Extract<HelperMessage, { kind: 'factor' }>): number {
  if (!k) return EXCEPTION;
  const { structure } = k;
  if (k.workspace.stack.length < task.stackSize) k.workspace.stack = new Float64Array(task.stackSize);
  const ws: FactorWorkspace = { ...k.workspace, values: task.values };
  const from = structure.superStart[task.first];
  const to = structure.superStart[task.last + 1];
  originalDiagonal(structure, task.aValues, ws.diagonal, from, to);
  return factorSubtree(structure, ws, task.aValues, task, task.stack, task.tolerance);
}

function sweepTask(k: Kept | undefined, task: Extract<HelperMessage, { kind: 'sweep' }>): number {
  if (!k) return EXCEPTION;
  const { structure, below } = k;
  const forward = task.forward ? { spill: task.spill, limit: task.limit } : null;
  substituteSubtree(structure, task.values, task.first, task.last, task.y, below, forward);
  return 0;
}
