import type { Dimension, Measure, YearBasis } from '../domain/terms';
import { downloadName } from '../view/api-query';
import type { DashboardView } from '../view/view-params';

export type ChartQuery = {
  datasets: string[];
  from: number;
  to: number;
  measure: Measure;
  basis: YearBasis;
  view: Pick<DashboardView, 'recipients' | 'suppliers' | 'categories' | 'uncertain'> & { average?: boolean };
};

/** The API query that returns exactly the rows behind a chart: one code path for tables and downloads. */
export function chartApiParams(q: ChartQuery, by: Dimension[]): URLSearchParams {
  const p = new URLSearchParams();
  if (q.datasets.length) p.set('dataset', q.datasets.join(','));
  if (by.length) p.set('by', by.join(','));
  if (q.view.recipients.length) p.set('recipient', q.view.recipients.join(','));
  if (q.view.suppliers.length) p.set('supplier', q.view.suppliers.join(','));
  if (q.view.categories.length) p.set('category', q.view.categories.join(','));
  p.set('from', String(q.from));
  p.set('to', String(q.to));
  p.set('measure', q.measure);
  if (q.basis !== 'delivery') p.set('basis', q.basis);
  // "mark" only changes how uncertain values look; the data includes them.
  if (q.view.uncertain === 'exclude') p.set('uncertain', 'exclude');
  // The bars' moving average: their table and downloads hold the averages drawn.
  if (q.view.average && by.includes('year')) p.set('average', '5');
  return p;
}

export type DownloadLinks = { csv: string; json: string; dealsCsv: string; dealsJson: string; bundle: string };

export function downloadLinks(q: ChartQuery, by: Dimension[]): DownloadLinks {
  const data = chartApiParams(q, by);
  const deals = chartApiParams(q, []);
  deals.delete('measure');
  const withFormat = (p: URLSearchParams, format: string) => {
    const c = new URLSearchParams(p);
    c.set('format', format);
    return c.toString();
  };
  return {
    csv: `/api/aggregate?${withFormat(data, 'csv')}`,
    json: `/api/aggregate?${data.toString()}`,
    dealsCsv: `/api/deals?${withFormat(deals, 'csv')}`,
    dealsJson: `/api/deals?${deals.toString()}`,
    bundle: `/api/bundle?${data.toString()}`,
  };
}

/** What the dashboard's model says about the data shown (kept structural to avoid an import cycle). */
type ShownData = { selected: string[]; from: number; to: number; measure: Measure; view: DashboardView };

/** A dashboard chart's download links and file name, from the view it shows and its grouping. */
export function dashboardDownloads(model: ShownData, kind: string, by: Dimension[]): { links: DownloadLinks; fileName: string } {
  const { view } = model;
  const query: ChartQuery = { datasets: model.selected, from: model.from, to: model.to, measure: model.measure, basis: view.basis, view };
  const fileName = downloadName(kind, {
    by,
    measure: model.measure,
    filters: { recipients: view.recipients, suppliers: view.suppliers, from: model.from, to: model.to },
  });
  return { links: downloadLinks(query, by), fileName };
}
