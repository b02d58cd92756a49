import { existsSync } from 'node:fs';
import { InputError } from '../validation/parseInput';

/** Where the PDF printer looks for Chromium: the Debian/Ubuntu package's path. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** InputError (exit 2) unless Chromium is installed at `executablePath`: checked before any work. */
export function requireChromium(executablePath = CHROMIUM_PATH): void {
  if (!existsSync(executablePath))
    throw new InputError('--pdf', [
      `--pdf: needs Chromium at ${executablePath}, which is not there — install it (apt-get install chromium) or leave out --pdf; the HTML report alone needs nothing`,
    ]);
}

/** The printed report, and every request the page tried to make (none: the report is self-contained). */
export interface PrintedReport {
  pdf: Uint8Array;
  blockedRequests: string[];
}

/** A printer that hangs (a wedged GPU process, a starved machine) fails the run instead [ms]. */
const printTimeout = 120_000;

/**
 * Print a report's HTML to an A4 PDF with Chromium (playwright-core), backgrounds included, page
 * size and margins from the report's own print style sheet. The page runs with JavaScript off and
 * every network request aborted and recorded: the report must need nothing from outside.
 * InputError (exit 2) when Chromium is not installed at `executablePath`.
 */
export async function reportPdf(html: string, executablePath = CHROMIUM_PATH): Promise<PrintedReport> {
  requireChromium(executablePath);
  // loaded here, not with the command: an HTML report needs neither the package nor a browser
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new InputError('--pdf', [
      '--pdf: needs the package playwright-core, which is not installed — npm install playwright-core, or leave out --pdf',
    ]);
  }
  const browser = await chromium.launch({ executablePath, timeout: printTimeout });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const blockedRequests: string[] = [];
    await context.route(
      () => true,
      (route) => {
        const url = route.request().url();
        if (url.startsWith('data:')) return route.continue();
        blockedRequests.push(url);
        return route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    page.setDefaultTimeout(printTimeout);
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return { pdf: new Uint8Array(pdf), blockedRequests };
  } finally {
    await browser.close();
  }
}
