'use client';

import { MultiSelect } from './MultiSelect';

export type DatasetPickerProps = {
  /** Datasets to pick from. */
  datasets: { id: string; name: string }[];
  /** Ids shown now. */
  selected: string[];
  /** Called with the chosen ids (empty: back to the default). */
  onChange: (ids: string[]) => void;
};

/** Pick datasets by name; the URL keeps their ids. */
export function DatasetPicker({ datasets, selected, onChange }: DatasetPickerProps) {
  const idOf = new Map(datasets.map((d) => [d.name, d.id]));
  const nameOf = new Map(datasets.map((d) => [d.id, d.name]));
  return (
    <MultiSelect
      label="Datasets"
      testId="pick-datasets"
      options={datasets.map((d) => d.name)}
      selected={selected.map((id) => nameOf.get(id) ?? id)}
      onChange={(names) => onChange(names.map((n) => idOf.get(n) ?? n))}
    />
  );
}
