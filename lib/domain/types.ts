/**
 * Domain types shared by every stage: a deal, a delivery, the ingest report. Raw (file) shapes live
 * beside their parsers; the columns that hold deals and facts in memory live in store/.
 */

export const CATEGORIES = [
  'Aircraft',
  'Air defence systems',
  'Armoured vehicles',
  'Artillery',
  'Engines',
  'Missiles',
  'Naval weapons',
  'Other',
  'Satellites',
  'Sensors',
  'Ships',
] as const;

/** SIPRI's eleven armament categories. */
export type SipriCategory = (typeof CATEGORIES)[number];

/**
 * What a TIV table's totals are filed under: they sum every category, so none of the eleven is
 * true of them (filing them under "Other" would draw a category chart that is wrong).
 */
export const TABLE_TOTALS = 'All categories';

/** The other side of a world TIV table's rows: every supplier (importer table) or every recipient (exporter table). */
export const ALL_SUPPLIERS = 'All suppliers';
export const ALL_RECIPIENTS = 'All recipients';

/** The categories a stored row may carry: SIPRI's eleven, or a table's totals. */
export const STORED_CATEGORIES = [...CATEGORIES, TABLE_TOTALS] as const;
export type Category = (typeof STORED_CATEGORIES)[number];

/** Which kind of file a register came from. */
export type RegisterFormat = 'sipri-register' | 'sipri-deliveries' | 'arms-register' | 'sipri-tiv-table';

export const FORMAT_LABELS: Record<RegisterFormat, string> = {
  'sipri-register': 'SIPRI trade register (deal level)',
  'sipri-deliveries': 'SIPRI delivery-level export',
  'arms-register': 'Project register (own format)',
  'sipri-tiv-table': 'SIPRI TIV table, totals only',
};

/** Who a TIV table's rows are: the importers (recipients) or the exporters (suppliers). */
export type TableRows = 'importers' | 'exporters';

/**
 * What a TIV table holds: its rows' side, and the one country on the other side (a partners table,
 * "TIV of arms exports from Russia") or null (the world: the importer or exporter table).
 */
export type TableInfo = { rows: TableRows; country: string | null; title: string };

/** One register row: a deal (an order and what was delivered of it). */
export type Deal = {
  /** Stable key inside its dataset: SIPRI's deal id where the file has one, else `L<line>`. */
  key: string;
  /** Physical line (1-based) where the record starts in the file. */
  line: number;
  supplier: string;
  recipient: string;
  /** Producing country when the supplier re-exports (e.g. Soviet-made missiles resold by North Korea). */
  origin: string | null;
  orderYear: number | null;
  orderYearEstimated: boolean;
  designation: string;
  description: string;
  category: Category;
  ordered: number | null;
  orderedEstimated: boolean;
  /** Units delivered; null when the source gives no number (never silently 0). */
  delivered: number | null;
  deliveredEstimated: boolean;
  deliveryYears: number[];
  deliveryYearsEstimated: boolean;
  status: string;
  comments: string;
  /** SIPRI TIV, millions. */
  tivPerUnit: number | null;
  tivOrder: number | null;
  tivDelivered: number | null;
  /** Reported money value of the deal, USD million (current), when a source gives one. */
  valueUsdM: number | null;
  valueEstimated: boolean;
  /** Citation: the primary source of the row. */
  source: string;
};

/**
 * One deal's deliveries in one year, as an object: how tests and row-at-a-time readers see a fact.
 * Registers hold their facts in columns (`Facts`).
 */
export type Delivery = {
  /** Index of the deal in its dataset's `deals` array. */
  deal: number;
  year: number;
  supplier: string;
  recipient: string;
  origin: string | null;
  category: Category;
  designation: string;
  orderYear: number | null;
  /** Units delivered that year; null when unknown. */
  units: number | null;
  /** SIPRI TIV delivered that year, millions; null when unknown. */
  tiv: number | null;
  /** Reported value, USD million; null when none. */
  value: number | null;
  /** The source marks a number or year of this delivery as uncertain. */
  estimated: boolean;
  /** The value was spread by our rule over the deal's delivery years (deal-level registers). */
  spread: boolean;
};

export type ReportSeverity = 'skipped' | 'warning';

/** One questionable or skipped record, with the physical line it starts on. */
export type ReportEntry = {
  line: number;
  severity: ReportSeverity;
  reason: string;
};

export type IngestErrorCode = 'empty' | 'binary' | 'not-a-register' | 'missing-columns';

/** Why a whole file could not be read as a register. */
export type IngestError = { code: IngestErrorCode; message: string; line?: number };

export type IngestReport = {
  format: RegisterFormat | null;
  encoding: string;
  /** The export's "Data generated" line, as written. */
  generated: string | null;
  headerLine: number | null;
  /** Records found after the header (a rejoined split record counts once). */
  recordsRead: number;
  /** Records turned into data: deals (deal-level files) or delivery rows (delivery-level files). */
  recordsProduced: number;
  dealsProduced: number;
  deliveriesProduced: number;
  recordsRejoined: number;
  undeliveredOrders: number;
  /** Skipped entries account for recordsRead - recordsProduced; warnings keep their record. */
  entries: ReportEntry[];
  /** Country names not in SIPRI's list nor a known alias: kept as written. */
  unknownNames: { name: string; line: number }[];
  /** A TIV table's layout; null for registers. */
  table: TableInfo | null;
  error: IngestError | null;
};
