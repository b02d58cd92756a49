import { footprintRect, padRect } from '../case/caseGeometry';
import { boltMaterials } from '../case/materials';
import type { Case } from '../case/schema';
import { clampedHeight } from '../model/boltMembers';
import { resolvePlateMaterial } from '../model/buildModel';
import { defaultGasketRules, defaultSpringRules } from '../module/compliance';
import { fastenerEndHeightMm, fastenerVolumeMm3 } from '../module/fasteners';

/** One kind of inactive part of one module: its solid volume [L] and mass [kg]. */
export interface DesignPart {
  part: string;
  count: number;
  volumeL: number;
  massKg: number;
}

/** The inactive parts of one module and the module's bounding envelope. */
export interface ModuleParts {
  parts: DesignPart[];
  /** Σ part masses [kg] */
  inactiveMassKg: number;
  /** the module's envelope [L]: plates × clamped height, plus bolt ends and springs outside the plates */
  envelopeL: number;
  /** the cells' own volume [L]: count × thickness × footprint */
  cellVolumeL: number;
}

const part = (name: string, count: number, mm3: number, density: number): DesignPart => ({
  part: name,
  count,
  volumeL: mm3 * 1e-6,
  massKg: mm3 * 1e-9 * density,
});

/**
 * The inactive parts of a case's module, counted as the full module mode counts them:
 * - end and interleaf plates: Lx × Ly × thickness × density (a rigid base is a fixture, not counted);
 * - bolts: shank over the grip plus the spring column, two nuts and two washers each
 *   (`fastenerVolumeMm3`), at the bolt material's density;
 * - springs: the energy they store at solid length, ½ k s² per spring with s = free − solid length,
 *   over the disc-spring energy density (`defaultSpringRules`), in spring steel;
 * - pads: their area on the footprint × thickness per face, in silicone (`defaultGasketRules`).
 * The envelope is the plate outline over the clamped height, plus the bolt ends (a washer-wide
 * cylinder, `fastenerEndHeightMm` high, on each side) and the springs at a packing of one half, as
 * the full mode's module volume.
 */
export function moduleParts(c: Case): ModuleParts {
  const { Lx, Ly } = c.plates;
  const fp = footprintRect(c);
  const parts: DesignPart[] = [];
  const plate = (name: string, t: number, m: Case['plates']['top']['material']) =>
    part(name, 1, Lx * Ly * t, resolvePlateMaterial(m).density);
  parts.push(plate('top plate', c.plates.top.thickness, c.plates.top.material));
  const il = c.stack.interleaf;
  const interleaves = il ? Math.floor((c.stack.cells.count - 1) / il.every) : 0;
  if (il && interleaves > 0) {
    const p = plate('interleaf plates', il.thickness, il.material);
    parts.push({
      ...p,
      count: interleaves,
      volumeL: p.volumeL * interleaves,
      massKg: p.massKg * interleaves,
    });
  }
  const bottom = c.plates.bottom;
  if (!('rigid' in bottom)) parts.push(plate('bottom plate', bottom.thickness, bottom.material));

  const n = c.bolts.positions.length;
  const d = c.bolts.diameter;
  const sp = c.bolts.springs;
  const springColumn = sp ? sp.count * sp.freeLength : 0;
  const grip = c.bolts.gripLength ?? clampedHeight(c) + ('rigid' in bottom ? d : 0);
  parts.push(
    part(
      'bolts, nuts, washers',
      n,
      n * fastenerVolumeMm3(d, grip + springColumn),
      boltMaterials[c.bolts.material].density,
    ),
  );

  let springsMm3 = 0;
  if (sp) {
    const travel = sp.freeLength - sp.solidLength;
    springsMm3 = (n * sp.count * 0.5 * sp.rate * travel * travel) / defaultSpringRules.energyDensityMPa;
    parts.push(part('springs', n * sp.count, springsMm3, defaultSpringRules.densityKgPerM3));
  }

  let padMm3 = 0;
  let pads = 0;
  for (const g of c.gaskets) {
    const faces = g.side === 'both' ? 2 : 1;
    const r = padRect(g, fp);
    const W = Math.max(0, r.x1 - r.x0);
    const D = Math.max(0, r.y1 - r.y0);
    let area = W * D;
    if (g.region.type === 'frame')
      area -= Math.max(0, W - 2 * g.region.width) * Math.max(0, D - 2 * g.region.width);
    padMm3 += faces * area * g.thickness;
    pads += faces;
  }
  if (pads > 0) parts.push(part('pads', pads, padMm3, defaultGasketRules.densityKgPerM3));

  const ends = n * Math.PI * d * d * 2 * fastenerEndHeightMm(d);
  const envelopeMm3 = Lx * Ly * clampedHeight(c) + ends + springsMm3 / 0.5;
  const cellMm3 = c.stack.cells.count * c.stack.cells.thickness * (fp.x1 - fp.x0) * (fp.y1 - fp.y0);
  return {
    parts,
    inactiveMassKg: parts.reduce((s, p) => s + p.massKg, 0),
    envelopeL: envelopeMm3 * 1e-6,
    cellVolumeL: cellMm3 * 1e-6,
  };
}
