import { STORED_CATEGORIES, type Category, type Deal } from '../domain/types';
import {
  ESTIMATE_BITS,
  ESTIMATE_FIELDS,
  NO_YEAR,
  NONE,
  NUMBER_FIELDS,
  orNull,
  type CodedField,
  type Columns,
  type EstimateField,
  type NumberField,
  type TextField,
} from './deal-columns';

export type { CodedField, EstimateField, NumberField, TextField, TextSpan } from './deal-columns';

/**
 * A register's deals, held column by column, with no heap object per deal: numbers in typed arrays,
 * names and other repeated texts as numbers into one dictionary, comments as bounds in the decoded
 * file they were read from. An array of 30,000 deal objects (about eight heap objects a deal: the
 * object, its strings, its year list) is what the garbage collector marked again and again while a
 * large file was read, and what made ingesting the register ten times over grow faster than the
 * file (see the README's Speed section). A deal becomes an object only when asked for (`at(i)`):
 * for drill-downs, exports and tests; aggregation reads the columns through the accessors.
 */
export class DealTable {
  constructor(
    readonly length: number,
    private readonly c: Columns,
    /** Distinct texts, in the order first met. */
    private readonly dictionary: readonly string[],
    /** The decoded file the comments' bounds point into. */
    private readonly decoded: string,
  ) {}

  line(i: number): number {
    return this.c.line[i];
  }

  orderYear(i: number): number | null {
    const y = this.c.orderYear[i];
    return y === NO_YEAR ? null : y;
  }

  category(i: number): Category {
    return STORED_CATEGORIES[this.c.category[i]];
  }

  text(i: number, field: TextField): string {
    if (field === 'designation') return this.spanned(this.c.designationStart[i], this.c.designationEnd[i]);
    return this.dictionary[this.c.texts[field][i]];
  }

  private spanned(start: number, end: number): string {
    return start === NONE ? this.dictionary[end] : this.decoded.slice(start, end);
  }

  /** The producing country when the supplier re-exports; null when the deal records none. */
  origin(i: number): string | null {
    const o = this.c.origin[i];
    return o === NONE ? null : this.dictionary[o];
  }

  number(i: number, field: NumberField): number | null {
    return orNull(this.c.numbers[field][i]);
  }

  estimated(i: number, field: EstimateField): boolean {
    return (this.c.estimates[i] & ESTIMATE_BITS[field]) !== 0;
  }

  /** Whether any deal has this number. */
  hasAny(field: NumberField): boolean {
    const column = this.c.numbers[field];
    for (let i = 0; i < this.length; i++) if (!Number.isNaN(column[i])) return true;
    return false;
  }

  /** The distinct values of a text over all deals, in the order first met. */
  distinct(field: CodedField): string[] {
    const codes = this.c.texts[field];
    const seen = new Uint8Array(this.dictionary.length);
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) {
      if (seen[codes[i]] === 0) {
        seen[codes[i]] = 1;
        out.push(this.dictionary[codes[i]]);
      }
    }
    return out;
  }

  /** Deal i as an object (a new one on each call). */
  at(i: number): Deal {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) throw new RangeError(`no deal ${i} in a register of ${this.length}`);
    const { c, dictionary } = this;
    const key = c.key[i];
    const deal = {
      key: key === NONE ? `L${c.line[i]}` : dictionary[key],
      line: c.line[i],
      supplier: this.text(i, 'supplier'),
      recipient: this.text(i, 'recipient'),
      origin: this.origin(i),
      orderYear: this.orderYear(i),
      designation: this.text(i, 'designation'),
      description: this.text(i, 'description'),
      category: this.category(i),
      deliveryYears: Array.from(c.years.subarray(c.yearsStart[i], c.yearsStart[i + 1])),
      status: this.text(i, 'status'),
      comments: this.spanned(c.commentStart[i], c.commentEnd[i]),
      source: this.text(i, 'source'),
    } as Deal;
    for (const f of NUMBER_FIELDS) deal[f] = this.number(i, f);
    for (const f of ESTIMATE_FIELDS) deal[f] = this.estimated(i, f);
    return deal;
  }

  /** Every deal as an object: for tests and anything read a row at a time. */
  *[Symbol.iterator](): IterableIterator<Deal> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}
