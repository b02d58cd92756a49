/** Display options of the 3D view. */
export interface ViewSettings {
  /** bending exaggeration [-] */
  exaggeration: number;
  exploded: boolean;
  /** the interface whose pressure is painted (index into the shown result's interfaces) */
  interfaceIndex: number;
  /** section plane normal to x, at x = at [mm] */
  section: { enabled: boolean; at: number };
}

export const DEFAULT_VIEW: ViewSettings = {
  exaggeration: 100,
  exploded: true,
  interfaceIndex: 0,
  section: { enabled: false, at: 75 },
};
