import type { Deal } from '../domain/types';

/** A whole deal for tests, with the fields a test cares about given and the rest plain. */
export function aDeal(fields: Partial<Deal> = {}): Deal {
  return {
    key: `L${fields.line ?? 2}`,
    line: 2,
    supplier: 'North Korea',
    recipient: 'Iran',
    origin: null,
    orderYear: 1982,
    orderYearEstimated: false,
    designation: 'T-62',
    description: 'tank',
    category: 'Armoured vehicles',
    ordered: 150,
    orderedEstimated: false,
    delivered: 150,
    deliveredEstimated: false,
    deliveryYears: [1982, 1983, 1985],
    deliveryYearsEstimated: false,
    status: 'New',
    comments: '',
    tivPerUnit: 1,
    tivOrder: 150,
    tivDelivered: 150,
    valueUsdM: null,
    valueEstimated: false,
    source: 'x',
    ...fields,
  };
}
