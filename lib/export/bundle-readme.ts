/** The README that travels in a download bundle: what the files hold, the filters, the caveats, the citation. */
export function bundleReadme(
  data: { name: string; meta: Record<string, unknown>; records: unknown[] },
  deals: { name: string; records: unknown[] },
): string {
  const meta = data.meta as {
    filters: Record<string, unknown>;
    by: string[];
    basis: string;
    datasets: { name: string; generated: string | null; citation: string }[];
    measure: { id: string; unit: string; definition: string; caveats: string[] } | null;
    citation: string;
  };
  const lines = [
    'Arms transfers explorer: data download',
    '',
    `${data.name}.csv / .json: ${data.records.length} rows, one per group of ${meta.by.join(' × ')} (year of ${meta.basis}).`,
    `${deals.name}.csv / .json: the ${deals.records.length} register rows (deals) behind them, each with its source.`,
    '',
    'Filters:',
    ...Object.entries(meta.filters)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `  ${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`),
    '',
    'Datasets:',
    ...meta.datasets.map((d) => `  ${d.name}${d.generated ? ` (data generated ${d.generated})` : ''}`),
    '',
    meta.measure ? `Measure: ${meta.measure.id} (${meta.measure.unit}). ${meta.measure.definition}` : '',
    ...(meta.measure?.caveats ?? []).map((c) => `  - ${c}`),
    '',
    'Columns "uncertain" and "spread": the value includes numbers the source marks as uncertain, or a deal total divided evenly over its delivery years (without a year column, only deals the year range cuts: a deal delivered wholly inside it adds its exact total).',
    '',
    `Cite as: ${meta.citation}`,
    '',
  ];
  return lines.join('\r\n');
}
