'use client';

import { CATEGORIES } from '@/lib/domain/types';
import type { Measure } from '@/lib/domain/terms';
import { DatasetPicker } from './DatasetPicker';
import { MeasureSelect } from './MeasureSelect';
import { MultiSelect } from './MultiSelect';
import { YearInput } from './YearInput';
import { drillPatch, useViewUrl } from './use-view-url';

export type ViewControlsProps = {
  /** Datasets to pick from: id and name. */
  datasets: { id: string; name: string }[];
  /** Ids of the datasets shown. */
  selected: string[];
  /** Supplier and recipient names in the selected data. */
  options: { suppliers: string[]; recipients: string[] };
  /** Resolved view values, for showing the defaults that the URL leaves out. */
  current: {
    from: number;
    to: number;
    measure: Measure;
    measures: Measure[];
    basis: string;
    uncertain: string;
    /** How many series the charts show; undefined where the page has no such charts (the map: no control). */
    top?: number;
    recipients: string[];
    suppliers: string[];
    categories: string[];
  };
  /** Whether the page's charts hatch uncertain data (default); the map does not. */
  hatches?: boolean;
};

const selectClass = 'rounded border border-[var(--line)] bg-[var(--bg)] px-2 py-1 text-sm';

/** The filter bar: every control writes the URL; the server recomputes the charts. */
export function ViewControls({ datasets, selected, options, current, hatches = true }: ViewControlsProps) {
  const { update, pending } = useViewUrl();
  // A filter change invalidates the drill-down it was made from.
  const set = (patch: Record<string, string | null>) => update({ ...drillPatch({}), ...patch });
  const commitYear = (name: 'from' | 'to', value: string) => set({ [name]: value });
  return (
    <section aria-label="Filters" className="flex flex-wrap items-center gap-2" data-testid="view-controls" aria-busy={pending}>
      <DatasetPicker datasets={datasets} selected={selected} onChange={(ids) => set({ ds: ids.join(',') || null })} />
      <MultiSelect
        label="Recipients"
        testId="pick-recipients"
        options={options.recipients}
        selected={current.recipients}
        onChange={(v) => set({ recipient: v.join(',') || null })}
      />
      <MultiSelect
        label="Suppliers"
        testId="pick-suppliers"
        options={options.suppliers}
        selected={current.suppliers}
        onChange={(v) => set({ supplier: v.join(',') || null })}
      />
      <MultiSelect
        label="Categories"
        testId="pick-categories"
        options={[...CATEGORIES]}
        selected={current.categories}
        onChange={(v) => set({ category: v.join(',') || null })}
      />
      <YearInput name="from" value={current.from} onCommit={commitYear} />
      <YearInput name="to" value={current.to} onCommit={commitYear} />
      <MeasureSelect value={current.measure} measures={current.measures} onChange={(m) => set({ measure: m })} />
      <label className="flex items-center gap-1 text-sm">
        Year of
        <select
          className={selectClass}
          value={current.basis}
          onChange={(e) => set({ basis: e.target.value === 'delivery' ? null : e.target.value })}
        >
          <option value="delivery">delivery</option>
          <option value="order">order</option>
        </select>
      </label>
      <label className="flex items-center gap-1 text-sm">
        Uncertain data
        {/* A page that hatches nothing (the map) offers include and exclude; its include is the shared default. */}
        {hatches ? (
          <select
            className={selectClass}
            value={current.uncertain}
            data-testid="uncertain"
            onChange={(e) => set({ uncertain: e.target.value === 'mark' ? null : e.target.value })}
          >
            <option value="mark">mark (hatched)</option>
            <option value="include">include</option>
            <option value="exclude">exclude</option>
          </select>
        ) : (
          <select
            className={selectClass}
            value={current.uncertain === 'exclude' ? 'exclude' : 'include'}
            data-testid="uncertain"
            onChange={(e) => set({ uncertain: e.target.value === 'exclude' ? 'exclude' : null })}
          >
            <option value="include">include</option>
            <option value="exclude">exclude</option>
          </select>
        )}
      </label>
      {current.top !== undefined && (
        <label className="flex items-center gap-1 text-sm">
          Show top
          <input
            type="number"
            min={1}
            max={50}
            defaultValue={current.top}
            key={`top-${current.top}`}
            className={`${selectClass} w-16`}
            onBlur={(e) => e.target.value !== String(current.top) && set({ top: e.target.value })}
          />
        </label>
      )}
      {pending && <span className="text-sm text-[var(--muted)]">Updating…</span>}
    </section>
  );
}
