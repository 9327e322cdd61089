/**
 * SIPRI's data service, as its web site calls it (facts in ../shared/data/sipri/README.md): the
 * request for all deliveries in a range of years, and the reading of its answer, `{"bytes": base64}`
 * holding a delivery-level export. Pure: the server does the IO (lib/server/sipri-fetch.ts).
 */

export const SIPRI_API_DEFAULT_URL = 'https://atbackend.sipri.org/api/p/trades/trade-register-csv/';
/** SIPRI's data starts in 1950. */
export const SIPRI_FIRST_YEAR = 1950;

type Filter = { field: string; condition: string; value1: number | string; value2: number | string; listData: [] };

/** The body SIPRI's site sends for "all deliveries in the years from–to". */
export function sipriRequestBody(from: number, to: number): { filters: Filter[]; logic: 'AND' } {
  const filter = (field: string, condition = '', value1: number | string = '', value2: number | string = ''): Filter => ({
    field,
    condition,
    value1,
    value2,
    listData: [],
  });
  return {
    filters: [
      filter('Delivery year', 'contains', from, to),
      filter('Order year', 'contains', 0, to),
      filter('opendeals'),
      filter('exportOption'),
    ],
    logic: 'AND',
  };
}

export type YearsRequest = { ok: true; from: number; to: number } | { ok: false; param: string; detail: string };

/** The years asked for (`{"from": 1950, "to": 2025}`; either may be left out), checked. */
export function parseYearsRequest(body: unknown, lastFullYear: number): YearsRequest {
  const given = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  if (body !== undefined && body !== null && !given)
    return { ok: false, param: 'body', detail: 'the body must be a JSON object such as {"from": 1950, "to": 2025}' };
  const year = (name: 'from' | 'to', fallback: number): number | string => {
    const v = given?.[name];
    if (v === undefined || v === null || v === '') return fallback;
    const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < SIPRI_FIRST_YEAR || n > lastFullYear + 1)
      return `"${name}" must be a year from ${SIPRI_FIRST_YEAR} to ${lastFullYear + 1}, not ${JSON.stringify(v)}`;
    return n;
  };
  const from = year('from', SIPRI_FIRST_YEAR);
  if (typeof from === 'string') return { ok: false, param: 'from', detail: from };
  const to = year('to', lastFullYear);
  if (typeof to === 'string') return { ok: false, param: 'to', detail: to };
  if (from > to) return { ok: false, param: 'from', detail: `"from" (${from}) is after "to" (${to})` };
  return { ok: true, from, to };
}

export type DecodedAnswer = { ok: true; bytes: Buffer } | { ok: false; cause: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// The service's answer as recorded: one key, the export's base64, nothing else.
const ONLY_BYTES_START = /^\s*\{\s*"bytes"\s*:\s*"/;
const ONLY_BYTES_END = /"\s*\}\s*$/;

/**
 * The export inside the service's answer body, or what is wrong with the body. The answer of the
 * whole database is megabytes of base64: in its recorded shape the base64 is taken from between
 * the quotes and decoded in one native pass, checked by its decoded length (Node skips what is not
 * base64, so a bad character shows as a shorter result); any other shape goes through JSON.parse.
 */
export function decodeSipriAnswer(body: Uint8Array): DecodedAnswer {
  // JSON's syntax and base64 are ASCII: Latin-1 reads them byte for byte, faster than UTF-8.
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  const start = ONLY_BYTES_START.exec(text.slice(0, 64));
  const end = text.slice(-64).search(ONLY_BYTES_END);
  if (start && end >= 0) {
    const from = start[0].length;
    const to = text.length - Math.min(64, text.length) + end;
    if (to >= from && text.indexOf('"', from) === to && text.indexOf('\\', from) === -1) return decodeBase64(text.slice(from, to));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return { ok: false, cause: `the answer is not JSON (it starts ${JSON.stringify(Buffer.from(body.subarray(0, 40)).toString('utf8'))})` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return { ok: false, cause: 'the answer is JSON but not an object with "bytes"' };
  const bytes = (parsed as Record<string, unknown>).bytes;
  if (bytes === undefined)
    return { ok: false, cause: `the answer has no "bytes" (its keys: ${Object.keys(parsed).slice(0, 5).join(', ') || 'none'})` };
  if (typeof bytes !== 'string')
    return { ok: false, cause: `the answer's "bytes" is a ${Array.isArray(bytes) ? 'list' : typeof bytes}, not base64 text` };
  return decodeBase64(bytes);
}

function decodeBase64(text: string): DecodedAnswer {
  if (text.length === 0) return { ok: false, cause: 'the answer\'s "bytes" is empty' };
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const decoded = Buffer.from(text, 'base64');
  if (text.length % 4 === 0 && decoded.length === (text.length / 4) * 3 - padding) return { ok: true, bytes: decoded };
  // Base64 wrapped in lines is still base64; anything else is not.
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact))
    return { ok: false, cause: 'the answer\'s "bytes" is not valid base64' };
  return { ok: true, bytes: Buffer.from(compact, 'base64') };
}

/** The name a fetched dataset is listed under: its years and the date SIPRI generated it. */
export function sipriDatasetName(from: number, to: number, generated: string | null): string {
  const date = generated ? generated.replace(/\s+\d{1,2}:\d{2}(:\d{2})?\s*(AM|PM)?$/i, '') : null;
  return `SIPRI deliveries ${from}–${to}${date ? `, data generated ${date}` : ''}`;
}
