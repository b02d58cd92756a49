/** The example cases shipped in cases/*.json, bundled at build time. */
const modules = import.meta.glob('../../../cases/*.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;

export interface LibraryCase {
  /** file name without .json, e.g. "default" */
  id: string;
  input: unknown;
}

export const CASE_LIBRARY: readonly LibraryCase[] = Object.entries(modules)
  .map(([path, input]) => ({ id: path.replace(/^.*\/([^/]+)\.json$/, '$1'), input }))
  .sort((a, b) => (a.id === 'default' ? -1 : b.id === 'default' ? 1 : a.id.localeCompare(b.id)));

export function libraryCase(id: string): LibraryCase | undefined {
  return CASE_LIBRARY.find((c) => c.id === id);
}

/** The four Fig 5b housings, in the order of the 2 × 2 comparison. */
export const FIG5B_IDS = ['fig5b-none', 'fig5b-springs', 'fig5b-gaskets', 'fig5b-springs-gaskets'] as const;
