/**
 * A fair-use extract of a SIPRI delivery-level export: the rows of some recipients, kept byte for
 * byte under SIPRI's own header, after a preamble of ours saying what the extract is and crediting
 * SIPRI. SIPRI's terms allow reproducing under 10% of a data set, so a larger extract is refused.
 */

export const CREDIT_LINE = 'Information from the SIPRI Arms Transfers Database';
/** SIPRI's fair-use limit, as a share of the source's rows. */
export const FAIR_USE_SHARE = 0.1;

export type ExtractOptions = {
  /** Recipients whose rows are kept, as SIPRI spells them. */
  recipients: string[];
  /** The source file's name, for the preamble. */
  sourceName: string;
  /** The script that makes the extract, for the preamble. */
  madeBy: string;
};

export type Extract = { text: string; kept: number; total: number; generated: string };

const HEADER_START = 'SIPRI AT Database ID,';

/**
 * Every data row of `source` (a delivery-level export, unquoted, as SIPRI writes it) whose Recipient
 * is one of `recipients`, in the source's order. Throws, naming the line, on anything else.
 */
export function extractRecipients(source: string, options: ExtractOptions): Extract {
  const lines = source.split('\n');
  const headerAt = lines.findIndex((l) => l.startsWith(HEADER_START));
  if (headerAt < 0) throw new Error(`${options.sourceName}: no "${HEADER_START}…" header: not a SIPRI delivery-level export`);
  const header = lines[headerAt].replace(/\r$/, '').split(',');
  const recipientCol = header.indexOf('Recipient');
  if (recipientCol < 0) throw new Error(`${options.sourceName} line ${headerAt + 1}: the header has no Recipient column`);
  const generated = /^Data generated:\s*(.+?)\s*$/m.exec(lines.slice(0, headerAt).join('\n'))?.[1];
  if (!generated) throw new Error(`${options.sourceName}: no "Data generated:" line before the header`);
  const wanted = new Set(options.recipients);
  const kept: string[] = [];
  let total = 0;
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (line.includes('"'))
      throw new Error(`${options.sourceName} line ${i + 1}: a quoted row; this extract reads SIPRI's unquoted exports only`);
    total++;
    if (wanted.has(line.split(',')[recipientCol])) kept.push(line);
  }
  if (kept.length === 0) throw new Error(`${options.sourceName}: no rows for ${options.recipients.join(', ')}`);
  if (kept.length >= total * FAIR_USE_SHARE) {
    throw new Error(
      `${kept.length} of ${total} rows (${percent(kept.length, total)}) is not under SIPRI's fair-use limit of 10% of a data set: nothing written`,
    );
  }
  const preamble = [
    // "Recipient" and "Supplier" never share a line here: the ingest takes the first such line as the header.
    `Extract of a SIPRI Arms Transfers Database delivery-level export: the rows whose recipient is ${options.recipients.join(' or ')}.`,
    `${kept.length} of the source's ${total} rows (${percent(kept.length, total)}); header and rows exactly as SIPRI wrote them.`,
    `Source file: ${options.sourceName} (deliveries as exported by SIPRI; its "Data generated" date is repeated below).`,
    `Made by ${options.madeBy} from that file; do not edit by hand.`,
    `${CREDIT_LINE} (c) SIPRI, https://www.sipri.org/databases/armstransfers`,
    `Reproduced under SIPRI's fair-use terms: non-commercial use, under 10% of a data set, with this credit line.`,
    `SIPRI trend-indicator values (TIV) are in millions. Calculations made from these data are not SIPRI's.`,
    `Data generated: ${generated}`,
  ];
  return { text: [...preamble, lines[headerAt], ...kept].join('\n') + '\n', kept: kept.length, total, generated };
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}
