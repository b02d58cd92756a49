/**
 * A second factorization thread, as seen from the thread that calls `factor`. The helper
 * factors one subtree of the assembly tree (see subtreeSplit.ts) straight into the shared
 * L while the caller factors the rest; `factor` stays synchronous because the caller
 * blocks on a shared control word (Atomics.wait, allowed on Node's main thread and in
 * browser workers) instead of awaiting a message.
 *
 * The transport is anything with `postMessage` (a Node worker, a browser Worker): the
 * platform creates the thread and runs `helperLoop` (helperLoop.ts) on its messages.
 * Nothing here is Node- or DOM-specific.
 */
import type { FactorStructure, NumericFactor, SymbolicFactor } from '../types';
import type { SubtreeSplit } from './subtreeSplit';

/** What `factor` hands a helper: split's subtree of sym, A's values, the factor to write into. */
export interface SubtreeTask {
  sym: SymbolicFactor;
  split: SubtreeSplit;
  aValues: Float64Array;
  num: NumericFactor;
  tolerance: number;
}

/** The shared vectors of a two-thread substitution: the right-hand side being solved, T's updates of its ancestors, T's entries as they were. */
export interface SweepVectors {
  y: Float64Array;
  spill: Float64Array;
  backup: Float64Array;
}

/** What a substitution hands a helper: split's subtree of sym, in the shared L and vectors. */
export interface SweepTask {
  sym: SymbolicFactor;
  split: SubtreeSplit;
  values: Float64Array;
  vectors: SweepVectors;
  /** forward (L⁻¹) or back (L⁻ᵀ) substitution */
  forward: boolean;
}

/** A thread that can factor a subtree for `factor` (two-thread factorization), and substitute through one. */
export interface FactorHelper {
  /** A Float64Array of `length` zeros in memory the helper thread can write. */
  sharedArray(length: number): Float64Array;
  /** Hands the task to the helper; does not block. Returns a ticket for `end`. */
  begin(task: SubtreeTask): number;
  /** Shared vectors of at least n entries for a substitution (the same ones each time, grown as needed). */
  sweepVectors(n: number): SweepVectors;
  /** Hands the subtree's part of a substitution to the helper; does not block. Returns a ticket for `end`. */
  beginSweep(task: SweepTask): number;
  /**
   * Waits until the helper has done its task (factored the subtree, or its part of a
   * substitution). If it had not started yet, or failed, revokes the task and runs `here` (the
   * subtree on the calling thread) instead. Returns 0, or -(column + 1) of a failed pivot, as
   * `here` does.
   */
  end(ticket: number, here: () => number, kind?: 'factor' | 'sweep'): number;
  /**
   * Subtrees factored by the helper and factorization tasks revoked because it had not started
   * or failed (the caller did them); substitutions it took half of, and substitution tasks the
   * caller took back (a sparse right-hand side often finishes this thread's part before the
   * helper has woken up).
   */
  readonly counts: { helped: number; revoked: number; swept: number; sweepsTakenBack: number };
  /** true once the helper failed to finish a subtree in time: `factor` never hands it work again */
  readonly stopped: boolean;
}

/** Messages from the factoring thread to the helper thread. */
export type HelperMessage =
  | {
      kind: 'structure';
      id: number;
      structure: FactorStructure;
      n: number;
      frontSize: number;
      maxPanelRows: number;
      maxRowsBelow: number;
    }
  | { kind: 'forget'; id: number }
  | {
      kind: 'sweep';
      id: number;
      seq: number;
      control: Int32Array;
      values: Float64Array;
      y: Float64Array;
      spill: Float64Array;
      forward: boolean;
      first: number;
      last: number;
      /** T's columns end here: the helper's forward updates of rows at or past it go to spill[row − limit] */
      limit: number;
    }
  | {
      kind: 'factor';
      id: number;
      seq: number;
      /** [state, result]: state = seq·4 + phase, result 0, -(column+1) or EXCEPTION */
      control: Int32Array;
      values: Float64Array;
      stack: Float64Array;
      aValues: Float64Array;
      first: number;
      last: number;
      stackOffset: number;
      updateSize: number;
      stackSize: number;
      tolerance: number;
    };

/** Phases of a task in its control word (low two bits; the rest is the task's sequence number). */
export const POSTED = 0;
export const CLAIMED = 1;
export const DONE = 2;
export const REVOKED = 3;
/** Result code of a helper that threw (the caller then factors the subtree itself). */
export const EXCEPTION = 1;

/** Structures the helper keeps (the latest patterns: a mesh's plates, a sweep's meshes). */
const KEPT_STRUCTURES = 3;
/** How long `end` waits for a helper that has started a subtree: floor [s] plus its flops at this rate [flop/s]. */
export interface HelperTimeout {
  floorSeconds: number;
  slowestRate: number;
}
const DEFAULT_TIMEOUT: HelperTimeout = { floorSeconds: 30, slowestRate: 1e7 };

/** A FactorHelper over shared memory and a message port to a thread running `helperLoop`. */
export class SharedMemoryHelper implements FactorHelper {
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private seq = 0;
  private nextId = 1;
  private readonly ids = new WeakMap<SymbolicFactor, number>();
  private readonly kept: number[] = [];
  private aShared: Float64Array = new Float64Array(0);
  private sweep: SweepVectors | null = null;
  private timeoutSeconds = 0;
  readonly counts = { helped: 0, revoked: 0, swept: 0, sweepsTakenBack: 0 };
  stopped = false;

  constructor(
    private readonly port: { postMessage(message: HelperMessage): void },
    private readonly timeout: HelperTimeout = DEFAULT_TIMEOUT,
  ) {}

  sharedArray(length: number): Float64Array {
    return new Float64Array(new SharedArrayBuffer(8 * Math.max(length, 1)), 0, length);
  }

  begin({ sym, split, aValues, num, tolerance }: SubtreeTask): number {
    const id = this.structureId(sym);
    if (this.aShared.length < aValues.length) this.aShared = this.sharedArray(aValues.length);
    this.aShared.set(aValues);
    this.seq = (this.seq + 1) & 0xfffffff;
    Atomics.store(this.control, 0, this.seq * 4 + POSTED);
    Atomics.store(this.control, 1, 0);
    this.timeoutSeconds = this.timeout.floorSeconds + split.flops.helper / this.timeout.slowestRate;
    this.port.postMessage({
      kind: 'factor',
      id,
      seq: this.seq,
      control: this.control,
      values: num.values,
      stack: num.stack,
      aValues: this.aShared,
      first: split.first,
      last: split.last,
      stackOffset: split.stackOffset,
      updateSize: split.updateSize,
      stackSize: split.stackSize,
      tolerance,
    });
    return this.seq;
  }

  sweepVectors(n: number): SweepVectors {
    if (!this.sweep || this.sweep.y.length < n)
      this.sweep = { y: this.sharedArray(n), spill: this.sharedArray(n), backup: new Float64Array(n) };
    return this.sweep;
  }

  beginSweep({ sym, split, values, vectors, forward }: SweepTask): number {
    const id = this.structureId(sym);
    this.seq = (this.seq + 1) & 0xfffffff;
    Atomics.store(this.control, 0, this.seq * 4 + POSTED);
    Atomics.store(this.control, 1, 0);
    // a substitution streams the subtree's panels once: about a flop per panel entry
    const entries = sym.panelPtr[split.last + 1] - sym.panelPtr[split.first];
    this.timeoutSeconds = this.timeout.floorSeconds + (2 * entries) / this.timeout.slowestRate;
    this.port.postMessage({
      kind: 'sweep',
      id,
      seq: this.seq,
      control: this.control,
      values,
      y: vectors.y,
      spill: vectors.spill,
      forward,
      first: split.first,
      last: split.last,
      limit: sym.superStart[split.last + 1],
    });
    return this.seq;
  }

  end(ticket: number, here: () => number, kind: 'factor' | 'sweep' = 'factor'): number {
    const c = this.control;
    const posted = ticket * 4 + POSTED;
    if (Atomics.compareExchange(c, 0, posted, ticket * 4 + REVOKED) === posted) {
      if (kind === 'factor') this.counts.revoked++;
      else this.counts.sweepsTakenBack++;
      return here();
    }
    const deadline = performance.now() + 1000 * this.timeoutSeconds;
    for (;;) {
      const state = Atomics.load(c, 0);
      if (state === ticket * 4 + DONE) break;
      const left = deadline - performance.now();
      if (left > 0) Atomics.wait(c, 0, state, Math.min(1000, left));
      else {
        // a hung helper is never handed work again (and may still write into this factor)
        this.stopped = true;
        throw new Error(
          `factor: the helper thread has not finished its subtree after ${this.timeoutSeconds.toFixed(1)} s; it has stopped`,
        );
      }
    }
    const result = Atomics.load(c, 1);
    if (result === EXCEPTION) {
      if (kind === 'factor') this.counts.revoked++;
      else this.counts.sweepsTakenBack++;
      return here();
    }
    if (kind === 'factor') this.counts.helped++;
    else this.counts.swept++;
    return result;
  }

  /** The id under which the helper holds sym's structure, sending it first if needed. */
  private structureId(sym: SymbolicFactor): number {
    const known = this.ids.get(sym);
    if (known !== undefined && this.kept.includes(known)) return known;
    const id = this.nextId++;
    this.ids.set(sym, id);
    this.kept.push(id);
    if (this.kept.length > KEPT_STRUCTURES) this.port.postMessage({ kind: 'forget', id: this.kept.shift()! });
    this.port.postMessage({
      kind: 'structure',
      id,
      structure: {
        superStart: sym.superStart,
        superRowPtr: sym.superRowPtr,
        superRows: sym.superRows,
        superChildPtr: sym.superChildPtr,
        superChildren: sym.superChildren,
        panelPtr: sym.panelPtr,
        aEntryPtr: sym.aEntryPtr,
        aSource: sym.aSource,
        aTarget: sym.aTarget,
        aDiagonal: sym.aDiagonal,
      },
      n: sym.n,
      frontSize: sym.frontSize,
      maxPanelRows: sym.maxPanelRows,
      maxRowsBelow: sym.maxRowsBelow,
    });
    return id;
  }
}
