/** SVG path data of chart marks, for marks merged into one element (the hatching overlay). */

/**
 * A Sankey link as a filled band ("ribbon") between its two ends, instead of a centre line stroked
 * at the link's width. Chromium paints ~700 filled bands far faster than ~700 wide bezier strokes
 * (a stroke is first turned into its outline, for every repaint), and bands of several links can be
 * merged into one path, which lets the hatching of uncertain links be one overlay element.
 */
export type RibbonEnds = {
  /** Right edge of the source node and left edge of the target node. */
  x0: number;
  x1: number;
  /** Centre of the link where it leaves the source and where it enters the target. */
  y0: number;
  y1: number;
  /** Thickness; links thinner than 1 px are drawn 1 px thick, so that every link can be seen and hovered. */
  width: number;
};

const r = (v: number) => Math.round(v * 10) / 10;

/** Bands thinner than this (px) are drawn this thick: hairlines, too thin to show a hatching pattern. */
export const HAIRLINE = 1;

/**
 * Hairline links show their hatching as a dashed look. On the whole register there are ~590 of them:
 * one overlay path of that many pieces cost ~40 ms of paint per change while the dashes were lost in
 * the tangle, so past this many hairlines only thicker links are hatched (every tooltip still says
 * whether a link is uncertain).
 */
export const MAX_HATCHED_HAIRLINES = 150;

export function ribbonPath({ x0, x1, y0, y1, width }: RibbonEnds): string {
  const h = Math.max(HAIRLINE, width) / 2;
  const xm = r((x0 + x1) / 2);
  const [a, b] = [r(x0), r(x1)];
  const [top0, top1, bottom0, bottom1] = [r(y0 - h), r(y1 - h), r(y0 + h), r(y1 + h)];
  return `M${a},${top0}C${xm},${top0} ${xm},${top1} ${b},${top1}L${b},${bottom1}C${xm},${bottom1} ${xm},${bottom0} ${a},${bottom0}Z`;
}

/**
 * The top edge's height at both ends of a band drawn by `ribbonPath` (read back from its path data:
 * keyboard navigation orders a node's links by where they leave or reach it). Null for other paths.
 */
export function ribbonEnds(d: string): { start: number; end: number } | null {
  const n = /^M(-?[\d.]+),(-?[\d.]+)C(-?[\d.]+),(-?[\d.]+) (-?[\d.]+),(-?[\d.]+) (-?[\d.]+),(-?[\d.]+)L/.exec(d);
  return n ? { start: Number(n[2]), end: Number(n[8]) } : null;
}

/** A rectangle (a bar segment) as path data, so that many can be one path. */
export function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${r(x)},${r(y)}h${r(width)}v${r(height)}h${-r(width)}Z`;
}

/**
 * The part of a band between two fractions of its width (0 at its top edge, 1 at its bottom): how
 * a link shows what of it rests on estimates or spread values, a band inside the band. Empty when
 * the part is empty.
 */
export function subRibbonPath(band: RibbonEnds, from: number, to: number): string {
  if (!(to > from)) return '';
  const w = Math.max(HAIRLINE, band.width);
  const top = -w / 2 + from * w;
  const width = (to - from) * w;
  const centre = top + width / 2;
  return ribbonPath({ ...band, y0: band.y0 + centre, y1: band.y1 + centre, width: Math.max(width, 0.01) });
}

/** The part of a rectangle between two fractions of its height, from its top: a bar segment's or node's marked part. */
export function subRectPath(x: number, y: number, width: number, height: number, from: number, to: number): string {
  if (!(to > from)) return '';
  return rectPath(x, y + from * height, width, (to - from) * height);
}

/**
 * The part of a rectangle between two fractions of its width, counted from its outer end (the left
 * for a bar growing leftwards, the right for one growing rightwards): a mirrored bar's marked part.
 */
export function subRectPathAcross(
  x: number,
  y: number,
  width: number,
  height: number,
  from: number,
  to: number,
  fromRight: boolean,
): string {
  if (!(to > from)) return '';
  const w = (to - from) * width;
  return rectPath(fromRight ? x + width - to * width : x + from * width, y, w, height);
}
