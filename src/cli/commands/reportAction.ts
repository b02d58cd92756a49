import { rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FilmGradeId } from '../../presentation/film';
import { designReportHtml, type ReportFigures } from '../../presentation/report/designReport';
import { reportFigures } from '../../presentation/report/reportFigures';
import { writeAtomic } from '../../report/atomicWrite';
import { reportPdf, requireChromium } from '../../report/reportPdf';
import { InputError } from '../../validation/parseInput';
import { caseFileSource, isResultFolder, type ReportSource, resultFolderSource } from './reportSource';

export interface ReportOptions {
  out: string;
  pdf?: boolean;
  dataDir?: string[];
  film?: FilmGradeId;
  threads: number;
  maxMemory?: number;
}

/** Where a report goes: the HTML file, and the PDF beside it (same name, .pdf) with --pdf. */
interface ReportTargets {
  html: string;
  pdf: string | null;
}

const outError = (out: string, why: string) =>
  new InputError('--out', [
    `--out: ${JSON.stringify(out)} ${why} — name the HTML file to write, e.g. report.html`,
  ]);

/** What is at `path` now: nothing, a regular file, or something else named in words. */
async function whatIsAt(path: string): Promise<'nothing' | 'file' | string> {
  try {
    const s = await stat(path);
    if (s.isFile()) return 'file';
    return s.isDirectory() ? 'is a folder' : 'is not a regular file';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'nothing';
    if (code === 'ENOTDIR') return 'lies under a file, not a folder';
    return `cannot be checked (${code})`;
  }
}

/** Whether two paths name one existing file (after links). */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * The files a report writes, checked before anything is solved or written: `--out` must name an
 * .html file that is not a folder (a file there is replaced), in a folder that exists or can be
 * made; the PDF takes its name with .pdf.
 */
async function reportTargets(out: string, pdf: boolean): Promise<ReportTargets> {
  if (!/\.html?$/i.test(out) || /[\\/]$/.test(out)) throw outError(out, 'must name an .html file');
  const html = resolve(out);
  const targets = { html, pdf: pdf ? html.replace(/\.html?$/i, '.pdf') : null };
  for (const path of [targets.html, targets.pdf]) {
    if (path === null) continue;
    const at = await whatIsAt(path);
    if (at !== 'nothing' && at !== 'file')
      throw outError(out, `${path === html ? '' : `(its PDF ${path}) `}${at}`);
  }
  // the nearest existing ancestor must be a folder, or the folders cannot be made
  let dir = dirname(html);
  for (;;) {
    const at = await whatIsAt(dir);
    if (at === 'nothing' && dirname(dir) !== dir) {
      dir = dirname(dir);
      continue;
    }
    if (at !== 'is a folder' && at !== 'nothing')
      throw outError(out, `cannot be written: ${dir} ${at === 'file' ? 'is a file' : at}`);
    break;
  }
  return targets;
}

/**
 * The action of `stackpress report` (registered in ./report.ts): check where the report goes (and
 * that Chromium is there for --pdf), read the result folder or solve the case file, render the
 * figures, build the HTML (and print the PDF), then write the PDF and the HTML, each atomically.
 * Nothing is written unless the whole report was made.
 */
export async function runReport(source: string, opts: ReportOptions, toolVersion: string): Promise<void> {
  const targets = await reportTargets(opts.out, opts.pdf === true);
  // a YAML case may have any extension, report.html too: the report must not replace its own source
  for (const target of [targets.html, targets.pdf])
    if (target && (await sameFile(source, target)))
      throw outError(opts.out, `would replace the case file being reported (${source})`);
  if (targets.pdf) requireChromium();
  let src: ReportSource;
  if (await isResultFolder(source)) src = await resultFolderSource(source);
  else {
    try {
      src = await caseFileSource(source, opts);
    } catch (e) {
      if (e instanceof InputError) throw e;
      process.stderr.write(`stackpress: ${source}: ${(e as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    for (const w of src.summary.warnings) process.stderr.write(`stackpress: ${source}: warning: ${w}\n`);
  }
  const made = await madeReport(src, opts, toolVersion, targets.pdf !== null);
  if (!made) {
    process.exitCode = 1;
    return;
  }
  if (targets.pdf && made.pdf) {
    await writeAtomic(targets.pdf, made.pdf);
    try {
      await writeAtomic(targets.html, made.html);
    } catch (e) {
      // the two belong together: no PDF of a report whose HTML could not be written
      await rm(targets.pdf, { force: true });
      throw e;
    }
  } else await writeAtomic(targets.html, made.html);
  process.stdout.write(`wrote ${targets.html}${targets.pdf ? ` and ${targets.pdf}` : ''}\n`);
}

/**
 * The report's HTML and, with `pdf`, its PDF, all in memory; null (the failure printed) when a
 * figure cannot be drawn or Chromium fails, so nothing is written.
 */
async function madeReport(
  src: ReportSource,
  opts: ReportOptions,
  toolVersion: string,
  pdf: boolean,
): Promise<{ html: string; pdf: Uint8Array | null } | null> {
  let figures: ReportFigures;
  try {
    figures = await reportFigures(src.fields, { film: opts.film, history: src.summary.history });
  } catch (e) {
    process.stderr.write(`stackpress: report: a figure could not be drawn: ${(e as Error).message}\n`);
    return null;
  }
  const html = designReportHtml({ ...src, figures, generatedAt: new Date(), toolVersion });
  if (!pdf) return { html, pdf: null };
  try {
    const printed = await reportPdf(html);
    for (const url of printed.blockedRequests)
      process.stderr.write(`stackpress: report: blocked a request the report should not make: ${url}\n`);
    return { html, pdf: printed.pdf };
  } catch (e) {
    if (e instanceof InputError) throw e;
    process.stderr.write(`stackpress: --pdf: Chromium could not print the report: ${(e as Error).message}\n`);
    return null;
  }
}
