/**
 * A 3 × 5 pixel font for the labels of the colour bars: digits, signs and the few letters of the
 * units and film grades (MPa, um, LW, HS …). Each glyph is five rows of three bits.
 */
const glyphs: Record<string, string> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001001001001',
  '8': '111101111101111',
  '9': '111101111001111',
  '.': '000000000000010',
  '-': '000000111000000',
  '+': '000010111010000',
  e: '000111111100111',
  M: '101111111101101',
  P: '110101110100100',
  a: '000011101101011',
  m: '000110111101101',
  u: '000101101101111',
  L: '100100100100111',
  W: '101101111111101',
  H: '101101111101101',
  S: '011100010001110',
  ' ': '000000000000000',
};

export const glyphWidth = 3;
export const glyphHeight = 5;

/** Pixels of `ch` as [column, row] pairs; unknown characters draw as blank. */
export function glyphPixels(ch: string): [number, number][] {
  const bits = glyphs[ch] ?? glyphs[' '];
  const out: [number, number][] = [];
  for (let k = 0; k < bits.length; k++)
    if (bits[k] === '1') out.push([k % glyphWidth, Math.floor(k / glyphWidth)]);
  return out;
}

/** Width in pixels of `text` at `scale`, one blank column between glyphs. */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * (glyphWidth + 1) - 1) * scale;
}
