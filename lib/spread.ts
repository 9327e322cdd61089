import type { Deal, Delivery } from './domain';

/**
 * Deal-level registers give one delivered total per deal and a list of delivery years, not a
 * figure per year. Our rule: the delivered units, TIV and reported value are divided evenly over the
 * listed years, and every value so divided is flagged `spread` so that charts can mark it. A deal
 * delivered in one year is exact. A deal with no delivery year yields no delivery.
 */
export function deliveriesOfDeal(deal: Deal, index: number, into: Delivery[] = []): Delivery[] {
  const years = deal.deliveryYears;
  const n = years.length;
  if (n === 0) return into;
  const units = deal.delivered === null ? null : deal.delivered / n;
  const tiv = deal.tivDelivered === null ? null : deal.tivDelivered / n;
  const value = deal.valueUsdM === null ? null : deal.valueUsdM / n;
  const estimated = deal.deliveredEstimated || deal.deliveryYearsEstimated || deal.valueEstimated;
  for (let i = 0; i < n; i++) {
    into.push({
      deal: index,
      year: years[i],
      supplier: deal.supplier,
      recipient: deal.recipient,
      origin: deal.origin,
      category: deal.category,
      designation: deal.designation,
      orderYear: deal.orderYear,
      units,
      tiv,
      value,
      estimated,
      spread: n > 1,
    });
  }
  return into;
}
