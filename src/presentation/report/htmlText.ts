/**
 * Text into HTML and CSS. Every string of a report that came from a case (its name, its
 * description, a file name, a warning quoting a field) is user input and goes through here.
 */

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe as HTML element content and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c]);
}

/**
 * `text` as a double-quoted CSS string: everything but letters, digits and spaces as a hex
 * escape, so neither a quote nor `</style>` can end the string or the style sheet.
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `"${out}"`;
}
