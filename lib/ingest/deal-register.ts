import type { Deal, Delivery, ReportEntry } from '../domain';
import { deliveriesOfDeal } from '../spread';
import type { ColumnMap } from './columns';
import { dealReader, type RecordNotes } from './deal-fields';
import type { RawRecord } from './records';

export type MappedRecords = {
  deals: Deal[];
  deliveries: Delivery[];
  entries: ReportEntry[];
  unknownNames: { name: string; line: number }[];
  produced: number;
  undelivered: number;
};

/**
 * Fit a record to the header's width. Extra cells can only come from commas inside free text, so
 * they are folded back into Comments (the one free-text column of SIPRI's register); missing cells
 * read as empty. Both are reported.
 */
function fitWidth(record: RawRecord, width: number, columns: ColumnMap, entries: ReportEntry[]): string[] {
  const { cells, line } = record;
  if (cells.length === width) return cells;
  if (cells.length > width) {
    const extra = cells.length - width;
    const comments = columns.comments?.index;
    if (comments !== undefined) {
      entries.push({
        line,
        severity: 'warning',
        reason: `${cells.length} cells where the header has ${width}: the extra commas were kept as text in Comments`,
      });
      const merged = cells.slice(comments, comments + extra + 1).join(',');
      return [...cells.slice(0, comments), merged, ...cells.slice(comments + extra + 1)];
    }
    entries.push({
      line,
      severity: 'warning',
      reason: `${cells.length} cells where the header has ${width}: the last ${extra} were ignored`,
    });
    return cells.slice(0, width);
  }
  entries.push({
    line,
    severity: 'warning',
    reason: `${cells.length} cells where the header has ${width}: the missing cells were read as empty`,
  });
  return [...cells, ...new Array<string>(width - cells.length).fill('')];
}

/** Deal-level records (SIPRI trade register, project register) → deals and their spread deliveries. */
export function mapDealRecords(records: Iterable<RawRecord>, width: number, columns: ColumnMap, defaultSource: string): MappedRecords {
  const out: MappedRecords = { deals: [], deliveries: [], entries: [], unknownNames: [], produced: 0, undelivered: 0 };
  const read = dealReader(columns, defaultSource);
  // One notes object for all records, emptied before each: nearly every record has nothing to note.
  const notes: RecordNotes = { problems: [], unknownNames: [] };
  const at = (cells: string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const [sup, rec, des, dsc] = [columns.supplier?.index, columns.recipient?.index, columns.designation?.index, columns.description?.index];
  for (const record of records) {
    const line = record.line;
    // A record without a supplier, a recipient or a weapon is not a deal: say so once and move on
    // (before any other work, so that a file of broken lines costs little per line).
    const noSupplier = at(record.cells, sup) === '';
    const noRecipient = at(record.cells, rec) === '';
    const noWeapon = at(record.cells, des) === '' && at(record.cells, dsc) === '';
    if (noSupplier || noRecipient || noWeapon) {
      const missing = [noSupplier && 'supplier', noRecipient && 'recipient', noWeapon && 'weapon'].filter(Boolean);
      const short = record.cells.length < width ? ` (${record.cells.length} of ${width} cells)` : '';
      out.entries.push({ line, severity: 'skipped', reason: `no ${missing.join(', no ')}${short}: not a deal` });
      continue;
    }
    const cells = fitWidth(record, width, columns, out.entries);
    notes.problems.length = 0;
    notes.unknownNames.length = 0;
    const deal = read(cells, line, notes);
    const { problems, unknownNames } = notes;
    for (const reason of problems) out.entries.push({ line, severity: 'warning', reason });
    for (const name of unknownNames) out.unknownNames.push({ name, line });
    const hasDeliveredNumbers = (deal.delivered ?? 0) > 0 || (deal.tivDelivered ?? 0) > 0;
    if (deal.deliveryYears.length === 0) {
      if (hasDeliveredNumbers)
        out.entries.push({ line, severity: 'warning', reason: 'numbers delivered but no delivery year: left out of yearly totals' });
      else out.undelivered++;
    }
    const index = out.deals.length;
    out.deals.push(deal);
    deliveriesOfDeal(deal, index, out.deliveries);
    out.produced++;
  }
  return out;
}
