import { cssString } from './htmlText';

/**
 * The report's style sheet: A4 pages with the case name and page number in the footer, each
 * section from a new page, figures two to a row at the page width, tables whose header rows
 * repeat on every page they run over. Only fonts every machine has; nothing is loaded.
 */
export function reportStyle(caseName: string): string {
  return `
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: ${cssString(`stackpress design report: ${caseName}`)}; font: 7.5pt 'DejaVu Sans', Arial, sans-serif; color: #666; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 7.5pt 'DejaVu Sans', Arial, sans-serif; color: #666; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 9pt/1.35 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #1a1a1a; margin: 0; }
main { max-width: 182mm; margin: 0 auto; }
@media screen { body { background: #eceff1; } main { background: #fff; padding: 12mm 14mm; margin: 8mm auto; box-shadow: 0 1px 4px rgba(0,0,0,.2); } }
header#title { border-bottom: 1.5pt solid #1a1a1a; padding-bottom: 4mm; margin-bottom: 4mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt; color: #555; margin: 0; }
h1 { font-size: 20pt; margin: 1mm 0 2mm; overflow-wrap: anywhere; }
h2 { font-size: 13pt; margin: 0 0 3mm; border-bottom: .75pt solid #999; padding-bottom: 1mm; }
h2 .number { display: inline-block; min-width: 7mm; color: #555; }
h3 { font-size: 10pt; margin: 4mm 0 1.5mm; }
.description { margin: 0 0 3mm; color: #333; overflow-wrap: anywhere; }
.title-grid, .two-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; align-items: start; }
.title-grid h3, .two-columns h3 { margin-top: 0; }
/* page breaks fall between sections: a short one is never split; the figures start a page */
section { margin-top: 9mm; }
section.whole { break-inside: avoid-page; }
section#figures { break-before: page; margin-top: 0; }
h2, h3 { break-after: avoid-page; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { padding: 1mm 1.5mm; border-bottom: .5pt solid #d0d4d8; vertical-align: top; }
thead th { border-bottom: 1pt solid #1a1a1a; font-weight: bold; vertical-align: bottom; font-size: 8pt; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
th.text, td.text { text-align: left; }
th .unit { display: block; font-weight: normal; color: #555; }
td.unit { color: #555; white-space: nowrap; }
td.path { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 8pt; overflow-wrap: anywhere; }
table.inputs td:nth-child(2) { overflow-wrap: anywhere; }
table.pressure { font-size: 8pt; }
table.pressure th, table.pressure td { padding-left: 1mm; padding-right: 1mm; }
table.pressure td:first-child { min-width: 28mm; }
table.inputs td { padding-top: .6mm; padding-bottom: .6mm; }
table.history { font-size: 8pt; }
table.history td:nth-child(2) { min-width: 42mm; }
.verdict { font-size: 10.5pt; font-weight: bold; margin: 1mm 0 3mm; }
tr.group th { background: #eef1f4; font-size: 8.5pt; padding-top: 1.5mm; }
table.quantities th { font-weight: normal; color: #333; }
table.quantities td.long { overflow-wrap: anywhere; white-space: normal; font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 7.5pt; }
tbody tr.total td { border-top: 1pt solid #1a1a1a; font-weight: bold; }
td.alert { background: #fde3e1; color: #8a1c12; font-weight: bold; }
.note { font-size: 8pt; color: #444; margin: 1mm 0 2mm; }
.none { font-size: 10pt; }
ul.warnings { padding-left: 5mm; }
ul.warnings li { margin-bottom: 1.5mm; overflow-wrap: anywhere; }
.figures { display: block; }
figure + figure { margin-top: 4mm; }
figure { margin: 0; break-inside: avoid; }
figure img { display: block; width: 100%; max-height: 110mm; object-fit: contain; object-position: left top; }
figcaption { font-size: 8pt; color: #333; margin-top: 1mm; }
.missing { border: .5pt dashed #999; padding: 20mm 0; text-align: center; color: #777; }
`;
}
