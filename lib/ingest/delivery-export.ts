import { knownDescription, parseCategory } from '../domain/categories';
import { normaliseCountry } from '../domain/countries';
import { dealTableOf } from '../store/deal-table-builder';
import type { Deal } from '../domain/types';
import { ESTIMATED, FactsBuilder } from '../store/facts';
import { squash } from './columns';
import type { MappedRecords } from './deal-register';
import type { RecordStream } from './records';
import { parseQuantity, parseYear, parseYesNo } from './values';

const SIPRI_SOURCE = 'SIPRI Arms Transfers Database';

/** The delivery-level export's columns, by squashed header name. */
const NAMES = {
  id: 'sipriatdatabaseid',
  supplier: 'supplier',
  recipient: 'recipient',
  designation: 'designation',
  description: 'description',
  category: 'armamentcategory',
  orderDate: 'orderdate',
  orderEstimate: 'orderdateisestimate',
  delivered: 'numbersdelivered',
  deliveredEstimate: 'numbersdeliveredisestimate',
  year: 'deliveryyear',
  yearEstimate: 'deliveryyearisestimate',
  status: 'status',
  tivUnit: 'tivdealunit',
  tivDelivery: 'tivdeliveryvalues',
  local: 'localproduction',
} as const;

export type DeliveryColumns = Record<keyof typeof NAMES, number>;

export const REQUIRED_DELIVERY_COLUMNS: (keyof typeof NAMES)[] = ['supplier', 'recipient', 'year'];

export function mapDeliveryColumns(header: string[]): DeliveryColumns {
  const squashed = header.map(squash);
  const out = {} as DeliveryColumns;
  for (const [key, name] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) out[key] = squashed.indexOf(name);
  return out;
}

// Skip reasons that do not quote the cell, one shared text each (a file of broken lines makes many).
const NO_SUPPLIER = 'no supplier: not a delivery';
const NO_RECIPIENT = 'no recipient: not a delivery';
const NO_YEAR = 'delivery year: missing: not a delivery';

/**
 * Delivery-level rows (one per deal and delivery year) → deliveries, exact per year, and deals
 * grouped by SIPRI's deal id so that the drill-down can list each deal once.
 */
export function mapDeliveryRecords(records: RecordStream, c: DeliveryColumns): MappedRecords {
  // Deals grow as their rows come (a year, units and TIV each): objects here, columns at the end.
  const deals: Deal[] = [];
  const out: Omit<MappedRecords, 'deals'> = { deliveries: new FactsBuilder(), entries: [], unknownNames: [], produced: 0, undelivered: 0 };
  const dealIndex = new Map<string, number>();
  const names = new Map<string, string>();
  const country = (raw: string, line: number): string => {
    let name = names.get(raw);
    if (name === undefined) {
      const n = normaliseCountry(raw);
      name = n.name;
      names.set(raw, name);
      if (!n.known && name !== '') out.unknownNames.push({ name, line });
    }
    return name;
  };
  for (let row = records.next(); row !== null; row = records.next()) {
    const line = row.line;
    const supplier = country(row.cell(c.supplier), line);
    const recipient = country(row.cell(c.recipient), line);
    const year = parseYear(row.cell(c.year));
    if (supplier === '' || recipient === '' || year.value === null) {
      const reason =
        supplier === ''
          ? NO_SUPPLIER
          : recipient === ''
            ? NO_RECIPIENT
            : year.problem === null
              ? NO_YEAR
              : `delivery year: ${year.problem}: not a delivery`;
      out.entries.push({ line, severity: 'skipped', reason });
      continue;
    }
    const problem = (label: string, p: string | null) => p && out.entries.push({ line, severity: 'warning', reason: `${label}: ${p}` });
    const units = parseQuantity(row.cell(c.delivered));
    problem('numbers delivered', units.problem);
    const tiv = parseQuantity(row.cell(c.tivDelivery));
    problem('TIV delivery values', tiv.problem);
    const { text: description, category: derived } = knownDescription(row.cell(c.description));
    const category = parseCategory(row.cell(c.category)) ?? derived;
    const estimated = parseYesNo(row.cell(c.deliveredEstimate)) || parseYesNo(row.cell(c.yearEstimate)) || units.estimated || tiv.estimated;
    let id = row.cell(c.id) || `L${line}`;
    let index = dealIndex.get(id);
    if (index !== undefined) {
      // A delivery counts under its deal's supplier, recipient and category: rows that name others
      // under the same deal id (a damaged or hand-edited file) make a deal of their own, said once.
      const deal = deals[index];
      if (deal.supplier !== supplier || deal.recipient !== recipient || deal.category !== category) {
        const variant = `${id}\u0001${supplier}\u0001${recipient}\u0001${category}`;
        index = dealIndex.get(variant);
        if (index === undefined) {
          out.entries.push({
            line,
            severity: 'warning',
            reason: `deal ${id} is ${deal.supplier} → ${deal.recipient} (${deal.category}) on line ${deal.line}, this row names ${supplier} → ${recipient} (${category}): kept as a deal of its own`,
          });
          dealIndex.set(variant, deals.length);
          id = `${id}-L${line}`;
        }
      }
    }
    if (index === undefined) {
      const orderYear = parseYear(row.cell(c.orderDate));
      problem('order date', orderYear.problem);
      index = deals.length;
      dealIndex.set(id, index);
      deals.push(
        newDeal(
          id,
          line,
          supplier,
          recipient,
          orderYear.value,
          parseYesNo(row.cell(c.orderEstimate)),
          row.cell(c.designation),
          description,
          category,
          row.cell(c.status),
          row.cell(c.local),
          parseQuantity(row.cell(c.tivUnit)).value,
        ),
      );
    }
    const deal = deals[index];
    addToDeal(deal, year.value, units.value, tiv.value, estimated);
    out.deliveries.push(index, year.value, units.value, tiv.value, null, estimated ? ESTIMATED : 0);
    out.produced++;
  }
  return { ...out, deals: dealTableOf(deals) };
}

function newDeal(
  key: string,
  line: number,
  supplier: string,
  recipient: string,
  orderYear: number | null,
  orderYearEstimated: boolean,
  designation: string,
  description: string,
  category: Deal['category'],
  status: string,
  local: string,
  tivPerUnit: number | null,
): Deal {
  return {
    key,
    line,
    supplier,
    recipient,
    origin: null,
    orderYear,
    orderYearEstimated,
    designation,
    description,
    category,
    ordered: null,
    orderedEstimated: false,
    delivered: null,
    deliveredEstimated: false,
    deliveryYears: [],
    deliveryYearsEstimated: false,
    status,
    comments: parseYesNo(local) ? 'Local production' : '',
    tivPerUnit,
    tivOrder: null,
    tivDelivered: null,
    valueUsdM: null,
    valueEstimated: false,
    source: SIPRI_SOURCE,
  };
}

function addToDeal(deal: Deal, year: number, units: number | null, tiv: number | null, estimated: boolean): void {
  if (!deal.deliveryYears.includes(year)) {
    deal.deliveryYears.push(year);
    deal.deliveryYears.sort((a, b) => a - b);
  }
  if (units !== null) deal.delivered = (deal.delivered ?? 0) + units;
  if (tiv !== null) deal.tivDelivered = (deal.tivDelivered ?? 0) + tiv;
  if (estimated) deal.deliveredEstimated = true;
}
