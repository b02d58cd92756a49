/**
 * The local phase of a hybrid (memetic) search: a batched coordinate pattern search around the
 * best feasible design, for the last part of a budget.
 *
 * Why: NSGA-II spreads its evaluations over the whole front and is still improving its lightest
 * design when a budget of a few hundred evaluations ends; the best designs bind on a constraint,
 * where a crossover child rarely lands. Spending the end of the budget on a local search from the
 * best design found is the hybrid of K. Deb, T. Goel, "A hybrid multi-objective evolutionary
 * approach to engineering shape design", EMO 2001, LNCS 1993, 385–399 (local search after the
 * evolutionary run), and of H. Ishibuchi, T. Murata, "A multi-objective genetic local search
 * algorithm and its application to flowshop scheduling", IEEE Trans. SMC C 28(3) (1998) 392–403.
 *
 * The local search is a compass (coordinate) search — T. G. Kolda, R. M. Lewis, V. Torczon,
 * "Optimization by direct search: new perspectives on some classical and modern methods", SIAM
 * Review 45(3) (2003) 385–482 — with the pattern move of R. Hooke, T. A. Jeeves, "'Direct
 * search' solution of numerical and statistical problems", J. ACM 8 (1961) 212–229:
 * - each poll moves one variable of the incumbent: a real one by ± its step (a share of its range:
 *   doubled, up to its first size, when it improved; halved when neither move of it did; not
 *   polled below a floor), a whole number to its neighbours, a choice to each other value;
 * - when no one-variable move improves, the next polls trade pairs of real variables (one up by
 *   its step, the other down by its), until a trade fails and every step halves: the best designs
 *   bind on a constraint, where every one-variable move is heavier or infeasible, and a trade
 *   walks along it (more search directions, as generating set search allows; Kolda et al.);
 * - the moves of one poll go out as one batch (they are independent, so a pool evaluates them in
 *   parallel); when two or more improved, the next batch also holds their combination (the
 *   pattern move);
 * - a move improves when it is feasible, within the criterion's limits and lower in the criterion's
 *   objective than the incumbent: Deb's feasibility rules (Deb 2000), as in the rest of the search;
 * - a second search, the restoration, polls around the least-violating infeasible design that is
 *   lighter than the best and has other choice values (another material, say), keeping moves that
 *   lower its violation: a basin whose designs all start infeasible is otherwise never entered;
 * - a caller's cheap estimate of that objective (the inactive mass, counted from the parts without
 *   a solve) drops, before any evaluation, the moves that cannot beat the best;
 * - a move of a whole number or a choice that did not improve is not tried again while the
 *   incumbent's whole-number and choice values stay the same (a small real step seldom turns such
 *   a switch around, and each retry is an evaluation).
 *
 * Deterministic: no random draw, so a seeded run stays reproducible.
 */
import type { EvaluatedDesign } from './evaluatedDesign';
import { type BestCriterion, bestFeasible } from './paretoFront';
import { type Design, decodeDesign, encodeDesign, type SearchSpace, variableNames } from './searchSpace';

/** Settings of the local phase. */
export interface LocalSearchSettings {
  /** share of the budget spent last on the local phase, in [0, 1]; 0: plain NSGA-II */
  readonly share: number;
  /** first step of each real variable, as a share of its range; default 1/8 */
  readonly initialStep?: number;
  /** smallest step of a real variable, as a share of its range; default 1/256 */
  readonly minStep?: number;
}

export const DEFAULT_INITIAL_STEP = 1 / 8;
export const DEFAULT_MIN_STEP = 1 / 256;

/** One move of a poll: which variable it moves and the genome it makes. */
interface Move {
  readonly variable: number;
  readonly genome: readonly number[];
  /** true for the pattern move (several variables at once) */
  readonly pattern: boolean;
  /** the two real variables an exchange move trades (the first up, the second down) */
  readonly pair?: readonly [number, number];
}

/** A poll handed out: the incumbent it was made around and its moves, by design key. */
interface Poll {
  readonly incumbent: EvaluatedDesign;
  readonly moves: ReadonlyMap<string, Move>;
}

/**
 * The state of a compass search over `space`: each real variable's step, the switches that did
 * not improve, and the poll in flight. Ask `poll` for a batch, evaluate it, then `update`.
 */
export class CompassSearch {
  private readonly names: readonly string[];
  /** each variable's step as a share of its range (used for real variables only) */
  private readonly steps: number[];
  private readonly minStep: number;
  /** "signature|variable|value" of whole-number and choice moves that did not improve */
  private readonly failedSwitches = new Set<string>();
  private last: Poll | undefined;
  /** whether the next poll trades pairs of real variables (after a one-variable poll found nothing) */
  private exchange = false;

  private readonly initialStep: number;
  /** the restoration's probe's whole-number and choice values: a new basin starts afresh */
  private probeSignature: string | undefined;

  /**
   * `role` descent: polls around the best feasible design for the criterion. restoration: polls
   * around the probe — the infeasible design of least `violation` that is lighter than the best
   * (any when there is none) and differs from it in a choice — and
   * keeps a move that lowers the violation (Deb's rules): it reaches a lighter basin, such as
   * another plate material, whose designs all break a constraint at first. `violation` is the
   * caller's normalised sum of the broken margins (Infinity for a failed design).
   */
  constructor(
    private readonly space: SearchSpace,
    private readonly criterion: BestCriterion,
    settings: LocalSearchSettings,
    private readonly role: 'descent' | 'restoration' = 'descent',
    private readonly violation: (e: EvaluatedDesign) => number = () => 0,
  ) {
    this.names = variableNames(space);
    this.initialStep = settings.initialStep ?? DEFAULT_INITIAL_STEP;
    this.steps = this.names.map(() => this.initialStep);
    this.minStep = settings.minStep ?? DEFAULT_MIN_STEP;
  }

  /**
   * The next batch: at most `room` new designs around the archive's best for the criterion (the
   * pattern move first, then one variable at a time in canonical order). `isNew` says whether a
   * design key is new to the archive; `estimate`, when given, predicts the criterion's objective
   * and drops moves that cannot beat the incumbent. Empty when there is no incumbent or every
   * move is spent: the caller then goes on with its global search.
   */
  poll(
    archive: readonly EvaluatedDesign[],
    room: number,
    key: (d: Design) => string,
    isNew: (key: string) => boolean,
    estimate?: (d: Design) => number,
  ): Map<string, Design> {
    const out = new Map<string, Design>();
    let previous = this.last;
    this.last = undefined;
    const best = bestFeasible(archive, this.criterion);
    const o = this.criterion.objective;
    // the bound a move's estimate must stay under: the best design's objective
    const value = best?.objectives[o] ?? Number.POSITIVE_INFINITY;
    const incumbent = this.role === 'descent' ? best : this.probe(archive, best, value);
    if (incumbent === undefined || room <= 0) return out;
    const x = encodeDesign(this.space, incumbent.design);
    const signature = this.signature(x);
    if (this.role === 'restoration' && this.basin(x) !== this.probeSignature) {
      this.probeSignature = this.basin(x);
      this.steps.fill(this.initialStep);
      this.failedSwitches.clear();
      this.exchange = false;
      previous = undefined;
    }
    const moves = new Map<string, Move>();
    const offer = (m: Move) => {
      if (out.size >= room) return;
      const d = decodeDesign(this.space, m.genome);
      const k = key(d);
      if (!isNew(k) || out.has(k)) return;
      if (estimate !== undefined) {
        const e = estimate(d);
        if (!(e < value)) return;
      }
      out.set(k, d);
      moves.set(k, m);
    };
    for (const g of this.patternMoves(previous, archive, x))
      offer({ variable: -1, genome: g, pattern: true });
    const reals = this.names.flatMap((name, i) => {
      const v = this.space[name];
      const step = v.kind === 'real' ? this.steps[i] * (v.hi - v.lo) : 0;
      return v.kind === 'real' && this.steps[i] >= this.minStep && step > 0 ? [{ i, v, step }] : [];
    });
    const moved = (g: readonly number[], i: number, y: number) => {
      const v = this.space[this.names[i]] as { lo: number; hi: number };
      const c = Math.min(v.hi, Math.max(v.lo, y));
      return c === g[i] ? undefined : withValue(g, i, c);
    };
    if (this.exchange) {
      // the incumbent sits on a constraint that every one-variable move breaks: trade one real
      // variable against another along it (each + its step while the other goes − its step)
      for (const a of reals)
        for (const b of reals) {
          if (a.i === b.i) continue;
          const up = moved(x, a.i, x[a.i] + a.step);
          const both = up && moved(up, b.i, x[b.i] - b.step);
          if (both) offer({ variable: -1, genome: both, pattern: false, pair: [a.i, b.i] });
        }
    } else
      this.names.forEach((name, i) => {
        const v = this.space[name];
        if (v.kind === 'real') {
          const r = reals.find((q) => q.i === i);
          if (r === undefined) return;
          for (const y of [x[i] - r.step, x[i] + r.step]) {
            const g = moved(x, i, y);
            if (g) offer({ variable: i, genome: g, pattern: false });
          }
          return;
        }
        const values =
          v.kind === 'int'
            ? [x[i] - 1, x[i] + 1].filter((y) => y >= v.lo && y <= v.hi)
            : v.values.map((_, j) => j);
        for (const y of values)
          if (y !== x[i] && !this.failedSwitches.has(`${signature}|${i}|${y}`))
            offer({ variable: i, genome: withValue(x, i, y), pattern: false });
      });
    if (out.size === 0 && reals.length > 0) {
      // nothing new that could be lighter: as if the poll had failed, trade pairs next, or, after
      // a trade, shrink every step (each step halves every second try, so this ends at the floor)
      if (this.exchange) for (const r of reals) this.steps[r.i] /= 2;
      this.exchange = !this.exchange;
      this.last = previous;
      return this.poll(archive, room, key, isNew, estimate);
    }
    this.last = { incumbent, moves };
    return out;
  }

  /**
   * Learn from the evaluated poll (every design of it told): halve the step of each real variable
   * none of whose moves improved, remember the switches that did not improve.
   */
  update(archive: readonly EvaluatedDesign[]): void {
    const poll = this.last;
    if (poll === undefined) return;
    const byKey = new Map(archive.map((e) => [e.key, e]));
    const x = encodeDesign(this.space, poll.incumbent.design);
    const signature = this.signature(x);
    const improvedVariables = new Set<number>();
    const polled = new Set<number>();
    let improved = false;
    for (const [k, m] of poll.moves) {
      const e = byKey.get(k);
      const better = e !== undefined && this.improves(e, poll.incumbent);
      if (better) improved = true;
      if (m.pattern) continue;
      if (m.pair) {
        if (better) for (const i of m.pair) improvedVariables.add(i);
        continue;
      }
      polled.add(m.variable);
      if (better) improvedVariables.add(m.variable);
      else if (this.space[this.names[m.variable]].kind !== 'real')
        this.failedSwitches.add(`${signature}|${m.variable}|${m.genome[m.variable]}`);
    }
    const real = (i: number) => this.space[this.names[i]].kind === 'real';
    // a step that improved doubles (up to its first size): a long way along a ridge takes few polls
    for (const i of improvedVariables)
      if (real(i)) this.steps[i] = Math.min(this.initialStep, 2 * this.steps[i]);
    if (this.exchange) {
      // trades go on while they improve; when none did, every step shrinks and single moves resume
      if (!improved) {
        this.names.forEach((_, i) => {
          if (real(i)) this.steps[i] /= 2;
        });
        this.exchange = false;
      }
      return;
    }
    // nothing one variable can do: trade pairs of real variables next, at the same steps
    if (!improved) this.exchange = true;
    else for (const i of polled) if (real(i) && !improvedVariables.has(i)) this.steps[i] /= 2;
  }

  /** Each real variable's current step as a share of its range (for tests and reports). */
  get stepShares(): readonly number[] {
    return this.steps;
  }

  /**
   * The Hooke–Jeeves pattern move of the last poll: the incumbent it was made around with every
   * improving coordinate move applied at once, when two or more improved.
   */
  private patternMoves(
    poll: Poll | undefined,
    archive: readonly EvaluatedDesign[],
    current: readonly number[],
  ): number[][] {
    if (poll === undefined) return [];
    const byKey = new Map(archive.map((e) => [e.key, e]));
    const base = encodeDesign(this.space, poll.incumbent.design);
    const combined = [...base];
    let count = 0;
    for (const [k, m] of poll.moves) {
      const e = byKey.get(k);
      if (m.pattern || m.pair || e === undefined || !this.improves(e, poll.incumbent)) continue;
      combined[m.variable] = m.genome[m.variable];
      count++;
    }
    if (count < 2 || combined.every((y, i) => y === current[i])) return [];
    return [combined];
  }

  /**
   * Whether `e` beats `incumbent`. Descent: feasible, within the criterion's limits and a lower
   * objective. Restoration (Deb's rules): qualifying at all, a lower violation, or the same and a
   * lower objective.
   */
  private improves(e: EvaluatedDesign, incumbent: EvaluatedDesign): boolean {
    if (this.role === 'restoration') {
      if (this.qualifies(e)) return true;
      const v = this.violationOf(e);
      const w = this.violationOf(incumbent);
      // a trade that keeps the violation and lightens the design also goes on (Deb's rules break
      // the tie on the objective): it leaves more of the headroom for the repair
      const o = this.criterion.objective;
      return v < w || (v <= w && e.objectives[o] < incumbent.objectives[o]);
    }
    if (!this.qualifies(e)) return false;
    const o = this.criterion.objective;
    return e.objectives[o] < incumbent.objectives[o];
  }

  /** Feasible and within the criterion's limits: a candidate for the best design. */
  private qualifies(e: EvaluatedDesign): boolean {
    return (
      e.status === 'feasible' &&
      (this.criterion.limits ?? []).every((l) => e.objectives[l.objective] <= l.max)
    );
  }

  /** The caller's violation, plus each limited objective's excess over its limit (relative to it). */
  private violationOf(e: EvaluatedDesign): number {
    if (e.status === 'failed' || e.objectives.length === 0) return Number.POSITIVE_INFINITY;
    let v = e.status === 'infeasible' ? this.violation(e) : 0;
    for (const l of this.criterion.limits ?? [])
      v += Math.max(0, e.objectives[l.objective] - l.max) / Math.max(Math.abs(l.max), Number.MIN_VALUE);
    return v;
  }

  /**
   * The restoration's probe: of the solved designs that do not qualify and are lighter than the
   * best (`value`), in another basin (choice values of their own), the least violation (the
   * earlier on a tie).
   */
  private probe(
    archive: readonly EvaluatedDesign[],
    best: EvaluatedDesign | undefined,
    value: number,
  ): EvaluatedDesign | undefined {
    const o = this.criterion.objective;
    const own = best && this.basin(encodeDesign(this.space, best.design));
    let probe: EvaluatedDesign | undefined;
    let least = Number.POSITIVE_INFINITY;
    for (const e of archive) {
      if (e.objectives.length === 0 || this.qualifies(e) || !(e.objectives[o] < value)) continue;
      if (own !== undefined && this.basin(encodeDesign(this.space, e.design)) === own) continue;
      const v = this.violationOf(e);
      if (v < least) {
        least = v;
        probe = e;
      }
    }
    return probe;
  }

  /**
   * A design's choice values: its basin (another plate material, pads or none). Whole numbers are
   * left out: the descent moves them a step at a time, and a near miss in a count is no basin.
   */
  private basin(x: readonly number[]): string {
    return this.names.map((name, i) => (this.space[name].kind === 'choice' ? String(x[i]) : '')).join(',');
  }

  /** The incumbent's whole-number and choice values: what the memory of failed switches is tied to. */
  private signature(x: readonly number[]): string {
    return this.names.map((name, i) => (this.space[name].kind === 'real' ? '' : String(x[i]))).join(',');
  }
}

function withValue(x: readonly number[], i: number, y: number): number[] {
  const g = [...x];
  g[i] = y;
  return g;
}
