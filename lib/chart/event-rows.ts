/**
 * Rows for the numbers of time-line events along a chart's top edge: each number goes in the
 * highest row where it clears the numbers already placed, so close events (three in 1980 alone)
 * stack instead of printing over each other, and lone events stay in the first row.
 */

/** Width of an event number at the axis' 10 px font: about 6 px a digit, plus a gap. */
export function numberWidth(n: number): number {
  return String(n).length * 6 + 4;
}

/**
 * For events at x positions `xs` (in the list's order, numbered from 1), the row of each number;
 * null for an event not drawn. Past `maxRows` rows a number takes the row where it overlaps least.
 */
export function eventRows(xs: (number | null)[], maxRows = 4): (number | null)[] {
  const rowEnds: number[] = [];
  return xs.map((x, i) => {
    if (x === null) return null;
    const width = numberWidth(i + 1);
    // The number is drawn from x + 3 (just right of its dashed line).
    const start = x + 3;
    let row = rowEnds.findIndex((end) => end <= start);
    if (row === -1) row = rowEnds.length < maxRows ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = start + width;
    return row;
  });
}
