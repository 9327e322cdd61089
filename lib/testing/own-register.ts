import { ingestRegister, type IngestResult } from '../ingest';

/** Every column of our own register format, in its documented order. */
export const OWN_FORMAT_HEADER =
  'supplier,recipient,origin,order_year,designation,description,category,number_ordered,number_delivered,delivery_years,status,comments,tiv_delivered,value_usd_m,estimates,source';

/** A register in our format made of these data lines (under the full header), ingested. */
export function ownRegister(lines: string[]): IngestResult {
  return ingestRegister(new TextEncoder().encode([OWN_FORMAT_HEADER, ...lines].join('\n')));
}
