/**
 * A figure's SVG text as an `<img>` data URL. As an image, not inline: the figures' internal ids
 * (clip paths, gradients) cannot collide between figures, and nothing in an SVG can run script or
 * reach the page. `encodeURIComponent`, not base64, because it needs no Buffer in the browser.
 */
export function svgDataUrl(svg: string): string | null {
  const start = svg.indexOf('<svg');
  if (start < 0) return null;
  // an XML declaration or doctype before the root adds nothing to an image
  let root = svg.slice(start);
  // a standalone SVG document is drawn only with its namespace
  if (!/^<svg[^>]*\sxmlns=/.test(root))
    root = root.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(fitToViewBox(root))}`;
}

/**
 * The root's width and height set to its viewBox's: a figure whose drawing came out larger than
 * the size it was asked for would otherwise be shrunk into that size with blank bands around it.
 */
function fitToViewBox(root: string): string {
  const tag = /^<svg[^>]*>/.exec(root)?.[0];
  const box = tag && /\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(tag);
  if (!tag || !box) return root;
  const sized = tag
    .replace(/\s(width|height)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg width="${box[1]}" height="${box[2]}"`);
  return sized + root.slice(tag.length);
}
