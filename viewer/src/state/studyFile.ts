import { checkCase } from '../../../src/index';
import { decodeToleranceFile, type ToleranceFile } from '../../../src/presentation/toleranceFile';
import { inputKey } from './inputKey';
import { PickedFileError } from './resultFolder';

/** A study folder's files as the viewer opens them: its tolerance.json and, when given, the case it ran. */
export interface PickedStudy {
  file: ToleranceFile;
  /** the names of the files used, tolerance.json first */
  names: string[];
  /** the study folder's case.json (the case with the samples and seed the study ran), or null */
  caseFile: File | null;
  caseInput: unknown | null;
}

// tolerance.json starts with its schema (encodeToleranceFile writes it first), as fields.json does
const STUDY_HEAD = /^\s*\{\s*"schema"\s*:\s*"stackpress\.tolerance\//;
/** tolerance.json is about a megabyte per study of a 2 mm mesh; far larger was not written by stackpress */
const MAX_STUDY_BYTES = 256 * 2 ** 20;
const MAX_CASE_BYTES = 16 * 2 ** 20;
/** a study folder holds tolerance.json, case.json and one draw-<i>.json per failed draw (≤ 1000) */
const MAX_FILES = 1100;

const isJson = (f: File) => /\.json$/i.test(f.name);

async function head(file: File): Promise<string> {
  try {
    return await file.slice(0, 200).text();
  } catch {
    // unreadable: not a study file; the result-folder reader names it
    return '';
  }
}

/** Whether the picked files hold a tolerance.json (by its content), so they open as a study. */
export async function holdsStudyFile(files: readonly File[]): Promise<boolean> {
  const candidates = files.length === 1 ? files : files.filter(isJson);
  if (candidates.length > MAX_FILES) return false;
  for (const f of candidates) if (STUDY_HEAD.test(await head(f))) return true;
  return false;
}

async function textOf(file: File, max: number, what: string): Promise<string> {
  if (file.size > max)
    throw new PickedFileError(
      `${file.name}: ${(file.size / 2 ** 20).toFixed(0)} MiB is larger than any ${what} stackpress writes (at most ${max / 2 ** 20} MiB)`,
    );
  try {
    return await file.text();
  } catch (e) {
    throw new PickedFileError(
      `${file.name}: could not be read (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

/** sha256 (hex) of a case's canonical JSON, as the CLI's inputHash; null where the browser has no crypto.subtle (an insecure origin). */
async function caseHash(json: unknown): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(inputKey(json)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A picked file's case input, or null when it is not a valid case of the study's name. */
async function caseOf(file: File, caseName: string): Promise<unknown | null> {
  if (file.size > MAX_CASE_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
    // solved already (perhaps with a raised --max-memory): no work limit applies to reading it
    const name = checkCase(json, { maxMemoryMiB: Number.MAX_VALUE }).case.name ?? 'case';
    return name === caseName ? json : null;
  } catch {
    return null;
  }
}

/**
 * Read a study folder's files: one tolerance.json (decoded and checked by `decodeToleranceFile`)
 * and, among the other .json files, the case it ran — the one whose canonical hash is the one
 * tolerance.json records (the folder's draw-<i>.json files are left aside). Throws PickedFileError
 * naming the file: a broken tolerance.json, two of them, or case files none of which is its case.
 */
export async function readStudyFiles(chosen: readonly File[]): Promise<PickedStudy> {
  const files = chosen.length === 1 ? chosen : chosen.filter(isJson);
  if (files.length > MAX_FILES)
    throw new PickedFileError(
      `${files.length} .json files: a study folder has far fewer — open one folder at a time`,
    );
  const studies: File[] = [];
  const others: File[] = [];
  for (const f of files) (STUDY_HEAD.test(await head(f)) ? studies : others).push(f);
  const [studyFile] = studies;
  if (!studyFile)
    throw new PickedFileError(`${files.map((f) => f.name).join(', ')}: no tolerance.json among them`);
  if (studies.length > 1)
    throw new PickedFileError(
      `${studies.map((f) => f.name).join(' and ')} are two studies: open one study folder at a time`,
    );
  let file: ToleranceFile;
  try {
    file = decodeToleranceFile(await textOf(studyFile, MAX_STUDY_BYTES, 'tolerance.json'));
  } catch (e) {
    if (e instanceof PickedFileError) throw e;
    throw new PickedFileError(`${studyFile.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (others.length === 0) return { file, names: [studyFile.name], caseFile: null, caseInput: null };
  const { caseName } = file.result;
  const wanted = file.input?.hash ?? null;
  // case.json first: the folder's draw-<i>.json files are cases of the same name
  const ordered = [...others].sort((a, b) => Number(b.name === 'case.json') - Number(a.name === 'case.json'));
  for (const f of ordered) {
    const input = await caseOf(f, caseName);
    if (input === null) continue;
    const hash = wanted === null ? null : await caseHash(input);
    // without a recorded hash, or without crypto.subtle to check it, the name is all there is to go by
    if (hash === null ? others.length === 1 : hash === wanted)
      return { file, names: [studyFile.name, f.name], caseFile: f, caseInput: input };
  }
  throw new PickedFileError(
    `${others.map((f) => f.name).join(', ')}: ${others.length === 1 ? 'is not' : 'none is'} the case ${studyFile.name} was run from (case "${caseName}"${wanted ? `, input ${wanted.slice(0, 12)}…` : ''}) — open a study folder's tolerance.json with its own case.json, or alone`,
  );
}
