import type { AggregateRow } from '../query/group-table';
import type { CsvCell } from './csv-writer';
import { MEASURE_DEFINITIONS } from './provenance';
import type { Dimension, Measure } from '../domain/terms';
import type { DealRow } from '../query/select-deals';

/** Aggregate rows as the API writes them: the dimensions, the value, its unit and its flags. */
export function aggregateTable(
  rows: AggregateRow[],
  by: Dimension[],
  measure: Measure,
): { header: string[]; records: Record<string, CsvCell>[] } {
  const header = [...by, 'value', 'unit', 'estimated_share', 'spread_share', 'uncertain', 'spread', 'deals', 'missing'];
  const unit = MEASURE_DEFINITIONS[measure].unit;
  const records = rows.map((r) => ({
    ...Object.fromEntries(by.map((d) => [d, r.keys[d] ?? null])),
    value: r.value === null ? null : Math.round(r.value * 1e6) / 1e6,
    unit,
    estimated_share: threeDecimals(r.estimatedShare),
    spread_share: threeDecimals(r.spreadShare),
    uncertain: r.estimated,
    spread: r.spread,
    deals: r.deals,
    missing: r.missing,
  }));
  return { header, records };
}

/** A share as the API writes it: three decimals, empty (null) where the value is unknown. */
const threeDecimals = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export const DEAL_COLUMNS = [
  'dataset',
  'line',
  'supplier',
  'recipient',
  'origin',
  'order_year',
  'order_year_estimated',
  'designation',
  'description',
  'category',
  'number_ordered',
  'number_ordered_estimated',
  'number_delivered',
  'number_delivered_estimated',
  'delivery_years',
  'delivery_years_estimated',
  'status',
  'comments',
  'tiv_per_unit',
  'tiv_total_order',
  'tiv_delivered',
  'value_usd_m',
  'value_estimated',
  'source',
] as const;

/** A deal as the API writes it: the register row with its provenance. */
export function dealRecord(d: DealRow): Record<(typeof DEAL_COLUMNS)[number], CsvCell> {
  return {
    dataset: d.dataset,
    line: d.line,
    supplier: d.supplier,
    recipient: d.recipient,
    origin: d.origin,
    order_year: d.orderYear,
    order_year_estimated: d.orderYearEstimated,
    designation: d.designation,
    description: d.description,
    category: d.category,
    number_ordered: d.ordered,
    number_ordered_estimated: d.orderedEstimated,
    number_delivered: d.delivered,
    number_delivered_estimated: d.deliveredEstimated,
    delivery_years: d.deliveryYears.join('; '),
    delivery_years_estimated: d.deliveryYearsEstimated,
    status: d.status,
    comments: d.comments,
    tiv_per_unit: d.tivPerUnit,
    tiv_total_order: d.tivOrder,
    tiv_delivered: d.tivDelivered,
    value_usd_m: d.valueUsdM,
    value_estimated: d.valueEstimated,
    source: d.source,
  };
}
