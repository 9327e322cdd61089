import type { IngestError, IngestReport, RegisterFormat } from '../domain/types';
import type { DealTable } from '../store/deal-table';
import { NO_DEALS } from '../store/deal-table-builder';
import { NO_FACTS, type Facts } from '../store/facts';
import { mapColumns, type ColumnMap } from './columns';
import { mapDealRecords, type MappedRecords } from './deal-register';
import { decodeBytes } from './decode';
import { mapDeliveryColumns, mapDeliveryRecords, REQUIRED_DELIVERY_COLUMNS } from './delivery-export';
import { locateHeader } from './locate-header';
import { RecordStream } from './records';
import { RowScanner } from './row-scanner';
import { tableTotals } from './table-totals';
import { findTivTable, readTivTable, type TivTableRead } from './tiv-table';

export type IngestResult = {
  /** The deals, column by column (`at(i)` gives one as a Deal). */
  deals: DealTable;
  /** One fact per deal and delivery year, column by column. */
  deliveries: Facts;
  report: IngestReport;
};

export type IngestOptions = {
  /** Citation for rows of files that carry none (SIPRI exports cite SIPRI). */
  defaultSource?: string;
};

/**
 * CR LF line ends need no rewriting (rows are split on LF and every cell is trimmed, so a trailing CR
 * goes with the white space); only a lone CR (old Mac files, or a CR inside a record) does.
 */
function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

function emptyReport(encoding: string): IngestReport {
  return {
    format: null,
    encoding,
    generated: null,
    headerLine: null,
    recordsRead: 0,
    recordsProduced: 0,
    dealsProduced: 0,
    deliveriesProduced: 0,
    recordsRejoined: 0,
    undeliveredOrders: 0,
    entries: [],
    unknownNames: [],
    table: null,
    error: null,
  };
}

function failed(error: IngestError, encoding = 'unknown'): IngestResult {
  return { deals: NO_DEALS, deliveries: NO_FACTS, report: { ...emptyReport(encoding), error } };
}

function detectFormat(header: string[], columns: ColumnMap): RegisterFormat | null {
  const squashed = header.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ''));
  if (squashed.includes('sipriatdatabaseid') || squashed.includes('tivdeliveryvalues')) return 'sipri-deliveries';
  if (columns.source) return 'arms-register';
  if (columns.designation || columns.description) return 'sipri-register';
  return null;
}

function missingColumns(format: RegisterFormat, header: string[], columns: ColumnMap): string[] {
  if (format === 'sipri-deliveries') {
    const found = mapDeliveryColumns(header);
    return REQUIRED_DELIVERY_COLUMNS.filter((k) => found[k] < 0).map((k) => (k === 'year' ? 'Delivery year' : k));
  }
  const missing: string[] = [];
  if (!columns.supplier) missing.push('Supplier');
  if (!columns.recipient) missing.push('Recipient');
  if (!columns.designation && !columns.description) missing.push('Weapon designation or Weapon description');
  if (format === 'sipri-register' && !columns.deliveryYears) missing.push('Year(s) of delivery');
  return missing;
}

/**
 * The one entry point: the bytes of a register in any supported shape → typed deals, long-form
 * deliveries and a report that accounts for every record (read = produced + skipped). Never throws:
 * a file that cannot be a register comes back with `report.error` set.
 */
export function ingestRegister(bytes: Uint8Array, options: IngestOptions = {}): IngestResult {
  try {
    return ingest(bytes, options);
  } catch (e) {
    // A bug of ours must still end in a message, not a crash of the caller.
    return failed({ code: 'not-a-register', message: `internal error while reading: ${e instanceof Error ? e.message : String(e)}` });
  }
}

function ingest(bytes: Uint8Array, options: IngestOptions): IngestResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return failed({ code: decoded.reason, message: decoded.detail });
  const text = hasLoneCr(decoded.text) ? decoded.text.replace(/\r\n?/g, '\n') : decoded.text;
  const location = locateHeader(text);
  if ('code' in location) {
    // No register header: a SIPRI TIV table (countries × years), or neither, said by name.
    const table = findTivTable(text);
    if (table === null) return failed(location, decoded.encoding);
    if ('code' in table) return failed(table, decoded.encoding);
    return ingestTable(readTivTable(text, table), decoded.encoding);
  }

  const scanner = new RowScanner(text, location.offset, location.line, location.delimiter);
  const records = new RecordStream(scanner, location.delimiter);
  const { header } = records;
  const columns = mapColumns(header);
  const format = detectFormat(header, columns);
  const report: IngestReport = { ...emptyReport(decoded.encoding), format, generated: location.generated, headerLine: location.line };
  if (!format) {
    return {
      deals: NO_DEALS,
      deliveries: NO_FACTS,
      report: {
        ...report,
        error: {
          code: 'missing-columns',
          line: location.line,
          message: `line ${location.line}: the header names Recipient and Supplier but no weapon columns: not a SIPRI register, delivery export or project register`,
        },
      },
    };
  }
  const missing = missingColumns(format, header, columns);
  if (missing.length > 0) {
    return {
      deals: NO_DEALS,
      deliveries: NO_FACTS,
      report: {
        ...report,
        error: { code: 'missing-columns', line: location.line, message: `line ${location.line}: the header lacks ${missing.join(', ')}` },
      },
    };
  }
  const mapped: MappedRecords =
    format === 'sipri-deliveries'
      ? mapDeliveryRecords(records, mapDeliveryColumns(header))
      : mapDealRecords(
          records,
          header.length,
          columns,
          options.defaultSource ?? (format === 'sipri-register' ? 'SIPRI Arms Transfers Database' : ''),
        );
  const entries = [...scanner.entries, ...mapped.entries].sort((a, b) => a.line - b.line);
  const deliveries = mapped.deliveries.build();
  return {
    deals: mapped.deals,
    deliveries,
    report: {
      ...report,
      recordsRead: records.read,
      recordsProduced: mapped.produced,
      dealsProduced: mapped.deals.length,
      deliveriesProduced: deliveries.length,
      recordsRejoined: records.rejoined,
      undeliveredOrders: mapped.undelivered,
      entries,
      unknownNames: mapped.unknownNames,
    },
  };
}

function ingestTable(read: TivTableRead, encoding: string): IngestResult {
  const { deals, deliveries, unknownNames } = tableTotals(read);
  return {
    deals,
    deliveries,
    report: {
      ...emptyReport(encoding),
      format: 'sipri-tiv-table',
      generated: read.generated,
      headerLine: read.headerLine,
      recordsRead: read.recordsRead,
      recordsProduced: read.rows.length,
      dealsProduced: 0,
      deliveriesProduced: deliveries.length,
      entries: read.entries,
      unknownNames,
      table: read.table,
    },
  };
}
