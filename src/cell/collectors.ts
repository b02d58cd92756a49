/** Handbook densities of current-collector metals [g/cm³]; stainless is 304. */
export const collectorDensityGPerCm3 = {
  Al: 2.7,
  Cu: 8.96,
  Ni: 8.9,
  stainless: 8.0,
} as const;
