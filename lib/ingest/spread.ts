import type { Deal } from '../domain/types';
import { ESTIMATED, SPREAD, type FactsBuilder } from '../store/facts';

/**
 * Deal-level registers give one delivered total per deal and a list of delivery years, not a
 * figure per year. Our rule: the delivered units, TIV and reported value are divided evenly over the
 * listed years, and every value so divided is flagged SPREAD so that charts can mark it. A deal
 * delivered in one year is exact. A deal with no delivery year yields no delivery.
 */
export function deliveriesOfDeal(deal: Deal, index: number, into: FactsBuilder): void {
  const years = deal.deliveryYears;
  const n = years.length;
  if (n === 0) return;
  const units = deal.delivered === null ? null : deal.delivered / n;
  const tiv = deal.tivDelivered === null ? null : deal.tivDelivered / n;
  const value = deal.valueUsdM === null ? null : deal.valueUsdM / n;
  const estimated = deal.deliveredEstimated || deal.deliveryYearsEstimated || deal.valueEstimated;
  const flags = (estimated ? ESTIMATED : 0) | (n > 1 ? SPREAD : 0);
  for (let i = 0; i < n; i++) into.push(index, years[i], units, tiv, value, flags);
}
