import { describe, expect, it } from 'vitest';
import { reportPdf, requireChromium } from '../../src/report/reportPdf';
import { InputError } from '../../src/validation/parseInput';

describe('printing a report with Chromium', () => {
  it('blocks and records every network request of the page, and still prints', async () => {
    const html =
      '<!DOCTYPE html><html><head><link rel="stylesheet" href="https://fonts.example.com/a.css"></head>' +
      '<body><p>text</p><img src="http://203.0.113.9/tracker.png"></body></html>';
    const { pdf, blockedRequests } = await reportPdf(html);
    expect(blockedRequests.sort()).toEqual([
      'http://203.0.113.9/tracker.png',
      'https://fonts.example.com/a.css',
    ]);
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
  }, 60_000);

  it('runs no script of the page', async () => {
    // a script that would fetch if it ran: the page has JavaScript off
    const html = "<p>x</p><script>fetch('http://203.0.113.9/beacon')</script>";
    expect((await reportPdf(html)).blockedRequests).toEqual([]);
  }, 60_000);

  it('says Chromium is needed, as an input error (exit 2), when it is not installed', async () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(InputError);
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(
      /--pdf: needs Chromium at \/nonexistent\/chromium/,
    );
    await expect(reportPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toThrow(InputError);
  });
});
