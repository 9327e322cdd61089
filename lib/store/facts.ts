import type { DealTable } from './deal-table';
import type { Delivery } from '../domain/types';
import { doubled, fitted } from './typed-arrays';

/** Flag bits of a fact. */
export const ESTIMATED = 1;
export const SPREAD = 2;

/**
 * What aggregation counts, held column by column: one fact per deal and delivery year (or per deal
 * and order year). A fact's supplier, recipient, origin, category and designation are its deal's, so
 * they are not copied here. Typed arrays instead of 60,000 objects: the ingest allocates six arrays
 * instead of an object per delivery, and the garbage collector has nothing inside them to walk.
 * Unknown numbers are NaN (the source gives none), never 0.
 */
export type Facts = {
  readonly length: number;
  /** Index of the fact's deal in its register's `deals`. */
  readonly deal: Int32Array;
  readonly year: Int32Array;
  /** Units delivered (or ordered); NaN when unknown. */
  readonly units: Float64Array;
  /** SIPRI TIV, millions; NaN when unknown. */
  readonly tiv: Float64Array;
  /** Reported value, USD million; NaN when none. */
  readonly value: Float64Array;
  /** ESTIMATED | SPREAD. */
  readonly flags: Uint8Array;
};

/** Facts appended one at a time, in arrays that double as they fill. */
export class FactsBuilder {
  private n = 0;
  private deal: Int32Array;
  private year: Int32Array;
  private units: Float64Array;
  private tiv: Float64Array;
  private value: Float64Array;
  private flags: Uint8Array;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.deal = new Int32Array(c);
    this.year = new Int32Array(c);
    this.units = new Float64Array(c);
    this.tiv = new Float64Array(c);
    this.value = new Float64Array(c);
    this.flags = new Uint8Array(c);
  }

  get length(): number {
    return this.n;
  }

  private grow(): void {
    this.deal = doubled(this.deal);
    this.year = doubled(this.year);
    this.units = doubled(this.units);
    this.tiv = doubled(this.tiv);
    this.value = doubled(this.value);
    this.flags = doubled(this.flags);
  }

  /** Append a fact; null numbers are stored as NaN. */
  push(deal: number, year: number, units: number | null, tiv: number | null, value: number | null, flags: number): void {
    if (this.n === this.deal.length) this.grow();
    const i = this.n++;
    this.deal[i] = deal;
    this.year[i] = year;
    this.units[i] = units ?? NaN;
    this.tiv[i] = tiv ?? NaN;
    this.value[i] = value ?? NaN;
    this.flags[i] = flags;
  }

  /**
   * The facts so far, in arrays of their exact length: views of the builder's when nearly full, so
   * build once, then let the builder go.
   */
  build(): Facts {
    const n = this.n;
    return {
      length: n,
      deal: fitted(this.deal, n),
      year: fitted(this.year, n),
      units: fitted(this.units, n),
      tiv: fitted(this.tiv, n),
      value: fitted(this.value, n),
      flags: fitted(this.flags, n),
    };
  }
}

export const NO_FACTS: Facts = new FactsBuilder(0).build();

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Fact i as a plain object with its deal's fields: for tests, exports and anything read a row at a time. */
export function factAt(facts: Facts, deals: DealTable, i: number): Delivery {
  const d = facts.deal[i];
  return {
    deal: d,
    year: facts.year[i],
    supplier: deals.text(d, 'supplier'),
    recipient: deals.text(d, 'recipient'),
    origin: deals.origin(d),
    category: deals.category(d),
    designation: deals.text(d, 'designation'),
    orderYear: deals.orderYear(d),
    units: orNull(facts.units[i]),
    tiv: orNull(facts.tiv[i]),
    value: orNull(facts.value[i]),
    estimated: (facts.flags[i] & ESTIMATED) !== 0,
    spread: (facts.flags[i] & SPREAD) !== 0,
  };
}

/** Every fact as a plain object (see factAt). */
export function factList(facts: Facts, deals: DealTable): Delivery[] {
  return Array.from({ length: facts.length }, (_, i) => factAt(facts, deals, i));
}
