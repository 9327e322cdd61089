import type { DealTable, TextSpan } from '../store/deal-table';
import { DealTableBuilder, YEARS_PER_DEAL } from '../store/deal-table-builder';
import type { ReportEntry } from '../domain/types';
import { FactsBuilder } from '../store/facts';
import { deliveriesOfDeal } from './spread';
import type { ColumnMap } from './columns';
import { dealReader, type RecordNotes } from './deal-fields';
import type { RecordStream } from './records';
import type { Row } from './row';

export type MappedRecords = {
  deals: DealTable;
  deliveries: FactsBuilder;
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
function fitWidth(row: Row, width: number, columns: ColumnMap, entries: ReportEntry[]): void {
  const { count, line } = row;
  if (count === width) return;
  if (count > width) {
    const extra = count - width;
    const comments = columns.comments?.index;
    if (comments !== undefined) {
      entries.push({
        line,
        severity: 'warning',
        reason: `${count} cells where the header has ${width}: the extra commas were kept as text in Comments`,
      });
      row.merge(comments, extra);
      return;
    }
    entries.push({
      line,
      severity: 'warning',
      reason: `${count} cells where the header has ${width}: the last ${extra} were ignored`,
    });
    row.truncate(width);
    return;
  }
  entries.push({
    line,
    severity: 'warning',
    reason: `${count} cells where the header has ${width}: the missing cells were read as empty`,
  });
}

/** Deal-level records (SIPRI trade register, project register) → deals and their spread deliveries. */
export function mapDealRecords(records: RecordStream, width: number, columns: ColumnMap, defaultSource: string): MappedRecords {
  // Columns sized once from the lines left: grown by doubling, a register ten times over spent more
  // in copying and zero-filling ever larger arrays than in reading (typically ~2 delivery years a deal).
  const lines = records.linesLeft();
  const deals = new DealTableBuilder(lines, records.text);
  const out: Omit<MappedRecords, 'deals'> = {
    deliveries: new FactsBuilder(Math.ceil(YEARS_PER_DEAL * lines)),
    entries: [],
    unknownNames: [],
    produced: 0,
    undelivered: 0,
  };
  const read = dealReader(columns, defaultSource);
  // Where each record's designation and comments lie in the file's text (refilled per record).
  const designation: TextSpan = { text: '', start: 0, end: 0 };
  const comments: TextSpan = { text: '', start: 0, end: 0 };
  const commentsCell = columns.comments?.index ?? -1;
  // One notes object for all records, emptied before each: nearly every record has nothing to note.
  const notes: RecordNotes = { problems: [], unknownNames: [] };
  const skipReasons = new Map<number, string>();
  const [sup, rec, des, dsc] = [columns.supplier, columns.recipient, columns.designation, columns.description].map((c) => c?.index ?? -1);
  for (let row = records.next(); row !== null; row = records.next()) {
    const line = row.line;
    // A record without a supplier, a recipient or a weapon is not a deal: say so once and move on
    // (before any other work, so that a file of broken lines costs little per line).
    const noSupplier = row.blank(sup);
    const noRecipient = row.blank(rec);
    const noWeapon = row.blank(des) && row.blank(dsc);
    if (noSupplier || noRecipient || noWeapon) {
      // One shared text per kind of broken record: a file of 350,000 broken lines made as many strings.
      const kind = (+noSupplier | (+noRecipient << 1) | (+noWeapon << 2)) * 1024 + Math.min(row.count, width);
      let reason = skipReasons.get(kind);
      if (reason === undefined) {
        const missing = [noSupplier && 'supplier', noRecipient && 'recipient', noWeapon && 'weapon'].filter(Boolean);
        const short = row.count < width ? ` (${row.count} of ${width} cells)` : '';
        reason = `no ${missing.join(', no ')}${short}: not a deal`;
        skipReasons.set(kind, reason);
      }
      out.entries.push({ line, severity: 'skipped', reason });
      continue;
    }
    fitWidth(row, width, columns, out.entries);
    // (Setting an array's length is a slow call even when it is 0 already.)
    if (notes.problems.length > 0) notes.problems.length = 0;
    if (notes.unknownNames.length > 0) notes.unknownNames.length = 0;
    const deal = read(row, notes);
    const { problems, unknownNames } = notes;
    for (const reason of problems) out.entries.push({ line, severity: 'warning', reason });
    for (const name of unknownNames) out.unknownNames.push({ name, line });
    const hasDeliveredNumbers = (deal.delivered ?? 0) > 0 || (deal.tivDelivered ?? 0) > 0;
    if (deal.deliveryYears.length === 0) {
      if (hasDeliveredNumbers)
        out.entries.push({ line, severity: 'warning', reason: 'numbers delivered but no delivery year: left out of yearly totals' });
      else out.undelivered++;
    }
    const index = deals.length;
    row.span(des, designation);
    row.span(commentsCell, comments);
    deals.push(deal, designation, comments);
    deliveriesOfDeal(deal, index, out.deliveries);
    out.produced++;
  }
  return { ...out, deals: deals.build() };
}
