'use client';

import { useViewUrl } from './use-view-url';

export type ChartTogglesProps = {
  /** Current stacking. */
  stack: 'supplier' | 'category';
  /** Whether bars show shares of 100%. */
  percent: boolean;
  /** Whether timeline events are drawn. */
  events: boolean;
  /** How many events the chart marks: none can concern the countries shown. */
  eventCount: number;
  /** Whether the bars are SIPRI's five-year moving average; absent where a page does not offer it. */
  average?: boolean;
};

const button = (on: boolean) =>
  `rounded border px-2 py-0.5 text-sm ${on ? 'border-[var(--accent)] bg-[var(--accent)] text-[var(--bg)]' : 'border-[var(--line)]'}`;

/** Toggles of the stacked bars, kept in the URL like every other state. */
export function ChartToggles({ stack, percent, events, eventCount, average }: ChartTogglesProps) {
  const { update } = useViewUrl();
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Bar chart options">
      <span className="text-sm text-[var(--muted)]">Stack by</span>
      <button
        type="button"
        aria-pressed={stack === 'supplier'}
        className={button(stack === 'supplier')}
        onClick={() => update({ stack: null })}
      >
        supplier
      </button>
      <button
        type="button"
        aria-pressed={stack === 'category'}
        className={button(stack === 'category')}
        onClick={() => update({ stack: 'category' })}
        data-testid="stack-category"
      >
        category
      </button>
      <span className="ml-2 text-sm text-[var(--muted)]">Scale</span>
      <button type="button" aria-pressed={!percent} className={button(!percent)} onClick={() => update({ pct: null })}>
        absolute
      </button>
      <button type="button" aria-pressed={percent} className={button(percent)} onClick={() => update({ pct: '1' })} data-testid="percent">
        100%
      </button>
      {average !== undefined && (
        <label className="ml-2 flex items-center gap-1 text-sm">
          <input type="checkbox" checked={average} onChange={(e) => update({ avg: e.target.checked ? '5' : null })} data-testid="average" />
          5-year average
        </label>
      )}
      <label className="ml-2 flex items-center gap-1 text-sm">
        <input type="checkbox" checked={events} onChange={(e) => update({ events: e.target.checked ? null : '0' })} />
        events
        {events && eventCount === 0 && (
          <span className="text-[var(--muted)]" data-testid="no-events">
            (none for the countries shown)
          </span>
        )}
      </label>
    </div>
  );
}
