'use client';

import { useState } from 'react';
import type { TabStops } from './mark-props';

/**
 * Which mark of a chart is its one Tab stop: the last one focused while it is still drawn, else the
 * first. Marks call `setStop` when they get focus (see `interactiveMark`).
 */
export function useTabStop(ids: string[]): TabStops {
  const [last, setLast] = useState<string | null>(null);
  const stop = last !== null && ids.includes(last) ? last : (ids[0] ?? null);
  return { stop, setStop: setLast };
}
