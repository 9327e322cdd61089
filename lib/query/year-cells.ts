import { aggregateFacts, aggregateTable, type FirstSeen } from './aggregate';
import { SPREAD } from '../store/facts';
import { combosOf, encode, factsOf, type FactSource } from './fact-index';
import type { GroupTable } from './group-table';
import { perRegister } from './per-register';
import type { AggregateQuery, Dimension } from '../domain/terms';

/**
 * A view's groups over a year range, from the register's (combination, year) cells: the groups by
 * the view's dimensions and the year, over all years, computed once per register and filters but the
 * years. Moving the year range (the most frequent change: a new first or last year) then re-reads
 * the ~39,000 cells of the whole register's Sankey, or picks the ~2,700 of its bars, instead of
 * selecting and grouping its ~60,000 facts again.
 */

type NonYear = Exclude<Dimension, 'year'>;

/** Cells: a table by [...dims, 'year'], with each cell's combination of dims, year and dims' codes. */
type YearCells = {
  cells: FirstSeen;
  combo: Int32Array;
  comboCount: number;
  year: Int32Array;
  /** Per dimension: each cell's code in `names` (the register's dictionary of that dimension). */
  codes: Int32Array[];
  names: (string | number)[][];
};

/** Kept per register and filters but the years: eight, the Sankey's and the bars' of four views (~2.2 MB for the whole register's Sankey). */
const kept = perRegister<YearCells>(8);

function yearCells(source: FactSource, query: AggregateQuery, dims: NonYear[]): YearCells {
  const facts = factsOf(source, query.basis);
  const allYears = { ...query.filters, from: undefined, to: undefined };
  return kept(facts, JSON.stringify([dims, query.measure, allYears]), () => {
    const cells = aggregateFacts(facts, source.deals, { ...query, by: [...dims, 'year'], filters: allYears });
    const combos = combosOf(facts, source.deals, dims);
    const n = cells.length;
    const combo = new Int32Array(n);
    const year = new Int32Array(n);
    for (let c = 0; c < n; c++) {
      combo[c] = combos.codes[cells.first[c]];
      year[c] = facts.year[cells.first[c]];
    }
    const encoded = dims.map((d) => encode(facts, source.deals, d));
    const codes = encoded.map((e) => {
      const out = new Int32Array(n);
      for (let c = 0; c < n; c++) out[c] = e.codes[cells.first[c]];
      return out;
    });
    return { cells, combo, comboCount: combos.count, year, codes, names: encoded.map((e) => e.names) };
  });
}

/**
 * Groups by dimensions that include the year, over the query's year range: exactly what
 * aggregateTable gives (the same groups, sums, counts and flags, in the same order — a cell's facts
 * are a group's facts, and cells come in the order their first facts do).
 */
export function rangeGroups(sources: FactSource[], query: AggregateQuery): GroupTable {
  if (sources.length !== 1 || !query.by.includes('year')) return aggregateTable(sources, query);
  const dims = query.by.filter((d): d is NonYear => d !== 'year');
  const { cells, year } = yearCells(sources[0], query, dims);
  const from = query.filters.from ?? -Infinity;
  const to = query.filters.to ?? Infinity;
  const picked: number[] = [];
  for (let c = 0; c < cells.length; c++) if (year[c] >= from && year[c] <= to) picked.push(c);
  const column = (d: Dimension) => cells.keys[d === 'year' ? dims.length : dims.indexOf(d)];
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(picked.length);
    picked.forEach((c, i) => (out[i] = a[c]));
    return out;
  };
  return {
    by: query.by,
    length: picked.length,
    keys: query.by.map((d) => {
      const names = column(d);
      return picked.map((c) => names[c]);
    }),
    value: pick(cells.value),
    deals: pick(cells.deals),
    missing: pick(cells.missing),
    flags: pick(cells.flags),
    // Grouped by year, every spread value counts as spread: the cells' parts are the groups'.
    estimated: pick(cells.estimated),
    spread: pick(cells.spread),
    spreadFirm: pick(cells.spreadFirm),
  };
}

/**
 * Groups without their distinct-deal counts (a deal delivering in two years sits in two cells), and
 * with each dimension's codes when they come from cells: what the Sankey reads.
 */
export type SumTable = Omit<GroupTable, 'deals'> & { codes?: Int32Array[]; names?: (string | number)[][] };

/**
 * Groups by dimensions without the year, over the query's year range, summed from cells: the same
 * groups, counts and flags as aggregateTable, in the same order (a group's first cell in the range
 * holds its first fact); sums equal to the last bits of a double (added per year, then over years).
 * Counting deals, and units without grouping by category (whose "mixed" flag cells cannot tell),
 * are grouped from the facts.
 */
export function rangeSums(sources: FactSource[], query: AggregateQuery): SumTable {
  const { by, measure } = query;
  const cellsCannot = measure === 'deals' || (measure === 'units' && !by.includes('category'));
  if (sources.length !== 1 || by.includes('year') || cellsCannot) return aggregateTable(sources, query);
  const { cells, combo, comboCount, year, codes, names } = yearCells(sources[0], query, by as NonYear[]);
  const { spreadFirst, spreadLast, spreadValues } = cells;
  const from = query.filters.from ?? -Infinity;
  const to = query.filters.to ?? Infinity;
  const groupOf = new Int32Array(comboCount).fill(-1);
  const firstCell: number[] = [];
  const sum = new Float64Array(comboCount);
  const valued = new Uint8Array(comboCount);
  const missing = new Int32Array(comboCount);
  const flags = new Uint8Array(comboCount);
  const estimated = new Float64Array(comboCount);
  const spread = new Float64Array(comboCount);
  const spreadFirm = new Float64Array(comboCount);
  const { value: cellValue, missing: cellMissing, flags: cellFlags, estimated: cellEstimated } = cells;
  const { start, first: dealFirst, last: dealLast, value: spreadValue, firm } = spreadValues;
  for (let c = 0; c < cells.length; c++) {
    if (year[c] < from || year[c] > to) continue;
    let g = groupOf[combo[c]];
    if (g < 0) {
      g = groupOf[combo[c]] = firstCell.length;
      firstCell.push(c);
    }
    const v = cellValue[c];
    if (!Number.isNaN(v)) {
      sum[g] += v;
      valued[g] = 1;
    }
    missing[g] += cellMissing[c];
    // Spread only where the range cuts one of the deals the cell holds spread values of (see FirstSeen).
    const cut = spreadFirst[c] < from || spreadLast[c] > to;
    flags[g] |= cut ? cellFlags[c] : cellFlags[c] & ~SPREAD;
    estimated[g] += cellEstimated[c];
    // Of a cut cell's spread values, those of the deals the range cuts (not every deal there need be).
    if (cut)
      for (let e = start[c]; e < start[c + 1]; e++)
        if (dealFirst[e] < from || dealLast[e] > to) {
          spread[g] += spreadValue[e];
          if (firm[e]) spreadFirm[g] += spreadValue[e];
        }
  }
  const n = firstCell.length;
  const value = new Float64Array(n);
  for (let g = 0; g < n; g++) value[g] = valued[g] ? sum[g] : NaN;
  // Plain loops: a typed array's from() with a mapping function was ~1.5 ms here.
  const groupCodes = codes.map((column) => {
    const out = new Int32Array(n);
    for (let g = 0; g < n; g++) out[g] = column[firstCell[g]];
    return out;
  });
  let keys: (string | number)[][] | undefined;
  return {
    by,
    length: n,
    // Named when read (the Sankey reads the codes; its downloads and tests read the names).
    get keys() {
      return (keys ??= by.map((_, k) => firstCell.map((c) => cells.keys[k][c])));
    },
    value,
    missing: missing.slice(0, n),
    flags: flags.slice(0, n),
    estimated: estimated.slice(0, n),
    spread: spread.slice(0, n),
    spreadFirm: spreadFirm.slice(0, n),
    codes: groupCodes,
    names,
  };
}
