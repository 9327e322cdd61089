'use client';

import { MEASURE_LABELS } from '@/lib/domain/format';
import type { Measure } from '@/lib/domain/terms';

export type MeasureSelectProps = {
  /** The measure shown. */
  value: Measure;
  /** The measures the selected data has numbers for. */
  measures: Measure[];
  /** Called with the chosen measure. */
  onChange: (measure: Measure) => void;
};

/** The measure picker, offering only what the data can show. */
export function MeasureSelect({ value, measures, onChange }: MeasureSelectProps) {
  return (
    <label className="flex items-center gap-1 text-sm">
      Measure
      <select
        className="rounded border border-[var(--line)] bg-[var(--bg)] px-2 py-1 text-sm"
        value={value}
        data-testid="measure"
        onChange={(e) => onChange(e.target.value as Measure)}
      >
        {measures.map((m) => (
          <option key={m} value={m}>
            {MEASURE_LABELS[m]}
          </option>
        ))}
      </select>
    </label>
  );
}
