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
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(root)}`;
}
