/** A focusable mark's point on a map (its anchor, in pixels; y grows downwards). */
export type FocusPoint = { x: number; y: number };

export type Direction = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const UNIT: Record<Direction, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Which mark an arrow key moves to on a map: the nearest one that way, where a mark off the key's
 * axis counts as farther (distance along the axis plus twice the distance across it), so that Right
 * from France reaches Germany rather than Norway. Marks within 45° of the axis are preferred; if there
 * are none, any mark on that side. Null when no mark lies that way (focus stays).
 */
export function spatialTarget(points: FocusPoint[], current: number, key: Direction): number | null {
  const [ux, uy] = UNIT[key];
  const from = points[current];
  let best: { i: number; score: number; inCone: boolean } | null = null;
  points.forEach((p, i) => {
    if (i === current) return;
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const along = dx * ux + dy * uy;
    if (along <= 0) return;
    const across = Math.abs(dx * uy - dy * ux);
    const inCone = across <= along;
    const score = along + 2 * across;
    if (best === null || (inCone && !best.inCone) || (inCone === best.inCone && score < best.score)) best = { i, score, inCone };
  });
  return best === null ? null : (best as { i: number }).i;
}
