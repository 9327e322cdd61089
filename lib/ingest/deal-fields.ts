import { knownDescription, parseCategory } from '../domain/categories';
import { normaliseCountry } from '../domain/countries';
import type { Category, Deal } from '../domain/types';
import type { ColumnMap, FieldName } from './columns';
import type { Row } from './row';
import { parseQuantity, parseYear, plainYearResult } from './values';

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

function isMarked(row: Row, marker: number): boolean {
  return marker >= 0 && row.is(marker, '?');
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

function country(row: Row, index: number, notes: RecordNotes): string {
  const raw = row.cell(index);
  if (raw === '') return '';
  const n = normaliseCountry(raw);
  if (!n.known) notes.unknownNames.push(n.name);
  return n.name;
}

/**
 * A quantity cell. Plain decimals (nearly every cell of a real export) are read in place, without a
 * string; anything else goes through the full parser. `estimated` reports a '?' or brackets in the cell.
 */
// SIPRI's statuses, read as these shared strings: one fewer string per deal for the collector to copy.
const STATUSES = ['New', 'Second hand', 'Second hand but modernized'];

function status(row: Row, index: number): string {
  for (const known of STATUSES) if (row.is(index, known)) return known;
  return row.cell(index);
}

function quantity(row: Row, index: number, notes: RecordNotes, label: string, estimated: { flag: boolean }): number | null {
  const plain = row.decimal(index);
  if (!Number.isNaN(plain)) return plain;
  const raw = row.cell(index);
  if (raw === '') return null;
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
export function dealReader(columns: ColumnMap, defaultSource: string): (row: Row, notes: RecordNotes) => Deal {
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
  return (row, notes) => {
    const line = row.line;
    orderedMark.flag = deliveredMark.flag = valueMark.flag = false;
    const estimates = c.estimates < 0 ? null : estimateFields(row.cell(c.estimates));
    const plainOrderYear = row.year(c.orderYear);
    const orderYear = Number.isNaN(plainOrderYear) ? parseYear(row.cell(c.orderYear)) : plainYearResult(plainOrderYear);
    if (orderYear.problem !== null) notes.problems.push(`order year: ${orderYear.problem}`);
    const ordered = quantity(row, c.ordered, notes, 'number ordered', orderedMark);
    const delivered = quantity(row, c.delivered, notes, 'number delivered', deliveredMark);
    const years = row.yearList(c.deliveryYears);
    for (const p of years.problems) notes.problems.push(`delivery years: ${p}`);
    const value = quantity(row, c.value, notes, 'value (USD million)', valueMark);
    const { text: description, category: derived } = knownDescription(row.cell(c.description));
    const givenCategory = row.cell(c.category);
    let category: Category | null = givenCategory === '' ? null : parseCategory(givenCategory);
    if (givenCategory !== '' && category === null)
      notes.problems.push(`category: "${givenCategory}" is not one of SIPRI's eleven; derived from the description`);
    category ??= derived;
    const origin = country(row, c.origin, notes);
    return {
      key: `L${line}`,
      line,
      supplier: country(row, c.supplier, notes),
      recipient: country(row, c.recipient, notes),
      origin: origin === '' ? null : origin,
      orderYear: orderYear.value,
      orderYearEstimated: orderYear.estimated || isMarked(row, m.orderYear) || !!estimates?.has('orderYear'),
      designation: row.cell(c.designation),
      description,
      category,
      ordered,
      orderedEstimated: orderedMark.flag || isMarked(row, m.ordered) || !!estimates?.has('ordered'),
      delivered,
      deliveredEstimated: deliveredMark.flag || isMarked(row, m.delivered) || !!estimates?.has('delivered'),
      deliveryYears: years.years,
      deliveryYearsEstimated: years.estimated || isMarked(row, m.deliveryYears) || !!estimates?.has('deliveryYears'),
      status: status(row, c.status),
      comments: row.cell(c.comments),
      tivPerUnit: quantity(row, c.tivPerUnit, notes, 'TIV per unit', ignored),
      tivOrder: quantity(row, c.tivOrder, notes, 'TIV for total order', ignored),
      tivDelivered: quantity(row, c.tivDelivered, notes, 'TIV of delivered weapons', ignored),
      valueUsdM: value,
      valueEstimated: valueMark.flag || !!estimates?.has('value'),
      source: row.cell(c.source) || defaultSource,
    };
  };
}
