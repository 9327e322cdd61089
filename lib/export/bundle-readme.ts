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
    'Columns "estimated_share" and "spread_share": the fraction (0 to 1, three decimals; empty where the value is unknown) of each value that comes from numbers or years the source marks as estimates (for the deals measure: the fraction of the deals with any such mark), and from deal totals divided evenly over their delivery years by our rule (without a year column, only deals the year range cuts: a deal delivered wholly inside it adds its exact total). The two may overlap: a divided total can also be an estimate.',
    'What counts as an estimate: in SIPRI\'s delivery-level export, "Numbers delivered is estimate" or "Delivery year is estimate" (on the order-year basis also "Order date is estimate"); in SIPRI\'s trade register, a "?" or brackets after the number delivered or in the delivery years (on the order-year basis: after the year of order or the number ordered); in our own format, the "estimates" column and an inline "?", "(n)" or "~n".',
    'Columns "uncertain" and "spread" (kept for compatibility): true where any fact behind the value is so marked or so divided.',
    '',
    `Cite as: ${meta.citation}`,
    '',
  ];
  return lines.join('\r\n');
}
