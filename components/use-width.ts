'use client';

import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of a container, following resizes. `measured` stays false on the server and until the
 * first measurement: charts are laid out once, at their real width, in a box whose height is already
 * reserved (no layout shift, and no SVG drawn twice — once at a guessed width on the server).
 */
export function useWidth<T extends HTMLElement>(initial: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  const [measured, setMeasured] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (w: number) => setWidth(Math.max(280, Math.floor(w)));
    measure(el.getBoundingClientRect().width);
    setMeasured(true);
    const observer = new ResizeObserver(([entry]) => measure(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width, measured };
}
