import type { Category } from './types';

/** Dimensions a selection can be grouped by. `year` is the delivery or order year, per the basis. */
export const DIMENSIONS = ['year', 'supplier', 'recipient', 'origin', 'category', 'designation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const MEASURES = ['tiv', 'units', 'deals', 'value'] as const;
/** tiv: SIPRI TIV (millions); units: weapons delivered; deals: number of deals; value: reported USD million. */
export type Measure = (typeof MEASURES)[number];

export const YEAR_BASES = ['delivery', 'order'] as const;
export type YearBasis = (typeof YEAR_BASES)[number];

export const UNCERTAIN_MODES = ['include', 'exclude', 'mark'] as const;
/** include and mark keep uncertain data (mark asks charts to hatch it); exclude drops it. */
export type UncertainMode = (typeof UNCERTAIN_MODES)[number];

export type Filters = {
  suppliers?: string[];
  recipients?: string[];
  origins?: string[];
  categories?: Category[];
  designations?: string[];
  from?: number;
  to?: number;
  uncertain?: UncertainMode;
};

export type AggregateQuery = {
  by: Dimension[];
  measure: Measure;
  basis: YearBasis;
  filters: Filters;
};

/** The key of the grouped rest of a top-N ("Other"): in series, colours, drill-downs and URLs. */
export const OTHER = '~other';
