import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';

export type Point = { clientX: number; clientY: number };

/**
 * Props that make an SVG mark behave like a button: hover and keyboard focus show its tooltip
 * (focus anchors it at the mark's top centre), click, Enter and Space activate it.
 */
export function interactiveMark(label: string, hover: (at: Point | null) => void, activate: () => void) {
  return {
    tabIndex: 0,
    role: 'button',
    'aria-label': label,
    className: 'chart-focus cursor-pointer',
    onMouseMove: (e: MouseEvent) => hover(e),
    onMouseLeave: () => hover(null),
    onFocus: (e: FocusEvent<SVGElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      hover({ clientX: r.x + r.width / 2, clientY: r.y });
    },
    onBlur: () => hover(null),
    onClick: activate,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        activate();
      }
    },
  };
}
