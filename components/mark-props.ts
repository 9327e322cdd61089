import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';

export type Point = { clientX: number; clientY: number };

/** Whether this mark is its chart's one Tab stop, and what to do when it gets focus. */
export type TabStop = { isStop: boolean; focused: () => void };

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/** Arrow keys, Home and End move focus among the marks of the same chart, in drawing order. */
function moveFocus(e: KeyboardEvent<SVGElement>): boolean {
  if (!NEXT.has(e.key) && !PREVIOUS.has(e.key) && e.key !== 'Home' && e.key !== 'End') return false;
  const marks = Array.from(e.currentTarget.ownerSVGElement?.querySelectorAll<SVGElement>('[data-mark]') ?? []);
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
 */
export function interactiveMark(label: string, hover: (at: Point | null) => void, activate: () => void, stop: TabStop) {
  return {
    tabIndex: stop.isStop ? 0 : -1,
    'data-mark': '',
    role: 'button',
    'aria-label': label,
    className: 'chart-focus cursor-pointer',
    onMouseMove: (e: MouseEvent) => hover(e),
    onMouseLeave: () => hover(null),
    onFocus: (e: FocusEvent<SVGElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      hover({ clientX: r.x + r.width / 2, clientY: r.y });
      stop.focused();
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
