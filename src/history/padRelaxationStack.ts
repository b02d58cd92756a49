import type { ClosureLaw } from '../../solver/contact/closureLaw';
import type { ContactState } from '../../solver/contact/contactSolver';
import type { Case } from '../case/schema';
import type { StackModel } from '../model/buildModel';
import { type LayerCompliance, layerCompression, seriesClosureLaw } from '../stack/layerCompliance';
import { PadRelaxationHistory } from '../stack/padRelaxation';
import { resolvePadRelaxation } from '../stack/padRelaxationOf';

/**
 * The stack's relaxing pads through a history. Every pad (case gasket) of every interface keeps
 * its own viscoelastic history at that interface's points; before a state of time step dt the
 * model's closure laws are rebuilt with each pad at its step stiffness A(dt) (cached by dt, so
 * equal steps give the same law objects and the same tangent), and each point's free growth loses
 * the pads' offsets — the compression they need before carrying load. After the state is solved
 * each history takes the state's pressure. `restore` puts the elastic laws back.
 */
export interface PadRelaxationStack {
  /** set the model's laws for a step of dt [h] and subtract the pads' offsets from `swell` [mm] */
  prepare(dt: number, swell: Float64Array[]): void;
  /** advance every pad history by dt with the solved state's pressures */
  commit(dt: number, state: ContactState): void;
  /** the extra stack compression the relaxed pads take at the last state, summed over interfaces [mm] (≤ 0) */
  relaxationDriver(): number;
  /** the pads' compressive strain at the last state: area-weighted mean and largest [-] */
  strain(): { mean: number; max: number } | null;
  restore(): void;
}

interface PadAt {
  /** interface */
  k: number;
  /** gasket index */
  g: number;
  /** pads of this gasket in series at each point of the interface (0 where it is absent) */
  count: Float64Array;
  history: PadRelaxationHistory;
  /** the pad's elastic compliance (the same at every point of the gasket) */
  elastic: LayerCompliance;
}

/** The relaxing pads of a case, or null when it has no pads. Load-up is committed as the elastic start. */
export function padRelaxationStack(
  c: Case,
  model: StackModel,
  loadUp: ContactState,
): PadRelaxationStack | null {
  const { problem, lawLayers } = model;
  const elasticLaws = problem.laws.slice();
  const pads: PadAt[] = [];
  problem.interfaces.forEach((itf, k) => {
    const byGasket = new Map<number, PadAt>();
    for (let j = 0; j < itf.node.length; j++) {
      for (const l of lawLayers[itf.law[j]]) {
        const m = /^gaskets\[(\d+)\]$/.exec(l.field);
        if (!m) continue;
        const g = Number(m[1]);
        let pad = byGasket.get(g);
        if (!pad) {
          const law = resolvePadRelaxation(c.gaskets[g]);
          pad = {
            k,
            g,
            count: new Float64Array(itf.node.length),
            history: new PadRelaxationHistory(law, l.layer, l.thickness, itf.node.length),
            elastic: l.layer,
          };
          byGasket.set(g, pad);
        }
        pad.count[j] = l.count;
      }
    }
    pads.push(...byGasket.values());
  });
  if (pads.length === 0) return null;
  for (const pad of pads) pad.history.commit(0, loadUp.pressure[pad.k]);

  const lawsByStep = new Map<number, ClosureLaw[]>();
  const stepLaws = (dt: number): ClosureLaw[] => {
    let laws = lawsByStep.get(dt);
    if (!laws) {
      const padLayer = new Map(pads.map((p) => [p.g, p.history.stepLayer(dt)]));
      laws = lawLayers.map((layers) =>
        seriesClosureLaw(
          layers.map((l) => {
            const m = /^gaskets\[(\d+)\]$/.exec(l.field);
            return { layer: m ? padLayer.get(Number(m[1]))! : l.layer, count: l.count };
          }),
        ),
      );
      // a handful of distinct steps in a schedule; a table of times with all different steps stays bounded
      if (lawsByStep.size < 64) lawsByStep.set(dt, laws);
    }
    return laws;
  };
  const offsets = pads.map((p) => new Float64Array(p.count.length));
  let lastDt = 0;
  let lastPressure: Float64Array[] = loadUp.pressure;

  return {
    prepare(dt, swell) {
      const laws = stepLaws(dt);
      for (let i = 0; i < laws.length; i++) problem.laws[i] = laws[i];
      pads.forEach((pad, i) => {
        pad.history.stepOffsets(dt, offsets[i]);
        const s = swell[pad.k];
        for (let j = 0; j < s.length; j++) s[j] -= pad.count[j] * offsets[i][j];
      });
    },
    commit(dt, state) {
      for (const pad of pads) pad.history.commit(dt, state.pressure[pad.k]);
      lastDt = dt;
      lastPressure = state.pressure;
    },
    relaxationDriver() {
      // extra compression of the relaxed pads at the state's pressure over the elastic pads' [mm]
      let total = 0;
      pads.forEach((pad, i) => {
        const itf = problem.interfaces[pad.k];
        const p = lastPressure[pad.k];
        const relaxed = pad.history.stepLayer(lastDt);
        let s = 0;
        let A = 0;
        for (let j = 0; j < p.length; j++) {
          A += itf.area[j];
          if (pad.count[j] === 0) continue;
          const extra = offsets[i][j] + layerCompression(relaxed, p[j]) - layerCompression(pad.elastic, p[j]);
          s += pad.count[j] * extra * itf.area[j];
        }
        total -= A > 0 ? s / A : 0;
      });
      return total;
    },
    strain() {
      let s = 0;
      let A = 0;
      let max = 0;
      for (const pad of pads) {
        const itf = problem.interfaces[pad.k];
        const e = new Float64Array(pad.count.length);
        pad.history.strain(e);
        for (let j = 0; j < e.length; j++) {
          if (pad.count[j] === 0) continue;
          s += e[j] * itf.area[j];
          A += itf.area[j];
          max = Math.max(max, e[j]);
        }
      }
      return { mean: A > 0 ? s / A : 0, max };
    },
    restore() {
      for (let i = 0; i < elasticLaws.length; i++) problem.laws[i] = elasticLaws[i];
    },
  };
}
