import type { IngestReport } from '../domain/types';

export const REPORT_ENTRY_CAP = 1000;

/** The ingest report as an upload answer carries it: every count, and the first 1,000 entries. */
export function uploadReport(report: IngestReport) {
  return {
    format: report.format,
    encoding: report.encoding,
    generated: report.generated,
    headerLine: report.headerLine,
    recordsRead: report.recordsRead,
    recordsProduced: report.recordsProduced,
    dealsProduced: report.dealsProduced,
    deliveriesProduced: report.deliveriesProduced,
    recordsRejoined: report.recordsRejoined,
    undeliveredOrders: report.undeliveredOrders,
    skipped: report.entries.filter((e) => e.severity === 'skipped').length,
    warnings: report.entries.filter((e) => e.severity === 'warning').length,
    entries: report.entries.slice(0, REPORT_ENTRY_CAP),
    entriesTotal: report.entries.length,
    unknownNames: report.unknownNames.slice(0, REPORT_ENTRY_CAP),
  };
}

export type UploadReport = ReturnType<typeof uploadReport>;
