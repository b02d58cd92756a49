import {
  ClampToEdgeWrapping,
  DataTexture,
  DoubleSide,
  LinearFilter,
  MeshBasicMaterial,
  MeshStandardMaterial,
  SRGBColorSpace,
} from 'three';
import { COLORMAP_SIZE, colormapTable } from '../domain/colormap';

/** The 1D colormap texture: the pressure is the texture coordinate, so colours interpolate in the scalar. */
export function createColormapTexture(): DataTexture {
  const tex = new DataTexture(colormapTable(), COLORMAP_SIZE, 1);
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
    base: new MeshStandardMaterial({ color: '#6b6f73', metalness: 0.2, roughness: 0.8 }),
    cellSide: new MeshStandardMaterial({ color: '#cdb67f', metalness: 0.1, roughness: 0.5 }),
    cellFace: new MeshStandardMaterial({ color: '#d8c792', metalness: 0.1, roughness: 0.55 }),
    gasket: new MeshStandardMaterial({ color: '#3a4047', metalness: 0, roughness: 0.9 }),
    bolt: new MeshStandardMaterial({ color: '#7a828b', metalness: 0.25, roughness: 0.4 }),
    washer: new MeshStandardMaterial({ color: '#c3c9d0', metalness: 0.2, roughness: 0.35 }),
    spring: new MeshStandardMaterial({ color: '#c98a35', metalness: 0.2, roughness: 0.4 }),
  };
}

export type SceneMaterials = ReturnType<typeof createSceneMaterials>;
