import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import { ribbonEnds } from '@/lib/chart/mark-paths';
import { spatialTarget, type Direction } from '@/lib/chart/spatial-focus';

export type Point = { clientX: number; clientY: number };

/** A chart's one Tab stop (a mark id), and how a mark that gets focus becomes it (see `useTabStop`). */
export type TabStops = { stop: string | null; setStop: (id: string) => void };

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Arrow keys in a chart laid out in columns (marks with `data-col`, e.g. a year's stacked bar):
 * Up and Down move within the column by position, Left and Right to the same series (`data-row`) in
 * the neighbouring column, or to its mark nearest in height. Undefined when the mark has no column.
 */
function gridTarget(marks: SVGElement[], current: SVGElement, key: string): SVGElement | null | undefined {
  const col = current.dataset.col;
  if (col === undefined) return undefined;
  const boxes = new Map(marks.map((m) => [m, m.getBoundingClientRect()]));
  const middle = (m: SVGElement) => boxes.get(m)!.top + boxes.get(m)!.height / 2;
  const y = middle(current);
  const nearest = (candidates: SVGElement[]) =>
    candidates.reduce<SVGElement | null>(
      (best, m) => (best === null || Math.abs(middle(m) - y) < Math.abs(middle(best) - y) ? m : best),
      null,
    );
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const up = key === 'ArrowUp';
    return nearest(marks.filter((m) => m.dataset.col === col && (up ? middle(m) < y : middle(m) > y)));
  }
  // Columns from left to right (years; the comparison's two sides), by their marks' left edges.
  const left = new Map<string, number>();
  for (const m of marks) {
    const c = m.dataset.col;
    if (c !== undefined) left.set(c, Math.min(left.get(c) ?? Infinity, boxes.get(m)!.left));
  }
  const cols = [...left.keys()].sort((a, b) => left.get(a)! - left.get(b)!);
  const next = cols[cols.indexOf(col) + (key === 'ArrowRight' ? 1 : -1)];
  if (next === undefined) return null;
  const inColumn = marks.filter((m) => m.dataset.col === next);
  return inColumn.find((m) => m.dataset.row === current.dataset.row) ?? nearest(inColumn);
}

/**
 * Arrow keys in a Sankey (links with `data-source`/`data-target`, nodes inside a `data-id` group):
 * Left and Right follow the flow — from a node to its topmost incoming or outgoing link, from a link
 * to the node it comes from or goes to; Up and Down move to the neighbouring node of the same column,
 * or to the neighbouring link leaving the same node. Undefined when the mark is not a Sankey mark.
 */
function flowTarget(marks: SVGElement[], current: SVGElement, key: string): SVGElement | null | undefined {
  const nodeId = (m: SVGElement) => (m.dataset.source === undefined ? m.parentElement?.dataset.id : undefined);
  const nodeMark = (id: string) => marks.find((m) => nodeId(m) === id) ?? null;
  const ends = (m: SVGElement) => ribbonEnds(m.getAttribute('d') ?? '') ?? { start: 0, end: 0 };
  const byHeight = (list: SVGElement[], y: (m: SVGElement) => number) => [...list].sort((a, b) => y(a) - y(b));
  const step = (list: SVGElement[], from: SVGElement) => {
    const i = list.indexOf(from) + (key === 'ArrowDown' ? 1 : -1);
    return i >= 0 && i < list.length ? list[i] : null;
  };
  const { source, target } = current.dataset;
  if (source !== undefined && target !== undefined) {
    if (key === 'ArrowRight') return nodeMark(target);
    if (key === 'ArrowLeft') return nodeMark(source);
    const siblings = marks.filter((m) => m.dataset.source === source);
    return step(
      byHeight(siblings, (m) => ends(m).start),
      current,
    );
  }
  const id = nodeId(current);
  if (id === undefined) return undefined;
  // Right: the topmost link leaving the node (by where it starts); Left: the topmost reaching it.
  const topmost = (end: 'source' | 'target', at: 'start' | 'end') =>
    byHeight(
      marks.filter((m) => m.dataset[end] === id),
      (m) => ends(m)[at],
    )[0] ?? null;
  if (key === 'ArrowRight') return topmost('source', 'start');
  if (key === 'ArrowLeft') return topmost('target', 'end');
  // A node's column is its side, the id's prefix ("supplier:", "category:"…).
  const side = id.slice(0, id.indexOf(':') + 1);
  const column = marks.filter((m) => nodeId(m)?.startsWith(side));
  return step(
    byHeight(column, (m) => m.getBoundingClientRect().top),
    current,
  );
}

/**
 * Arrow keys on a map (marks with `data-x`/`data-y`, their anchor in pixels): to the nearest mark
 * that way (see `spatialTarget`). Undefined when the mark has no anchor.
 */
function mapTarget(marks: SVGElement[], current: SVGElement, key: string): SVGElement | null | undefined {
  if (current.dataset.x === undefined) return undefined;
  const placed = marks.filter((m) => m.dataset.x !== undefined);
  const points = placed.map((m) => ({ x: Number(m.dataset.x), y: Number(m.dataset.y) }));
  const i = spatialTarget(points, placed.indexOf(current), key as Direction);
  return i === null ? null : placed[i];
}

/** Arrow keys, Home and End move focus among the marks of the same chart. */
function moveFocus(e: KeyboardEvent<SVGElement>): boolean {
  if (!NEXT.has(e.key) && !PREVIOUS.has(e.key) && e.key !== 'Home' && e.key !== 'End') return false;
  const marks = Array.from(e.currentTarget.ownerSVGElement?.querySelectorAll<SVGElement>('[data-mark]') ?? []);
  const arrow = e.key !== 'Home' && e.key !== 'End';
  // null: no mark that way (focus stays); undefined: the mark is not in a grid or a flow.
  let target = arrow ? gridTarget(marks, e.currentTarget, e.key) : undefined;
  if (arrow && target === undefined) target = mapTarget(marks, e.currentTarget, e.key);
  if (arrow && target === undefined) target = flowTarget(marks, e.currentTarget, e.key);
  if (target !== undefined) {
    target?.focus();
    return true;
  }
  // Home and End: the first and last mark in drawing order.
  const i = marks.indexOf(e.currentTarget);
  const j = e.key === 'Home' ? 0 : e.key === 'End' ? marks.length - 1 : NEXT.has(e.key) ? i + 1 : i - 1;
  marks[Math.max(0, Math.min(marks.length - 1, j))]?.focus();
  return true;
}

/**
 * Props that make an SVG mark behave like a button: hover and keyboard focus show its tooltip
 * (focus anchors it at the mark's top centre), click, Enter and Space activate it. A chart is one
 * Tab stop (its last focused mark, or its first), and arrow keys move inside it: the whole register
 * draws ~1,400 marks, which as Tab stops each took a keyboard user ~1,400 presses to get past.
 * Marks with `data-col`/`data-row` attributes are moved through as a grid (see `gridTarget`), a
 * Sankey's along its flows (see `flowTarget`), a map's by where they lie (see `mapTarget`).
 */
export function interactiveMark(id: string, label: string, hover: (at: Point | null) => void, activate: () => void, tab: TabStops) {
  return {
    tabIndex: tab.stop === id ? 0 : -1,
    'data-mark': '',
    role: 'button',
    'aria-label': label,
    className: 'chart-focus cursor-pointer',
    onMouseMove: (e: MouseEvent) => hover(e),
    onMouseLeave: () => hover(null),
    onFocus: (e: FocusEvent<SVGElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      hover({ clientX: r.x + r.width / 2, clientY: r.y });
      tab.setStop(id);
    },
    onBlur: () => hover(null),
    onClick: activate,
    onKeyDown: (e: KeyboardEvent<SVGElement>) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        activate();
      } else if (moveFocus(e)) e.preventDefault();
    },
  };
}

/**
 * What of a mark is drawn marked, as attributes (tests and styles read them): `data-hatched` and
 * `data-estimated` (the hatched fraction), `data-dotted` and `data-spread` (the dotted fraction).
 */
export function markedData({ estimated, spread }: { estimated: number; spread: number }) {
  return {
    'data-hatched': estimated > 0 ? 'true' : undefined,
    'data-estimated': estimated > 0 ? estimated.toFixed(3) : undefined,
    'data-dotted': spread > 0 ? 'true' : undefined,
    'data-spread': spread > 0 ? spread.toFixed(3) : undefined,
  };
}
