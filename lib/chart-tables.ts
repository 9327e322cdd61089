import { formatShare, formatValue } from './format';
import type { Measure } from './query';
import type { BarSeries } from './series/bar-series';
import type { SankeySeries } from './series/sankey-series';
import { OTHER } from './view-params';

export type TableData = { columns: string[]; rows: string[][]; sortKeys: (string | number)[][] };

const flags = (estimated: boolean, spread: boolean) =>
  [estimated && 'uncertain', spread && 'spread over years'].filter(Boolean).join(', ') || '—';

/** One row per drawn Sankey link: exactly the numbers the chart draws. */
export function sankeyTable(series: SankeySeries, measure: Measure): TableData {
  const label = new Map(series.nodes.map((n) => [n.id, n.label]));
  const links = [...series.links].sort((a, b) => b.value - a.value);
  return {
    columns: ['From', 'To', 'Supplier', 'Value', 'Share of total', 'Flags'],
    rows: links.map((l) => [
      label.get(l.source) ?? l.source,
      label.get(l.target) ?? l.target,
      l.supplier === OTHER ? 'Other' : l.supplier,
      formatValue(l.value, measure),
      formatShare(l.value, series.total),
      flags(l.estimated, l.spread),
    ]),
    sortKeys: links.map((l) => [
      label.get(l.source) ?? '',
      label.get(l.target) ?? '',
      l.supplier,
      l.value,
      l.value,
      flags(l.estimated, l.spread),
    ]),
  };
}

/** One row per bar segment, and one per year without a bar saying why. */
export function barTable(series: BarSeries, measure: Measure): TableData {
  const rows: string[][] = [];
  const sortKeys: (string | number)[][] = [];
  for (const bar of series.years) {
    if (bar.total === null) {
      rows.push([String(bar.year), bar.hasFacts ? 'deliveries without numbers' : 'no deliveries recorded', 'n/a', '—', '—']);
      sortKeys.push([bar.year, '', -1, -1, '']);
      continue;
    }
    for (const key of series.keys) {
      const cell = bar.cells[key];
      if (!cell || cell.value === null) continue;
      rows.push([
        String(bar.year),
        series.labels[key],
        formatValue(cell.value, measure),
        formatShare(cell.value, bar.total),
        flags(cell.estimated, cell.spread),
      ]);
      sortKeys.push([bar.year, series.labels[key], cell.value, cell.value, flags(cell.estimated, cell.spread)]);
    }
  }
  return { columns: ['Year', 'Series', 'Value', 'Share of year', 'Flags'], rows, sortKeys };
}
