import { FONT_SIZE, titleLimit } from './figureTheme';
import { clipText } from './textWidth';

/**
 * A figure's title block: the title (bold) and subtitle lines cut to the page width, so a long
 * case or interface name ends in an ellipsis instead of widening the drawing, which would shrink
 * everything else to fit the page. Cut here, by the font's widths, because vega's own `limit`
 * is not applied to titles when it renders to SVG without a canvas.
 */
export function figureTitle(
  width: number,
  text: string,
  subtitle: string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const limit = titleLimit(width);
  return {
    text: clipText(text, limit, FONT_SIZE.title, true),
    subtitle: subtitle.map((line) => clipText(line, limit, FONT_SIZE.subtitle)),
    ...extra,
  };
}
