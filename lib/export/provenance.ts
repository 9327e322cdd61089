import type { DatasetInfo } from '../store/dataset';
import type { Measure } from '../domain/terms';

/** What each measure means, and what a reader must know before quoting it. */
export const MEASURE_DEFINITIONS: Record<Measure, { unit: string; definition: string; caveats: string[] }> = {
  tiv: {
    unit: 'SIPRI TIV, millions',
    definition:
      "SIPRI trend-indicator value: SIPRI's measure of the volume of transfers of major arms, based on unit production costs of a core set of weapons.",
    caveats: [
      'TIV is a volume indicator, not a price or a sale value; it cannot be compared with money figures.',
      'In SIPRI tables "0" means a volume under 0.5 million TIV; an empty cell means no deliveries.',
      'From deal-level registers, per-year values are the deal total divided evenly over its delivery years (flagged "spread").',
    ],
  },
  units: {
    unit: 'units delivered',
    definition: 'Number of weapons delivered, as counted by the source.',
    caveats: [
      'Units of different weapons (a tank, a missile) are not comparable: read them per category or designation.',
      'Rows without a number are counted as missing, never as zero.',
    ],
  },
  deals: {
    unit: 'deals',
    definition: 'Number of distinct deals (register rows) with a delivery (or an order, with the order-year basis) in the group.',
    caveats: [],
  },
  value: {
    unit: 'USD million, current',
    definition: 'A money value reported by the source for a deal (not SIPRI TIV).',
    caveats: ['Reported values are often approximate and may cover more than the weapons listed; see each row’s comment.'],
  },
};

/** The citation a user should give for data drawn from these datasets. */
export function citationOf(datasets: DatasetInfo[]): string {
  return datasets.map((d) => `${d.name}: ${d.citation}`).join(' | ');
}

export function provenance(datasets: DatasetInfo[], measure: Measure | null) {
  return {
    datasets: datasets.map((d) => ({
      id: d.id,
      name: d.name,
      format: d.format,
      generated: d.generated,
      citation: d.citation,
      version: d.version,
    })),
    measure: measure ? { id: measure, ...MEASURE_DEFINITIONS[measure] } : null,
    citation: citationOf(datasets),
  };
}
