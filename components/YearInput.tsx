'use client';

export type YearInputProps = {
  /** Which end of the range. */
  name: 'from' | 'to';
  /** The year shown now (resolved, so defaults show too). */
  value: number;
  /** Called with the typed year when the field is left or Enter is pressed. */
  onCommit: (name: 'from' | 'to', value: string) => void;
};

/** A year field that writes the URL when the user is done typing, not on every key. */
export function YearInput({ name, value, onCommit }: YearInputProps) {
  return (
    <label className="flex items-center gap-1 text-sm">
      {name === 'from' ? 'From' : 'to'}
      <input
        type="number"
        min={1900}
        max={2100}
        defaultValue={value}
        key={`${name}-${value}`}
        data-testid={`year-${name}`}
        aria-label={name === 'from' ? 'First year' : 'Last year'}
        className="w-20 rounded border border-[var(--line)] bg-[var(--bg)] px-2 py-1 text-sm"
        onBlur={(e) => e.target.value !== String(value) && onCommit(name, e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && onCommit(name, (e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
