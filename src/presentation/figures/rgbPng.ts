/**
 * PNG files written here rather than by a library, so they work the same in Node and in the
 * browser without canvas or zlib. A field image (`rgbPngDataUrl`) uses stored (uncompressed)
 * deflate blocks: it is a few hundred pixels a side, so it stays well under a megabyte and
 * encoding costs a copy. Node code may pass its own zlib stream to `pngFile`.
 */

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // sums stay below 2^32 for 3800 bytes between reductions
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 3800);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib stream of `raw` in stored blocks (at most 65535 bytes each). */
function storedZlib(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + 5 * blocks + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const len = Math.min(65535, raw.length - start);
    out[o++] = b === blocks - 1 ? 1 : 0;
    out[o++] = len & 255;
    out[o++] = len >>> 8;
    out[o++] = ~len & 255;
    out[o++] = (~len >>> 8) & 255;
    out.set(raw.subarray(start, start + len), o);
    o += len;
  }
  const s = adler32(raw);
  out[o++] = s >>> 24;
  out[o++] = (s >>> 16) & 255;
  out[o++] = (s >>> 8) & 255;
  out[o++] = s & 255;
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Rows of 8-bit pixels (`channels` bytes each, rows top first) as PNG scanlines, each led by filter type 0 (none). */
export function pngScanlines(width: number, height: number, channels: 3 | 4, pixels: Uint8Array): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new RangeError(`image size must be whole numbers > 0, got ${width} × ${height}`);
  const row = channels * width;
  if (pixels.length !== row * height)
    throw new RangeError(
      `${width} × ${height} × ${channels} needs ${row * height} bytes, got ${pixels.length}`,
    );
  const raw = new Uint8Array(height * (1 + row));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(row * y, row * (y + 1)), y * (1 + row) + 1);
  return raw;
}

/** A PNG file of 8-bit RGB (3 channels) or RGBA (4) pixels from its zlib-compressed scanlines. */
export function pngFile(
  width: number,
  height: number,
  channels: 3 | 4,
  zlibScanlines: Uint8Array,
): Uint8Array {
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = channels === 4 ? 6 : 2; // truecolour, with alpha or without
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlibScanlines),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** PNG bytes of an 8-bit RGB image, rows top first, `rgb` of length 3·width·height (uncompressed). */
export function rgbPng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  return pngFile(width, height, 3, storedZlib(pngScanlines(width, height, 3, rgb)));
}

/** `data:image/png;base64,…` of an RGB image. */
export function rgbPngDataUrl(width: number, height: number, rgb: Uint8Array): string {
  const png = rgbPng(width, height, rgb);
  let binary = '';
  for (let i = 0; i < png.length; i += 8192) binary += String.fromCharCode(...png.subarray(i, i + 8192));
  return `data:image/png;base64,${btoa(binary)}`;
}
