import type { IngestError } from '../domain/types';

export type Delimiter = ',' | ';' | '\t';

export type HeaderLocation = {
  /** 1-based physical line of the header row. */
  line: number;
  /** Offset of the header row in the text. */
  offset: number;
  delimiter: Delimiter;
  /** The export's "Data generated: …" value, if the preamble has one. */
  generated: string | null;
};

export const HEADER_SEARCH_LINES = 50;

function pickDelimiter(line: string): Delimiter {
  const counts: [Delimiter, number][] = [',', ';', '\t'].map((d) => [d as Delimiter, line.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][0];
}

/**
 * Find the header row by its content (a row naming both Recipient and Supplier), never by line
 * number: SIPRI exports carry 0–11 preamble lines depending on release and on spreadsheet re-saves.
 */
export function locateHeader(text: string): HeaderLocation | IngestError {
  let offset = 0;
  let generated: string | null = null;
  for (let line = 1; line <= HEADER_SEARCH_LINES && offset < text.length; line++) {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    const lower = raw.toLowerCase();
    const gen = /data generated:\s*([^,;]+)/i.exec(raw);
    if (gen) generated = gen[1].trim();
    if (lower.includes('recipient') && lower.includes('supplier')) {
      return { line, offset, delimiter: pickDelimiter(raw), generated };
    }
    if (end === -1) break;
    offset = end + 1;
  }
  return {
    code: 'not-a-register',
    message: `no header row with Recipient and Supplier found in the first ${HEADER_SEARCH_LINES} lines`,
  };
}
