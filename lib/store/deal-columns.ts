import { STORED_CATEGORIES, type Category } from '../domain/types';

/**
 * How a register's deals are laid out column by column: shared by the table that reads them
 * (`deal-table.ts`) and the builder that fills them (`deal-table-builder.ts`).
 */

/** Texts a deal has, each held as a number into the table's dictionary. */
export type TextField = 'supplier' | 'recipient' | 'designation' | 'description' | 'status' | 'source';
/** Texts held as dictionary codes (a designation is held as its bounds in the file). */
export type CodedField = Exclude<TextField, 'designation'>;
/** Numbers a deal may have; unknown is null (stored as NaN). */
export type NumberField = 'ordered' | 'delivered' | 'tivPerUnit' | 'tivOrder' | 'tivDelivered' | 'valueUsdM';
/** Which of a deal's numbers its source marks uncertain. */
export type EstimateField = 'orderYearEstimated' | 'orderedEstimated' | 'deliveredEstimated' | 'deliveryYearsEstimated' | 'valueEstimated';

export const NUMBER_FIELDS: readonly NumberField[] = ['ordered', 'delivered', 'tivPerUnit', 'tivOrder', 'tivDelivered', 'valueUsdM'];
export const ESTIMATE_BITS: Record<EstimateField, number> = {
  orderYearEstimated: 1,
  orderedEstimated: 2,
  deliveredEstimated: 4,
  deliveryYearsEstimated: 8,
  valueEstimated: 16,
};
export const ESTIMATE_FIELDS = Object.keys(ESTIMATE_BITS) as EstimateField[];

/** No order year (a year cannot be this). */
export const NO_YEAR = -(2 ** 31);
/** No code: a null origin, a key that is `L<line>`. */
export const NONE = -1;

/** Where a deal's comments lie in the text its record was read from (a span of a Row's text). */
export type TextSpan = { text: string; start: number; end: number };

export type Columns = {
  readonly line: Int32Array;
  readonly orderYear: Int32Array;
  readonly category: Uint8Array;
  readonly estimates: Uint8Array;
  /** A code into the dictionary; NONE when the key is `L<line>`. */
  readonly key: Int32Array;
  /** A code into the dictionary; NONE when the deal records no origin. */
  readonly origin: Int32Array;
  readonly texts: Record<CodedField, Int32Array>;
  readonly numbers: Record<NumberField, Float64Array>;
  /** Each deal's delivery years are years[yearsStart[i] .. yearsStart[i + 1]). */
  readonly yearsStart: Int32Array;
  readonly years: Int32Array;
  /**
   * Designations and comments at [start, end) of the decoded file; or, where start is NONE, end is a
   * dictionary code. These two are the texts that differ from one deal to the next (4,141
   * designations and ~25,000 comments in 29,515 deals): bounds cost no hashing and no string.
   */
  readonly designationStart: Int32Array;
  readonly designationEnd: Int32Array;
  readonly commentStart: Int32Array;
  readonly commentEnd: Int32Array;
};

export const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
export const categoryCode = new Map<Category, number>(STORED_CATEGORIES.map((c, i) => [c, i]));
export const OTHER_CODE = categoryCode.get('Other')!;
