'use client';

import type { Measure } from '@/lib/domain/terms';
import { DatasetPicker } from './DatasetPicker';
import { MeasureSelect } from './MeasureSelect';
import { YearInput } from './YearInput';
import { drillPatch, useViewUrl } from './use-view-url';

export type CompareControlsProps = {
  /** The two recipients compared. */
  a: string;
  b: string;
  /** Recipients found in the selected data. */
  recipients: string[];
  /** Datasets to pick from, and the ids shown. */
  datasets: { id: string; name: string }[];
  selected: string[];
  /** Resolved years and measure. */
  from: number;
  to: number;
  measure: Measure;
  measures: Measure[];
  /** Whether only suppliers to both sides are shown. */
  bothOnly: boolean;
};

const field = 'rounded border border-[var(--line)] bg-[var(--bg)] px-2 py-1 text-sm';

/** The comparison's controls: the two recipients (with swap), data, years, measure; all in the URL. */
export function CompareControls({ a, b, recipients, datasets, selected, from, to, measure, measures, bothOnly }: CompareControlsProps) {
  const { update, pending } = useViewUrl();
  const set = (patch: Record<string, string | null>) => update({ ...drillPatch({}), ...patch });
  const options = (current: string) => [...new Set([current, ...recipients])].sort();
  return (
    <section
      aria-label="Comparison controls"
      className="flex flex-wrap items-center gap-2"
      data-testid="compare-controls"
      aria-busy={pending}
    >
      <label className="flex items-center gap-1 text-sm">
        Compare
        <select className={`${field} max-w-[14rem]`} value={a} onChange={(e) => set({ a: e.target.value })} data-testid="pick-a">
          {options(a).map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <button type="button" className={field} onClick={() => set({ a: b, b: a })} aria-label="Swap the two recipients" data-testid="swap">
        ⇄
      </button>
      <label className="flex items-center gap-1 text-sm">
        with
        <select className={`${field} max-w-[14rem]`} value={b} onChange={(e) => set({ b: e.target.value })} data-testid="pick-b">
          {options(b).map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <DatasetPicker datasets={datasets} selected={selected} onChange={(ids) => set({ ds: ids.join(',') || null })} />
      {(['from', 'to'] as const).map((name) => (
        <YearInput key={name} name={name} value={name === 'from' ? from : to} onCommit={(n, v) => set({ [n]: v })} />
      ))}
      <MeasureSelect value={measure} measures={measures} onChange={(m) => set({ measure: m })} />
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={bothOnly} onChange={(e) => set({ both: e.target.checked ? '1' : null })} data-testid="both-only" />
        suppliers to both only
      </label>
      {pending && <span className="text-sm text-[var(--muted)]">Updating…</span>}
    </section>
  );
}
