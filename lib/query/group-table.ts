import { ESTIMATED, SPREAD } from '../store/facts';
import type { Dimension } from '../domain/terms';

export type AggregateRow = {
  keys: Partial<Record<Dimension, string | number>>;
  /** Sum of the measure; null when no fact in the group has a number (never a silent 0). */
  value: number | null;
  /** Distinct deals behind the row. */
  deals: number;
  /** Facts in the group whose measure is unknown (e.g. qualitative rows for units). */
  missing: number;
  /** Some of the value comes from data the source marks uncertain. */
  estimated: boolean;
  /** Some of the value was spread over delivery years by our rule. */
  spread: boolean;
  /** Units of different categories were added together. */
  mixedCategories: boolean;
  /** Fraction (0–1) of the value that comes from facts the source marks as estimates (deals: of the deals); null when the value is unknown. */
  estimatedShare: number | null;
  /** Fraction (0–1) of the value divided over delivery years by our rule; null when the value is unknown. */
  spreadShare: number | null;
  /** Fraction of the value spread and not also an estimate (what a chart dots beside the hatched part); null when unknown. */
  spreadFirmShare: number | null;
};

/**
 * Groups column by column (see aggregateTable): group g's value on dimension by[k] is keys[k][g];
 * its sum is value[g] (NaN where no fact has a number: never a silent 0); flags are ESTIMATED,
 * SPREAD and MIXED (units of several categories added together).
 */
export type GroupTable = {
  by: Dimension[];
  length: number;
  keys: (string | number)[][];
  value: Float64Array;
  deals: Int32Array;
  missing: Int32Array;
  flags: Uint8Array;
} & UncertainParts;

/**
 * How much of each group's value rests on uncertain facts, in the value's own unit: `estimated`
 * comes from facts the source marks as estimates (for the deals measure: the deals with any such
 * fact), `spread` was divided over delivery years by our rule where the grouping or the year range
 * cuts the deal, `spreadFirm` is the part of `spread` not also estimated. The firm part is
 * value − estimated − spreadFirm. Zero where nothing is uncertain; never NaN.
 */
export type UncertainParts = { estimated: Float64Array; spread: Float64Array; spreadFirm: Float64Array };

/** A part of a value as a fraction of it: null when the value is unknown, 0 for a zero value. */
export function shareOf(part: number, value: number | null): number | null {
  if (value === null || Number.isNaN(value)) return null;
  if (!(value > 0)) return 0;
  return Math.min(1, Math.max(0, part / value));
}

/** A group's flag beside ESTIMATED and SPREAD: units of several categories were added together. */
export const MIXED = 4;

/** A table's group g as a row. */
export function rowAt(table: GroupTable, g: number): AggregateRow {
  const keys: AggregateRow['keys'] = {};
  for (let k = 0; k < table.by.length; k++) keys[table.by[k]] = table.keys[k][g];
  const value = table.value[g];
  return {
    keys,
    value: Number.isNaN(value) ? null : value,
    deals: table.deals[g],
    missing: table.missing[g],
    estimated: (table.flags[g] & ESTIMATED) !== 0,
    spread: (table.flags[g] & SPREAD) !== 0,
    mixedCategories: (table.flags[g] & MIXED) !== 0,
    estimatedShare: shareOf(table.estimated[g], value),
    spreadShare: shareOf(table.spread[g], value),
    spreadFirmShare: shareOf(table.spreadFirm[g], value),
  };
}

/** Tables of several registers merged by their keys; a deal belongs to one register, so counts add up. */
export function mergeTables(parts: GroupTable[], by: Dimension[]): GroupTable {
  if (parts.length === 1) return parts[0];
  const index = new Map<string, number>();
  const keys: (string | number)[][] = by.map(() => []);
  const value: number[] = [];
  const deals: number[] = [];
  const missing: number[] = [];
  const flags: number[] = [];
  const estimated: number[] = [];
  const spread: number[] = [];
  const spreadFirm: number[] = [];
  for (const t of parts) {
    for (let g = 0; g < t.length; g++) {
      const key = t.keys.map((k) => k[g]).join('\u0001');
      let m = index.get(key);
      if (m === undefined) {
        index.set(key, (m = value.length));
        for (let k = 0; k < by.length; k++) keys[k].push(t.keys[k][g]);
        value.push(t.value[g]);
        deals.push(t.deals[g]);
        missing.push(t.missing[g]);
        flags.push(t.flags[g]);
        estimated.push(t.estimated[g]);
        spread.push(t.spread[g]);
        spreadFirm.push(t.spreadFirm[g]);
        continue;
      }
      deals[m] += t.deals[g];
      missing[m] += t.missing[g];
      if (!Number.isNaN(t.value[g])) value[m] = (Number.isNaN(value[m]) ? 0 : value[m]) + t.value[g];
      flags[m] |= t.flags[g];
      estimated[m] += t.estimated[g];
      spread[m] += t.spread[g];
      spreadFirm[m] += t.spreadFirm[g];
    }
  }
  return {
    by,
    length: value.length,
    keys,
    value: Float64Array.from(value),
    deals: Int32Array.from(deals),
    missing: Int32Array.from(missing),
    flags: Uint8Array.from(flags),
    estimated: Float64Array.from(estimated),
    spread: Float64Array.from(spread),
    spreadFirm: Float64Array.from(spreadFirm),
  };
}

/**
 * A table's groups, largest value first (groups without a value last; ties keep their order). The
 * values are sorted as numbers by the engine and the groups found again by value: a sort calling back
 * into a comparison was ~2 ms of every view of the whole register.
 */
export function byValue(table: Pick<GroupTable, 'length' | 'value'>): number[] {
  const n = table.length;
  const keys = new Float64Array(n);
  const groupsOf = new Map<number, number[]>();
  for (let g = 0; g < n; g++) {
    const v = Number.isNaN(table.value[g]) ? -1 : table.value[g];
    keys[g] = -v;
    const same = groupsOf.get(v);
    if (same) same.push(g);
    else groupsOf.set(v, [g]);
  }
  keys.sort();
  const order = new Array<number>(n);
  let i = 0;
  for (let k = 0; k < n;) {
    const same = groupsOf.get(-keys[k])!;
    for (const g of same) order[i++] = g;
    k += same.length;
  }
  return order;
}
