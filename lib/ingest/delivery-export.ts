import { categoryFromDescription, parseCategory } from '../categories';
import { normaliseCountry } from '../countries';
import type { Deal, Delivery } from '../domain';
import { squash } from './columns';
import type { MappedRecords } from './deal-register';
import type { RawRecord } from './records';
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

/**
 * Delivery-level rows (one per deal and delivery year) → deliveries, exact per year, and deals
 * grouped by SIPRI's deal id so that the drill-down can list each deal once.
 */
export function mapDeliveryRecords(records: Iterable<RawRecord>, c: DeliveryColumns): MappedRecords {
  const out: MappedRecords = { deals: [], deliveries: [], entries: [], unknownNames: [], produced: 0, undelivered: 0 };
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
  const at = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  for (const { cells, line } of records) {
    const supplier = country(at(cells, c.supplier), line);
    const recipient = country(at(cells, c.recipient), line);
    const year = parseYear(at(cells, c.year));
    if (supplier === '' || recipient === '' || year.value === null) {
      const why = supplier === '' ? 'no supplier' : recipient === '' ? 'no recipient' : `delivery year: ${year.problem ?? 'missing'}`;
      out.entries.push({ line, severity: 'skipped', reason: `${why}: not a delivery` });
      continue;
    }
    const problem = (label: string, p: string | null) => p && out.entries.push({ line, severity: 'warning', reason: `${label}: ${p}` });
    const units = parseQuantity(at(cells, c.delivered));
    problem('numbers delivered', units.problem);
    const tiv = parseQuantity(at(cells, c.tivDelivery));
    problem('TIV delivery values', tiv.problem);
    const description = at(cells, c.description);
    const category = parseCategory(at(cells, c.category)) ?? categoryFromDescription(description);
    const estimated =
      parseYesNo(at(cells, c.deliveredEstimate)) || parseYesNo(at(cells, c.yearEstimate)) || units.estimated || tiv.estimated;
    const id = at(cells, c.id) || `L${line}`;
    let index = dealIndex.get(id);
    if (index === undefined) {
      const orderYear = parseYear(at(cells, c.orderDate));
      problem('order date', orderYear.problem);
      index = out.deals.length;
      dealIndex.set(id, index);
      out.deals.push(
        newDeal(
          id,
          line,
          supplier,
          recipient,
          orderYear.value,
          parseYesNo(at(cells, c.orderEstimate)),
          at(cells, c.designation),
          description,
          category,
          at(cells, c.status),
          at(cells, c.local),
          parseQuantity(at(cells, c.tivUnit)).value,
        ),
      );
    }
    const deal = out.deals[index];
    addToDeal(deal, year.value, units.value, tiv.value, estimated);
    const delivery: Delivery = {
      deal: index,
      year: year.value,
      supplier,
      recipient,
      origin: null,
      category,
      designation: deal.designation,
      orderYear: deal.orderYear,
      units: units.value,
      tiv: tiv.value,
      value: null,
      estimated,
      spread: false,
    };
    out.deliveries.push(delivery);
    out.produced++;
  }
  return out;
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
