import { categoryFromDescription, parseCategory } from '../categories';
import { normaliseCountry } from '../countries';
import type { Category, Deal } from '../domain';
import type { ColumnMap, FieldName } from './columns';
import { parseQuantity, parseYear, parseYearList, plainDecimal } from './values';

/** What reading one record found wrong; filled by the reader, one per record. */
export type RecordNotes = { problems: string[]; unknownNames: string[] };

type EstimateField = 'orderYear' | 'ordered' | 'delivered' | 'deliveryYears' | 'value';

const ESTIMATE_NAMES: Record<string, EstimateField> = {
  orderyear: 'orderYear',
  numberordered: 'ordered',
  ordered: 'ordered',
  numberdelivered: 'delivered',
  delivered: 'delivered',
  deliveryyears: 'deliveryYears',
  years: 'deliveryYears',
  value: 'value',
  valueusdm: 'value',
};

function cellAt(cells: string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

function isMarked(cells: string[], marker: number): boolean {
  return marker >= 0 && (cells[marker] ?? '').trim() === '?';
}

/** The project format's `estimates` cell: "number_delivered; delivery_years" → field names. */
function estimateFields(raw: string): Set<EstimateField> | null {
  if (raw === '') return null;
  const out = new Set<EstimateField>();
  for (const part of raw.split(/[;,]/)) {
    const field = ESTIMATE_NAMES[part.toLowerCase().replace(/[^a-z]/g, '')];
    if (field) out.add(field);
  }
  return out;
}

function country(cells: string[], index: number, notes: RecordNotes): string {
  const raw = cellAt(cells, index);
  if (raw === '') return '';
  const n = normaliseCountry(raw);
  if (!n.known) notes.unknownNames.push(n.name);
  return n.name;
}

/**
 * A quantity cell. Plain decimals (nearly every cell of a real export) are read without allocating;
 * anything else goes through the full parser. `estimated` reports a '?' or brackets in the cell.
 */
function quantity(cells: string[], index: number, notes: RecordNotes, label: string, estimated: { flag: boolean }): number | null {
  const raw = cellAt(cells, index);
  if (raw === '') return null;
  const plain = plainDecimal(raw);
  if (!Number.isNaN(plain)) return plain;
  const parsed = parseQuantity(raw);
  if (parsed.problem !== null) notes.problems.push(`${label}: ${parsed.problem}`);
  if (parsed.estimated) estimated.flag = true;
  return parsed.value;
}

/**
 * Compile a reader for deal-level records (SIPRI trade register or the project's own format):
 * column positions are resolved once, since this runs 30,000 times per file. Bad cells become notes
 * and null values; the record itself is kept.
 */
export function dealReader(columns: ColumnMap, defaultSource: string): (cells: string[], line: number, notes: RecordNotes) => Deal {
  const idx = (f: FieldName) => columns[f]?.index ?? -1;
  const mark = (f: FieldName) => columns[f]?.marker ?? -1;
  const c = {
    supplier: idx('supplier'),
    recipient: idx('recipient'),
    origin: idx('origin'),
    orderYear: idx('orderYear'),
    designation: idx('designation'),
    description: idx('description'),
    category: idx('category'),
    ordered: idx('ordered'),
    delivered: idx('delivered'),
    deliveryYears: idx('deliveryYears'),
    status: idx('status'),
    comments: idx('comments'),
    tivPerUnit: idx('tivPerUnit'),
    tivOrder: idx('tivOrder'),
    tivDelivered: idx('tivDelivered'),
    value: idx('value'),
    estimates: idx('estimates'),
    source: idx('source'),
  };
  const m = { orderYear: mark('orderYear'), ordered: mark('ordered'), delivered: mark('delivered'), deliveryYears: mark('deliveryYears') };
  const orderedMark = { flag: false };
  const deliveredMark = { flag: false };
  const valueMark = { flag: false };
  const ignored = { flag: false };
  // Registers repeat statuses, descriptions and designations thousands of times: keeping one string
  // of each (per file) means fewer live objects for the garbage collector to walk as the data grows.
  const shared = new Map<string, string>();
  const intern = (s: string): string => {
    if (s.length > 64) return s;
    const known = shared.get(s);
    if (known !== undefined) return known;
    shared.set(s, s);
    return s;
  };

  return (cells, line, notes) => {
    orderedMark.flag = deliveredMark.flag = valueMark.flag = false;
    const estimates = c.estimates < 0 ? null : estimateFields(cellAt(cells, c.estimates));
    const orderYear = parseYear(cellAt(cells, c.orderYear));
    if (orderYear.problem !== null) notes.problems.push(`order year: ${orderYear.problem}`);
    const ordered = quantity(cells, c.ordered, notes, 'number ordered', orderedMark);
    const delivered = quantity(cells, c.delivered, notes, 'number delivered', deliveredMark);
    const years = parseYearList(cellAt(cells, c.deliveryYears));
    for (const p of years.problems) notes.problems.push(`delivery years: ${p}`);
    const value = quantity(cells, c.value, notes, 'value (USD million)', valueMark);
    const description = intern(cellAt(cells, c.description));
    const givenCategory = cellAt(cells, c.category);
    let category: Category | null = givenCategory === '' ? null : parseCategory(givenCategory);
    if (givenCategory !== '' && category === null)
      notes.problems.push(`category: "${givenCategory}" is not one of SIPRI's eleven; derived from the description`);
    category ??= categoryFromDescription(description);
    const origin = country(cells, c.origin, notes);
    return {
      key: `L${line}`,
      line,
      supplier: country(cells, c.supplier, notes),
      recipient: country(cells, c.recipient, notes),
      origin: origin === '' ? null : origin,
      orderYear: orderYear.value,
      orderYearEstimated: orderYear.estimated || isMarked(cells, m.orderYear) || !!estimates?.has('orderYear'),
      designation: intern(cellAt(cells, c.designation)),
      description,
      category,
      ordered,
      orderedEstimated: orderedMark.flag || isMarked(cells, m.ordered) || !!estimates?.has('ordered'),
      delivered,
      deliveredEstimated: deliveredMark.flag || isMarked(cells, m.delivered) || !!estimates?.has('delivered'),
      deliveryYears: years.years,
      deliveryYearsEstimated: years.estimated || isMarked(cells, m.deliveryYears) || !!estimates?.has('deliveryYears'),
      status: intern(cellAt(cells, c.status)),
      comments: cellAt(cells, c.comments),
      tivPerUnit: quantity(cells, c.tivPerUnit, notes, 'TIV per unit', ignored),
      tivOrder: quantity(cells, c.tivOrder, notes, 'TIV for total order', ignored),
      tivDelivered: quantity(cells, c.tivDelivered, notes, 'TIV of delivered weapons', ignored),
      valueUsdM: value,
      valueEstimated: valueMark.flag || !!estimates?.has('value'),
      source: cellAt(cells, c.source) || defaultSource,
    };
  };
}
