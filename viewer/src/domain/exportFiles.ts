import type { CaseSummary } from '../../../src/index';
import type { InterfaceField } from '../worker/protocol';

/** Let the browser save a blob under a file name. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCanvasPng(canvas: HTMLCanvasElement, fileName: string): void {
  canvas.toBlob((blob) => blob && downloadBlob(blob, fileName), 'image/png');
}

/** The regular pressure grid as CSV: x [mm], y [mm], p [MPa], one row per grid point. */
export function pressureGridCsv(itf: InterfaceField): string {
  const g = itf.grid;
  const rows = ['x_mm,y_mm,p_MPa'];
  for (let j = 0; j < g.ny; j++)
    for (let i = 0; i < g.nx; i++)
      rows.push(`${(g.x0 + i * g.dx).toFixed(4)},${(g.y0 + j * g.dy).toFixed(4)},${g.values[j * g.nx + i]}`);
  return `${rows.join('\n')}\n`;
}

/** Bolt forces as CSV. */
export function boltsCsv(summary: CaseSummary): string {
  const rows = ['bolt,x_mm,y_mm,force_N,force_after_swelling_N'];
  summary.bolts.forEach((b, i) => {
    rows.push(`${i + 1},${b.x},${b.y},${b.force},${b.forceAfterSwelling}`);
  });
  return `${rows.join('\n')}\n`;
}

export const csvBlob = (text: string) => new Blob([text], { type: 'text/csv' });
