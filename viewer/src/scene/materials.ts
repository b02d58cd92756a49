import {
  ClampToEdgeWrapping,
  DataTexture,
  DoubleSide,
  LinearFilter,
  MeshBasicMaterial,
  MeshStandardMaterial,
  SRGBColorSpace,
} from 'three';
import { COLOUR_TABLE_SIZE, colourTableRgba, NO_CONTACT_COLOUR } from '../../../src/presentation/colourScale';

/** Texture v of the pressure scale's row and of the no-contact row (texel centres). */
export const CONTACT_ROW_V = 0.25;
export const NO_CONTACT_ROW_V = 0.75;

/**
 * The pressure colour texture, two rows: the pressure scale (v = 0.25) and the no-contact grey
 * (v = 0.75). The pressure is the u coordinate, so colours interpolate in the scalar, not in RGB;
 * between a node in contact and an open one the colour blends into the grey over one element.
 */
export function createColormapTexture(): DataTexture {
  const data = new Uint8Array(2 * 4 * COLOUR_TABLE_SIZE);
  data.set(colourTableRgba('pressure'), 0);
  const [r, g, b] = NO_CONTACT_COLOUR;
  for (let i = 0; i < COLOUR_TABLE_SIZE; i++) data.set([r, g, b, 255], 4 * (COLOUR_TABLE_SIZE + i));
  const tex = new DataTexture(data, COLOUR_TABLE_SIZE, 2);
  tex.magFilter = LinearFilter;
  tex.minFilter = LinearFilter;
  tex.wrapS = ClampToEdgeWrapping;
  tex.wrapT = ClampToEdgeWrapping;
  tex.colorSpace = SRGBColorSpace;
  tex.needsUpdate = true;
  return tex;
}

/** Shared materials of the assembly (created once per scene). */
export function createSceneMaterials() {
  const colormap = createColormapTexture();
  return {
    colormap,
    pressure: new MeshBasicMaterial({ map: colormap, side: DoubleSide }),
    steel: new MeshStandardMaterial({ color: '#9aa3ad', metalness: 0.12, roughness: 0.55 }),
    steelDark: new MeshStandardMaterial({ color: '#6a727b', metalness: 0.2, roughness: 0.45 }),
    base: new MeshStandardMaterial({ color: '#6b6f73', metalness: 0.2, roughness: 0.8, side: DoubleSide }),
    cellSide: new MeshStandardMaterial({ color: '#cdb67f', metalness: 0.1, roughness: 0.5 }),
    cellFace: new MeshStandardMaterial({ color: '#d8c792', metalness: 0.1, roughness: 0.55 }),
    gasket: new MeshStandardMaterial({ color: '#3a4047', metalness: 0, roughness: 0.9 }),
    bolt: new MeshStandardMaterial({ color: '#7a828b', metalness: 0.25, roughness: 0.4 }),
    washer: new MeshStandardMaterial({ color: '#c3c9d0', metalness: 0.2, roughness: 0.35 }),
    spring: new MeshStandardMaterial({ color: '#c98a35', metalness: 0.2, roughness: 0.4 }),
  };
}

export type SceneMaterials = ReturnType<typeof createSceneMaterials>;
