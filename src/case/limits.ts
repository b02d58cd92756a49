/**
 * Size limits of a case that are not a single number's range: how many entries a list may hold.
 * Each keeps a hostile file from making the tool work without bound; each is far above what a
 * real module needs.
 */

/**
 * Points of a tabulated law (cell pressure–strain, pad pressure–closure). A measured curve has
 * tens to a few hundred points; the series law merges the tables' breakpoints and every contact
 * point searches it each Newton step.
 */
export const maxTablePoints = 2000;

/**
 * Bolts of one module. A pack-level housing has perhaps a hundred; each bolt adds mesh lines and a
 * refinement to both axes and a patch to the plates.
 */
export const maxBolts = 2000;

/** Gasket pads: a few per face are usual; each adds mesh lines and a layer to the series laws. */
export const maxGaskets = 50;

/**
 * Grid-map lines along one axis (flatness and swelling maps). A profilometer scan resampled to
 * 1000 × 1000 heights is already far finer than any mesh the tool solves.
 */
export const maxMapLines = 1000;

/**
 * Coordinates in the case [mm]: well beyond any plate (the outline is at most 5000 mm), so only
 * the plate checks, which give the real limit, refuse a bolt or a rectangle off the plate; the
 * bound keeps sums and products of coordinates finite.
 */
export const coordinateBound = 100_000;

/**
 * Largest result.json the readers accept (batch resume, `stackpress report`, the viewer) [bytes]. A case
 * is a few kB; a life history adds about 1.5 kB a state, so 64 MiB holds the most states a history may
 * have. A larger file was not written by stackpress, and reading it would only exhaust memory.
 */
export const maxResultJsonBytes = 64 * 2 ** 20;
