import 'server-only';
import type { IngestReport } from '../domain';
import { formatMegabytes } from '../format';
import { decodeSipriAnswer, SIPRI_API_DEFAULT_URL, sipriDatasetName, sipriRequestBody } from '../sipri/service';
import { uploadLimitBytes } from './data-dirs';
import { storeRegister, type StoreResult } from './store-register';

/** Where SIPRI's data service is asked (SIPRI_API_URL; tests point it at a local stand-in). */
export function sipriApiUrl(): string {
  return process.env.SIPRI_API_URL || SIPRI_API_DEFAULT_URL;
}

/** How long a fetch may take in all, answer included (SIPRI_API_TIMEOUT_S, default 120 s). */
export function sipriTimeoutMs(): number {
  const s = Number(process.env.SIPRI_API_TIMEOUT_S);
  return (Number.isFinite(s) && s > 0 ? s : 120) * 1000;
}

/** The largest answer read: the base64 of the largest upload accepted, and room for its JSON. */
export function sipriAnswerLimitBytes(): number {
  return Math.ceil((uploadLimitBytes() * 4) / 3) + 1024 * 1024;
}

/** Where the fetch under way is: what the upload panel shows while it waits. */
export type SipriProgress = {
  from: number;
  to: number;
  phase: 'requesting' | 'downloading' | 'reading';
  /** Bytes of the answer received so far, and its size when the service says it. */
  received: number;
  total: number | null;
  startedAt: string;
};

// One fetch at a time for the whole server (pages and route handlers each load this module).
const shared = globalThis as typeof globalThis & { __armsSipri?: { progress: SipriProgress | null } };
const state = (shared.__armsSipri ??= { progress: null });

export function sipriProgress(): SipriProgress | null {
  return state.progress;
}

type Fail = Extract<StoreResult, { ok: false }>;
const fail = (status: number, error: string, detail: string): Fail => ({ ok: false, status, error, detail });

/**
 * Ask SIPRI's service for every delivery in the years from–to, and store the export it answers
 * exactly as an upload is stored. Whatever goes wrong ends in a refusal naming the cause, with
 * nothing stored: 504 when the service cannot be reached in time, 502 when it answers something
 * other than a delivery-level export, 409 while another fetch runs.
 */
export async function fetchSipri(from: number, to: number, options: { prime?: boolean } = {}): Promise<StoreResult> {
  if (state.progress) {
    const p = state.progress;
    return fail(
      409,
      'fetch under way',
      `SIPRI's data for ${p.from}–${p.to} is being fetched (since ${p.startedAt}); try again when it is done`,
    );
  }
  const progress: SipriProgress = { from, to, phase: 'requesting', received: 0, total: null, startedAt: new Date().toISOString() };
  state.progress = progress;
  try {
    const answer = await download(from, to, progress);
    if (!answer.ok) return answer;
    const decoded = decodeSipriAnswer(answer.body);
    if (!decoded.ok) return fail(502, 'bad answer', `SIPRI's service answered, but ${decoded.cause}`);
    progress.phase = 'reading';
    const stored = await storeRegister(decoded.bytes, {
      name: (report) => sipriDatasetName(from, to, report.generated),
      expect: notDeliveryExport,
      prime: options.prime,
    });
    // What the service sent is not a register at all: its fault, not the user's.
    if (!stored.ok && [400, 415, 422].includes(stored.status))
      return fail(502, 'bad answer', `SIPRI's service answered bytes that are not a delivery-level export: ${stored.detail}`);
    return stored;
  } finally {
    state.progress = null;
  }
}

function notDeliveryExport(report: IngestReport) {
  if (report.format === 'sipri-deliveries') return null;
  return {
    status: 502,
    error: 'bad answer',
    detail: `SIPRI's service answered a ${report.format ?? 'file of unknown shape'}, not a delivery-level export (header on line ${report.headerLine})`,
  };
}

async function download(from: number, to: number, progress: SipriProgress): Promise<{ ok: true; body: Buffer } | Fail> {
  const url = sipriApiUrl();
  const timeoutMs = sipriTimeoutMs();
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () =>
    fail(504, 'SIPRI unreachable', `SIPRI's service at ${url} did not answer within ${timeoutMs / 1000} s (SIPRI_API_TIMEOUT_S)`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(sipriRequestBody(from, to)),
      signal,
    });
  } catch (e) {
    if (signal.aborted) return timedOut();
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return fail(
      504,
      'SIPRI unreachable',
      `SIPRI's service at ${url} could not be reached (${cause?.code ?? cause?.message ?? (e as Error).message})`,
    );
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    return fail(
      502,
      'bad answer',
      `SIPRI's service answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}, not 200`,
    );
  }
  const limit = sipriAnswerLimitBytes();
  const length = Number(response.headers.get('content-length'));
  // A compressed answer's length is not the length of what is read.
  progress.total = !response.headers.get('content-encoding') && length > 0 ? length : null;
  if (progress.total !== null && progress.total > limit)
    return fail(
      502,
      'bad answer',
      `SIPRI's answer is ${formatMegabytes(progress.total)}, more than the ${formatMegabytes(limit)} read (UPLOAD_LIMIT_MB)`,
    );
  progress.phase = 'downloading';
  const chunks: Uint8Array[] = [];
  try {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      progress.received += value.length;
      if (progress.received > limit) {
        await reader.cancel().catch(() => undefined);
        return fail(
          502,
          'bad answer',
          `SIPRI's answer is larger than the ${formatMegabytes(limit)} read (UPLOAD_LIMIT_MB); ask for fewer years`,
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (signal.aborted) return timedOut();
    return fail(504, 'SIPRI unreachable', `SIPRI's answer broke off after ${formatMegabytes(progress.received)} (${(e as Error).message})`);
  }
  return { ok: true, body: Buffer.concat(chunks) };
}
