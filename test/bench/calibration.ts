/**
 * Machine-state calibration: the rate of the dense update kernel alone on a 400×400
 * triangle (rank 32, in cache). This VM shares its host, and its speed drifts by up to 2×
 * from minute to minute; printing this next to every case tells how fast the machine was.
 */
import { packBuffer, packSize, schurUpdate } from '../../solver/sparse/kernels/schurUpdate';

/** Best GFlop/s of the kernel over a few 100 ms windows (CPU time). */
export function denseKernelRate(windows = 5): number {
  const m = 400;
  const nb = 32;
  const src = new Float64Array(m * nb);
  for (let i = 0; i < src.length; i++) src[i] = Math.sin(i);
  const pack = packBuffer(packSize(m, nb));
  const dst = new Float64Array(m * m);
  let best = 0;
  for (let w = 0; w < windows; w++) {
    const start = process.cpuUsage();
    let calls = 0;
    while (process.cpuUsage(start).user < 100_000) {
      schurUpdate(src, 0, m, nb, 0, m, dst, 0, m, m, pack);
      calls++;
    }
    const seconds = process.cpuUsage(start).user / 1e6;
    best = Math.max(best, (m * m * nb * calls) / seconds / 1e9);
  }
  return best;
}
