/**
 * NSGA-II for mixed real, whole-number and categorical variables, as an ask/tell search: each
 * generation hands out a batch of new designs and takes their results back in any order, so the
 * caller may evaluate a batch on a worker pool or a queue.
 *
 * References:
 * - K. Deb, A. Pratap, S. Agarwal, T. Meyarivan, "A fast and elitist multiobjective genetic
 *   algorithm: NSGA-II", IEEE Trans. Evolutionary Computation 6(2) (2002) 182–197 — non-dominated
 *   sorting, crowding distance, binary tournament on the crowded comparison, elitist (μ + λ) survival.
 * - K. Deb, "An efficient constraint handling method for genetic algorithms", Comput. Methods Appl.
 *   Mech. Eng. 186 (2000) 311–338 — constrained domination on the sum of normalised violations.
 * - K. Deb, R. B. Agrawal, "Simulated binary crossover for continuous search space", Complex
 *   Systems 9 (1995) 115–148 — SBX and polynomial mutation (see `variation.ts` for the whole-number
 *   and categorical operators).
 * - Optional, off by default: a local phase for the last share of the budget, a compass search
 *   around the best feasible design (the hybrid of Deb & Goel 2001; see `localSearch.ts`).
 * - Optional, off by default: surrogate pre-selection of each generation's children (Emmerich,
 *   Giannakoglou & Naujoks 2006; see `preselection.ts`), for budgets of a few hundred evaluations.
 *
 * Reproducible: every random draw happens in `ask` from one seeded stream, and survival waits for
 * the whole batch and ranks it in archive order, so a seed gives the same designs in the same order
 * whatever order the results arrive in. Never asks for a design it has asked for before: a batch
 * holds only designs new to the archive, so the budget counts distinct evaluations.
 */
import { type SeededRandom, seededRandom } from '../model/seededRandom';
import { InputError } from '../validation/parseInput';
import { type EvaluatedDesign, type EvaluationOutcome, settledEntry } from './evaluatedDesign';
import { CompassSearch } from './localSearch';
import { crowdingDistances, nondominatedFronts, type Ranked } from './nondominatedSort';
import { bestFeasible, paretoFront } from './paretoFront';
import { predictValues, type Sample } from './preselection';
import { checkSearchOptions, DEFAULT_POPULATION, type Nsga2Options } from './searchOptions';
import {
  checkDesign,
  checkSearchSpace,
  type Design,
  decodeDesign,
  designKey,
  encodeDesign,
  randomDesign,
  type SearchSpace,
  spaceSize,
  variableNames,
} from './searchSpace';
import { crossover, DEFAULT_VARIATION, mutate, type VariationSettings } from './variation';

export type { Nsga2Options } from './searchOptions';

/** A design handed out for evaluation; tell its result back by `index`. */
export interface Candidate {
  readonly index: number;
  readonly key: string;
  readonly design: Design;
}

/** Where a search stands after a generation: for a progress line and the final result. */
export interface SearchReport {
  /** generations completed (survival runs), the starting population being generation 0 */
  readonly generations: number;
  readonly evaluations: number;
  readonly feasible: number;
  readonly failed: number;
  /** the non-dominated feasible designs of the whole archive */
  readonly front: readonly EvaluatedDesign[];
  /** the best feasible design for the run's criterion, if any yet */
  readonly best: EvaluatedDesign | undefined;
}

/** Draws spent looking for a new design per slot of a batch before the batch is left short. */
const TRIES_PER_SLOT = 50;

interface Member {
  readonly index: number;
  readonly rank: number;
  readonly crowding: number;
}

/** A seeded, constrained, mixed-variable NSGA-II search with `ask` / `tell` (see the file header). */
export class Nsga2 {
  private readonly random: SeededRandom;
  private readonly entries: EvaluatedDesign[] = [];
  private readonly keys = new Set<string>();
  private readonly pending = new Set<number>();
  private readonly variation: VariationSettings;
  private readonly populationSize: number;
  private readonly constraintCount: number;
  private readonly size: number;
  private population: Member[] = [];
  /** archive indices of the batch in flight */
  private batch: number[] = [];
  private generation = 0;
  private exhausted = false;
  /** archive size from which the local phase runs (the budget when there is none) */
  private readonly localStart: number;
  private readonly local: CompassSearch | undefined;
  private readonly restoration: CompassSearch | undefined;

  constructor(
    private readonly space: SearchSpace,
    private readonly options: Nsga2Options,
  ) {
    checkSearchSpace(space);
    checkSearchOptions(options);
    if (options.initial !== undefined && !Array.isArray(options.initial))
      throw new InputError('search options', [
        `initial: ${String(options.initial)} — must be a list of designs`,
      ]);
    options.initial?.forEach((d, i) => {
      checkDesign(space, d, `initial[${i}]`);
    });
    this.random = seededRandom(options.seed);
    this.variation = { ...DEFAULT_VARIATION, ...options.variation };
    this.populationSize = options.populationSize ?? DEFAULT_POPULATION;
    this.constraintCount = options.constraints ?? 0;
    this.size = spaceSize(space);
    const share = options.localSearch?.share ?? 0;
    this.localStart = options.maxEvaluations - Math.round(share * options.maxEvaluations);
    const criterion = options.best ?? { objective: 0 };
    const settings = options.localSearch ?? { share };
    this.local = share > 0 ? new CompassSearch(space, criterion, settings) : undefined;
    this.restoration =
      share > 0
        ? new CompassSearch(space, criterion, settings, 'restoration', (e) =>
            this.violation(e, this.violationScales()),
          )
        : undefined;
  }

  /** True once the budget is spent or no new design can be found (a small space seen whole). */
  get done(): boolean {
    return (
      this.pending.size === 0 &&
      (this.exhausted ||
        this.entries.length >= this.options.maxEvaluations ||
        this.entries.length >= this.size)
    );
  }

  /** Every design asked so far, in the order asked. */
  get archive(): readonly EvaluatedDesign[] {
    return this.entries;
  }

  /** The current parents (the population survival kept), best-ranked first. */
  get parents(): readonly EvaluatedDesign[] {
    return this.population.map((m) => this.entries[m.index]);
  }

  /**
   * The next batch of new designs: the starting population first, then one generation of children
   * each call. Empty when done. Every design of the previous batch must be told first.
   */
  ask(): readonly Candidate[] {
    if (this.pending.size > 0)
      throw new Error(`tell the ${this.pending.size} pending designs of the last batch before asking again`);
    if (this.done) return [];
    // the starting population takes every design the caller gave, even more than a population
    const wanted =
      this.entries.length === 0
        ? Math.max(this.populationSize, this.options.initial?.length ?? 0)
        : this.populationSize;
    const left = this.options.maxEvaluations - this.entries.length;
    // the global phase stops where the local one starts (the starting population is always whole)
    const global = this.entries.length < this.localStart ? this.localStart - this.entries.length : left;
    const room = Math.min(wanted, this.entries.length === 0 ? left : global);
    let batch: Map<string, Design>;
    if (this.entries.length === 0) batch = this.startingDesigns(room);
    else {
      batch = this.entries.length >= this.localStart ? this.localPoll(room) : new Map();
      // no incumbent yet, or every local move spent: the global search goes on
      if (batch.size === 0) batch = this.children(room);
    }
    if (batch.size === 0) this.exhausted = true;
    this.batch = [];
    return [...batch].map(([key, design]) => this.add(key, design));
  }

  /** Take the result of design `index`. The batch's survival runs when its last result arrives. */
  tell(index: number, outcome: EvaluationOutcome): void {
    if (!this.pending.has(index)) throw new Error(`design ${index} is not awaiting a result`);
    this.entries[index] = settledEntry(
      this.entries[index],
      outcome,
      this.options.objectives,
      this.constraintCount,
    );
    this.pending.delete(index);
    if (this.pending.size === 0) this.survive();
  }

  /** The archive's front and best design, and counts (computed on each call: O(archive · front)). */
  report(): SearchReport {
    return {
      generations: this.generation,
      evaluations: this.entries.filter((e) => e.status !== 'pending').length,
      feasible: this.entries.filter((e) => e.status === 'feasible').length,
      failed: this.entries.filter((e) => e.status === 'failed').length,
      front: paretoFront(this.entries),
      best: bestFeasible(this.entries, this.options.best ?? { objective: 0 }),
    };
  }

  /**
   * The local phase's next batch: the descent's poll around the best feasible design, then, in
   * the room it leaves, the restoration's poll around the least-violating lighter design of
   * another basin (empty when neither has a move).
   */
  private localPoll(room: number): Map<string, Design> {
    if (this.local === undefined || this.restoration === undefined) return new Map();
    const key = (d: Design) => designKey(this.space, d);
    this.local.update(this.entries);
    this.restoration.update(this.entries);
    const batch = this.local.poll(this.entries, room, key, (k) => !this.keys.has(k), this.options.estimate);
    const more = this.restoration.poll(
      this.entries,
      room - batch.size,
      key,
      (k) => !this.keys.has(k) && !batch.has(k),
      this.options.estimate,
    );
    for (const [k, d] of more) batch.set(k, d);
    return batch;
  }

  private add(key: string, fresh: Design): Candidate {
    // frozen: an evaluation that edits the design it was handed must not change the archive's
    const design = Object.freeze(fresh);
    const index = this.entries.length;
    this.keys.add(key);
    this.batch.push(index);
    this.pending.add(index);
    this.entries.push({
      index,
      generation: this.generation,
      key,
      design,
      status: 'pending',
      objectives: [],
      constraints: [],
      violated: [],
    });
    return { index, key, design };
  }

  /** Put a design in the batch (designs by key, in the order drawn) if neither the archive nor the batch has it. */
  private fresh(design: Design, batch: Map<string, Design>): void {
    const key = designKey(this.space, design);
    if (!this.keys.has(key) && !batch.has(key)) batch.set(key, design);
  }

  private startingDesigns(room: number): Map<string, Design> {
    const batch = new Map<string, Design>();
    for (const d of this.options.initial ?? []) {
      if (batch.size >= room) break;
      this.fresh(decodeDesign(this.space, encodeDesign(this.space, d)), batch);
    }
    this.fillRandom(batch, room);
    return batch;
  }

  private fillRandom(batch: Map<string, Design>, room: number): void {
    for (let tries = 0; batch.size < room && tries < TRIES_PER_SLOT * room; tries++)
      this.fresh(randomDesign(this.space, this.random), batch);
  }

  /** Children of tournament-chosen parents by crossover and mutation; random designs where those repeat. */
  private children(slots: number): Map<string, Design> {
    const factor = this.options.preselection ?? 1;
    const room = slots * factor;
    const batch = new Map<string, Design>();
    for (let tries = 0; batch.size < room && tries < TRIES_PER_SLOT * room; tries++) {
      const p1 = encodeDesign(this.space, this.entries[this.tournament()].design);
      const p2 = encodeDesign(this.space, this.entries[this.tournament()].design);
      for (const child of crossover(this.space, p1, p2, this.variation, this.random)) {
        mutate(this.space, child, this.variation, this.random);
        if (batch.size < room) this.fresh(decodeDesign(this.space, child), batch);
      }
    }
    // a converged population in a small discrete space breeds only designs seen before
    this.fillRandom(batch, room);
    return factor > 1 && batch.size > slots ? this.preselect(batch, slots) : batch;
  }

  /**
   * The `slots` candidates ranked best on predicted objectives and margins, by the ranking of
   * survival (constrained fronts, then crowding), in the order they were bred.
   */
  private preselect(candidates: Map<string, Design>, slots: number): Map<string, Design> {
    const m = this.options.objectives;
    const samples: Sample[] = this.entries
      .filter((e) => e.status === 'feasible' || e.status === 'infeasible')
      .map((e) => ({
        genome: encodeDesign(this.space, e.design),
        values: [...e.objectives, ...e.constraints],
      }));
    const scales = this.violationScales();
    const list = [...candidates];
    const k = variableNames(this.space).length + 1;
    const ranked: Ranked[] = list.map(([, design]) => {
      const v = predictValues(this.space, samples, encodeDesign(this.space, design), k);
      if (v === undefined) return { objectives: new Array<number>(m).fill(0), violation: 0 };
      let violation = 0;
      for (let j = 0; j < this.constraintCount; j++) violation += Math.max(0, -v[m + j]) / scales[j];
      return { objectives: v.slice(0, m), violation };
    });
    const chosen = this.select(ranked, slots).sort((a, b) => a - b);
    return new Map(chosen.map((i) => list[i]));
  }

  /** Binary tournament on the crowded comparison: lower rank, then larger crowding, then the earlier design. */
  private tournament(): number {
    const n = this.population.length;
    const a = this.population[Math.floor(n * this.random.uniform())];
    const b = this.population[Math.floor(n * this.random.uniform())];
    return better(a, b) ? a.index : b.index;
  }

  /** Elitist survival: rank parents and children together and keep the best `populationSize`. */
  private survive(): void {
    const pool = [...this.population.map((m) => m.index), ...this.batch];
    pool.sort((a, b) => a - b);
    const scales = this.violationScales();
    const ranked: Ranked[] = pool.map((i) => ({
      objectives: this.entries[i].objectives,
      violation: this.violation(this.entries[i], scales),
    }));
    this.population = this.selectMembers(ranked, this.populationSize).map((m) => ({
      ...m,
      index: pool[m.index],
    }));
    this.generation++;
  }

  /** The `count` best of `ranked` (indices into it), best first: whole fronts, the last cut by crowding. */
  private select(ranked: readonly Ranked[], count: number): number[] {
    return this.selectMembers(ranked, count).map((m) => m.index);
  }

  private selectMembers(ranked: readonly Ranked[], count: number): Member[] {
    const next: Member[] = [];
    nondominatedFronts(ranked).forEach((front, rank) => {
      if (next.length >= count) return;
      const crowding = crowdingDistances(ranked, front);
      const members = front.map((j, k) => ({ index: j, rank, crowding: crowding[k] }));
      if (next.length + members.length > count)
        members.sort((a, b) => b.crowding - a.crowding || a.index - b.index);
      next.push(...members.slice(0, count - next.length));
    });
    return next;
  }

  /** Each constraint's divisor: the caller's scale, or its largest finite violation so far (1 if none). */
  private violationScales(): number[] {
    return Array.from({ length: this.constraintCount }, (_, j) => {
      const given = this.options.constraintScales?.[j];
      if (given !== undefined) return given;
      let worst = 0;
      for (const e of this.entries) {
        const v = e.status === 'infeasible' ? -e.constraints[j] : 0;
        if (v > worst && Number.isFinite(v)) worst = v;
      }
      return worst > 0 ? worst : 1;
    });
  }

  private violation(e: EvaluatedDesign, scales: readonly number[]): number {
    if (e.status === 'failed') return Number.POSITIVE_INFINITY;
    let sum = 0;
    for (const j of e.violated) sum += -e.constraints[j] / scales[j];
    return sum;
  }
}

function better(a: Member, b: Member): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.crowding !== b.crowding) return a.crowding > b.crowding;
  return a.index <= b.index;
}
