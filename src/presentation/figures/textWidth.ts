import * as vega from 'vega';

/**
 * Text widths of DejaVu Sans, the figures' font, for vega's layout where it has no canvas to
 * measure with (Node). vega would otherwise guess 0.8 em a character, about a third too wide,
 * and size every axis, title and legend by that guess. Advance widths in 1/1000 em of DejaVu Sans
 * 2.37, regular and bold, measured with resvg from the fonts in `dejavu-fonts-ttf`; a character
 * not listed counts as 0.64 em.
 */
const CHARS =
  '0123456789 !"#$%&\'()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~—–−·µ²³↔°±…Δσ×é';
const REGULAR = [
  636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500,
  838, 318, 361, 318, 337, 337, 337, 838, 838, 838, 531, 1000, 711, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 594, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 344, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 394, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 1000, 500, 838, 318, 636, 401, 401, 838, 500, 838,
  1000, 684, 634, 838, 615,
];
const BOLD = [
  696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523,
  838, 380, 415, 380, 365, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 676, 705, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 405, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 1000, 500, 838, 380, 736, 438, 438, 838, 500, 838,
  1000, 774, 779, 838, 678,
];
const OTHER = 640;

const widths = (table: number[]) => new Map([...CHARS].map((c, k) => [c, table[k]]));
const regular = widths(REGULAR);
const bold = widths(BOLD);

/** Width [px] of a line of text in DejaVu Sans at `fontSize` [px]. */
export function dejaVuTextWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let w = 0;
  for (const c of text) w += table.get(c) ?? OTHER;
  return (w * fontSize) / 1000;
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  text?: unknown;
  limit?: number;
}

const isBoldWeight = (w: number | string | undefined) => w === 'bold' || w === 'bolder' || Number(w) >= 600;

/**
 * Make vega measure text as DejaVu Sans when it would only estimate (no canvas: Node, a worker).
 * Where it measures with a canvas (a browser page) it is left alone. vega supports replacing the
 * measure this way; the replacement is the same function every time, so calling it again is harmless.
 */
export function measureTextAsDejaVu(): void {
  const metrics = (vega as unknown as { textMetrics?: TextMetrics }).textMetrics;
  if (!metrics || metrics.width !== metrics.estimateWidth) return;
  metrics.width = dejaVuWidth;
}

/** vega's text measure (vega-scenegraph's `textMetrics`; its typings leave it out). */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
  estimateWidth: (item: TextItem, text: unknown) => number;
}

function dejaVuWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const line = text == null ? '' : String(text).trim();
  return dejaVuTextWidth(line, size, isBoldWeight(item.fontWeight));
}

/** `text` cut with an ellipsis to at most `maxWidth` [px] in DejaVu Sans at `fontSize` [px]. */
export function clipText(text: string, maxWidth: number, fontSize: number, isBold = false): string {
  if (dejaVuTextWidth(text, fontSize, isBold) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // the longest prefix that fits with the ellipsis
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (dejaVuTextWidth(`${chars.slice(0, mid).join('')}…`, fontSize, isBold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}
