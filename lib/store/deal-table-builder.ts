import { DealTable } from './deal-table';
import { categoryCode, ESTIMATE_BITS, NO_YEAR, NONE, OTHER_CODE, type Columns, type TextSpan } from './deal-columns';
import type { Deal } from '../domain/types';
import { doubled, fitted } from './typed-arrays';

/**
 * Delivery years per deal that the year columns (and the facts made of them) are sized for, once:
 * SIPRI's register averages 2.03 (60,066 for 29,515 deals), so at 2 both grew by doubling near the
 * end of the file, a copy of each column.
 */
export const YEARS_PER_DEAL = 2.5;

/** Interns texts: each distinct one gets a number, the first time it is met. */
class Dictionary {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  code(s: string): number {
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.index.set(s, c);
      this.values.push(s);
    }
    return c;
  }
}

/** A growable column: doubled when full. */
type Column = Int32Array | Float64Array | Uint8Array;

/** Deals appended one at a time, into columns that double as they fill. */
export class DealTableBuilder {
  private n = 0;
  private yearCount = 0;
  private readonly dictionary = new Dictionary();
  // One field per column, written in straight-line code: this runs once per record of every file.
  private line: Int32Array;
  private orderYear: Int32Array;
  private category: Uint8Array;
  private estimates: Uint8Array;
  private key: Int32Array;
  private origin: Int32Array;
  private supplier: Int32Array;
  private recipient: Int32Array;
  private designationStart: Int32Array;
  private designationEnd: Int32Array;
  private description: Int32Array;
  private status: Int32Array;
  private source: Int32Array;
  private ordered: Float64Array;
  private delivered: Float64Array;
  private tivPerUnit: Float64Array;
  private tivOrder: Float64Array;
  private tivDelivered: Float64Array;
  private valueUsdM: Float64Array;
  private yearsStart: Int32Array;
  private years: Int32Array;
  private commentStart: Int32Array;
  private commentEnd: Int32Array;
  // The last text met and its code, per text column: a register's rows come sorted, so runs of the
  // same supplier, recipient, status or source (and often weapon) skip the dictionary's hashing.
  private readonly lastText = ['', '', '', '', '', ''];
  private readonly lastCode = new Int32Array(6).fill(-1);

  /**
   * @param text the text comments are kept as bounds into (the decoded file); comments given from
   *   any other text, or without bounds, are kept as strings.
   */
  constructor(
    capacity = 1024,
    private readonly text = '',
  ) {
    const n = Math.max(16, capacity);
    this.line = new Int32Array(n);
    this.orderYear = new Int32Array(n);
    this.category = new Uint8Array(n);
    this.estimates = new Uint8Array(n);
    this.key = new Int32Array(n);
    this.origin = new Int32Array(n);
    this.supplier = new Int32Array(n);
    this.recipient = new Int32Array(n);
    this.designationStart = new Int32Array(n);
    this.designationEnd = new Int32Array(n);
    this.description = new Int32Array(n);
    this.status = new Int32Array(n);
    this.source = new Int32Array(n);
    this.ordered = new Float64Array(n);
    this.delivered = new Float64Array(n);
    this.tivPerUnit = new Float64Array(n);
    this.tivOrder = new Float64Array(n);
    this.tivDelivered = new Float64Array(n);
    this.valueUsdM = new Float64Array(n);
    this.yearsStart = new Int32Array(n + 1);
    this.years = new Int32Array(Math.ceil(n * YEARS_PER_DEAL));
    this.commentStart = new Int32Array(n);
    this.commentEnd = new Int32Array(n);
  }

  get length(): number {
    return this.n;
  }

  private grow(): void {
    this.line = doubled(this.line);
    this.orderYear = doubled(this.orderYear);
    this.category = doubled(this.category);
    this.estimates = doubled(this.estimates);
    this.key = doubled(this.key);
    this.origin = doubled(this.origin);
    this.supplier = doubled(this.supplier);
    this.recipient = doubled(this.recipient);
    this.designationStart = doubled(this.designationStart);
    this.designationEnd = doubled(this.designationEnd);
    this.description = doubled(this.description);
    this.status = doubled(this.status);
    this.source = doubled(this.source);
    this.ordered = doubled(this.ordered);
    this.delivered = doubled(this.delivered);
    this.tivPerUnit = doubled(this.tivPerUnit);
    this.tivOrder = doubled(this.tivOrder);
    this.tivDelivered = doubled(this.tivDelivered);
    this.valueUsdM = doubled(this.valueUsdM);
    this.yearsStart = doubled(this.yearsStart);
    this.commentStart = doubled(this.commentStart);
    this.commentEnd = doubled(this.commentEnd);
  }

  /** The dictionary code of `s`, the text of column `slot` (see lastText). */
  private codeIn(slot: number, s: string): number {
    if (s === this.lastText[slot] && this.lastCode[slot] >= 0) return this.lastCode[slot];
    this.lastText[slot] = s;
    return (this.lastCode[slot] = this.dictionary.code(s));
  }

  /**
   * Append a deal. Given where its designation and comments lie in the text its record was read
   * from, the table keeps those bounds instead of the strings.
   */
  push(deal: Deal, designation?: TextSpan, comments?: TextSpan): void {
    if (this.n + 1 >= this.line.length) this.grow();
    const dictionary = this.dictionary;
    const i = this.n++;
    this.line[i] = deal.line;
    this.orderYear[i] = deal.orderYear ?? NO_YEAR;
    this.category[i] = categoryCode.get(deal.category) ?? OTHER_CODE;
    this.estimates[i] =
      (deal.orderYearEstimated ? ESTIMATE_BITS.orderYearEstimated : 0) |
      (deal.orderedEstimated ? ESTIMATE_BITS.orderedEstimated : 0) |
      (deal.deliveredEstimated ? ESTIMATE_BITS.deliveredEstimated : 0) |
      (deal.deliveryYearsEstimated ? ESTIMATE_BITS.deliveryYearsEstimated : 0) |
      (deal.valueEstimated ? ESTIMATE_BITS.valueEstimated : 0);
    this.key[i] = isLineKey(deal.key, deal.line) ? NONE : dictionary.code(deal.key);
    this.origin[i] = deal.origin === null ? NONE : dictionary.code(deal.origin);
    this.supplier[i] = this.codeIn(0, deal.supplier);
    this.recipient[i] = this.codeIn(1, deal.recipient);
    this.keepSpanned(i, this.designationStart, this.designationEnd, deal.designation, designation);
    this.description[i] = this.codeIn(3, deal.description);
    this.status[i] = this.codeIn(4, deal.status);
    this.source[i] = this.codeIn(5, deal.source);
    this.ordered[i] = deal.ordered ?? NaN;
    this.delivered[i] = deal.delivered ?? NaN;
    this.tivPerUnit[i] = deal.tivPerUnit ?? NaN;
    this.tivOrder[i] = deal.tivOrder ?? NaN;
    this.tivDelivered[i] = deal.tivDelivered ?? NaN;
    this.valueUsdM[i] = deal.valueUsdM ?? NaN;
    const years = deal.deliveryYears;
    while (this.yearCount + years.length > this.years.length) this.years = doubled(this.years);
    this.yearsStart[i] = this.yearCount;
    for (let k = 0; k < years.length; k++) this.years[this.yearCount++] = years[k];
    this.yearsStart[i + 1] = this.yearCount;
    this.keepSpanned(i, this.commentStart, this.commentEnd, deal.comments, comments);
  }

  /** Keep a text as its bounds in the decoded file when it was read from there, else as a dictionary code. */
  private keepSpanned(i: number, starts: Int32Array, ends: Int32Array, value: string, span: TextSpan | undefined): void {
    // (Strings compare by reference first: the file's own text is found at once, another text by its length.)
    if (span !== undefined && span.text === this.text && this.text !== '') {
      starts[i] = span.start;
      ends[i] = span.end;
    } else {
      starts[i] = NONE;
      ends[i] = this.dictionary.code(value);
    }
  }

  /**
   * The deals so far, in columns of their exact length: views of the builder's when nearly full, so
   * build once, then let the builder go.
   */
  build(): DealTable {
    const n = this.n;
    const cut = <T extends Column>(a: T, length = n): T => fitted(a, length);
    const columns: Columns = {
      line: cut(this.line),
      orderYear: cut(this.orderYear),
      category: cut(this.category),
      estimates: cut(this.estimates),
      key: cut(this.key),
      origin: cut(this.origin),
      texts: {
        supplier: cut(this.supplier),
        recipient: cut(this.recipient),
        description: cut(this.description),
        status: cut(this.status),
        source: cut(this.source),
      },
      numbers: {
        ordered: cut(this.ordered),
        delivered: cut(this.delivered),
        tivPerUnit: cut(this.tivPerUnit),
        tivOrder: cut(this.tivOrder),
        tivDelivered: cut(this.tivDelivered),
        valueUsdM: cut(this.valueUsdM),
      },
      yearsStart: cut(this.yearsStart, n + 1),
      years: cut(this.years, this.yearCount),
      designationStart: cut(this.designationStart),
      designationEnd: cut(this.designationEnd),
      commentStart: cut(this.commentStart),
      commentEnd: cut(this.commentEnd),
    };
    return new DealTable(n, columns, this.dictionary.values, this.text);
  }
}

/** Whether a key is `L<line>` (read without making that string: this runs once per record). */
function isLineKey(key: string, line: number): boolean {
  if (key.length < 2 || key.charCodeAt(0) !== 76 /* L */) return false;
  let n = 0;
  for (let k = 1; k < key.length; k++) {
    const d = key.charCodeAt(k) - 48;
    if (d < 0 || d > 9 || (k === 1 && d === 0)) return false;
    n = n * 10 + d;
  }
  return n === line;
}

/** A register of these deals, in this order (tests, and formats read a row per delivery). */
export function dealTableOf(deals: readonly Deal[]): DealTable {
  const b = new DealTableBuilder(deals.length);
  for (const d of deals) b.push(d);
  return b.build();
}

/** A register with no deals. */
export const NO_DEALS: DealTable = new DealTableBuilder(0).build();
