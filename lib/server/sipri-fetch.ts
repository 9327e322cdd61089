import 'server-only';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FORMAT_LABELS, type IngestReport } from '../domain/types';
import { formatMegabytes } from '../domain/format';
import { decodeSipriAnswer, SIPRI_API_DEFAULT_URL, sipriDatasetName, sipriRequestBody } from '../sipri/service';
import { uploadLimitBytes } from './data-dirs';
import { storeRegister, type StoreOptions, type StoreResult } from './store-register';

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
export async function fetchSipri(from: number, to: number, options: Pick<StoreOptions, 'prime' | 'owner'>): Promise<StoreResult> {
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
      owner: options.owner,
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
    detail: `SIPRI's service answered ${report.format ? `a ${FORMAT_LABELS[report.format]}` : 'a file of unknown shape'}, not a delivery-level export (header on line ${report.headerLine})`,
  };
}

/**
 * POST the request and read the whole answer, decompressed, within the timeout and the size bound.
 * node:http rather than fetch: on the 1950–1989 export (0.7 MB gzip, 4.3 MB of JSON) fetch's web
 * streams took 40–75 ms to hand over the body, node:http with one gunzip stream 12–27 ms.
 */
function download(from: number, to: number, progress: SipriProgress): Promise<{ ok: true; body: Buffer } | Fail> {
  const address = sipriApiUrl();
  const timeoutMs = sipriTimeoutMs();
  let url: URL;
  try {
    url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
  } catch {
    return Promise.resolve(fail(502, 'bad setting', `SIPRI_API_URL ${JSON.stringify(address)} is not an http(s) address`));
  }
  const limit = sipriAnswerLimitBytes();
  const signal = AbortSignal.timeout(timeoutMs);
  const payload = JSON.stringify(sipriRequestBody(from, to));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: { ok: true; body: Buffer } | Fail) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const broken = (e: Error & { code?: string }) => {
      if (signal.aborted)
        settle(
          fail(504, 'SIPRI unreachable', `SIPRI's service at ${address} did not answer within ${timeoutMs / 1000} s (SIPRI_API_TIMEOUT_S)`),
        );
      else if (progress.phase === 'downloading')
        settle(
          fail(504, 'SIPRI unreachable', `SIPRI's answer broke off after ${formatMegabytes(progress.received)} (${e.code ?? e.message})`),
        );
      else settle(fail(504, 'SIPRI unreachable', `SIPRI's service at ${address} could not be reached (${e.code ?? e.message})`));
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        signal,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Accept-Encoding': 'gzip, deflate, br',
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          settle(
            fail(
              502,
              'bad answer',
              `SIPRI's service answered HTTP ${res.statusCode}${res.statusMessage ? ` ${res.statusMessage}` : ''}, not 200`,
            ),
          );
          return;
        }
        const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase();
        if (!Object.hasOwn(DECODERS, encoding)) {
          res.resume();
          settle(fail(502, 'bad answer', `SIPRI's service answered in an encoding this client does not read (${encoding})`));
          return;
        }
        const length = Number(res.headers['content-length']);
        // A compressed answer's length is not the length of what is read.
        progress.total = encoding === 'identity' && length > 0 ? length : null;
        if (progress.total !== null && progress.total > limit) {
          res.destroy();
          settle(
            fail(
              502,
              'bad answer',
              `SIPRI's answer is ${formatMegabytes(progress.total)}, more than the ${formatMegabytes(limit)} read (UPLOAD_LIMIT_MB)`,
            ),
          );
          return;
        }
        progress.phase = 'downloading';
        const decoder = DECODERS[encoding];
        const body = decoder ? res.pipe(decoder()) : res;
        const chunks: Buffer[] = [];
        body.on('data', (chunk: Buffer) => {
          progress.received += chunk.length;
          if (progress.received > limit) {
            res.destroy();
            settle(
              fail(
                502,
                'bad answer',
                `SIPRI's answer is larger than the ${formatMegabytes(limit)} read (UPLOAD_LIMIT_MB); ask for fewer years`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        body.on('end', () => settle({ ok: true, body: Buffer.concat(chunks) }));
        body.on('error', (e: Error & { code?: string }) =>
          settle(
            signal.aborted
              ? fail(
                  504,
                  'SIPRI unreachable',
                  `SIPRI's service at ${address} did not answer within ${timeoutMs / 1000} s (SIPRI_API_TIMEOUT_S)`,
                )
              : fail(502, 'bad answer', `SIPRI's answer could not be decompressed (${encoding}: ${e.code ?? e.message})`),
          ),
        );
        res.on('error', broken);
        res.on('aborted', () => broken(Object.assign(new Error('connection closed'), { code: 'ECONNRESET' })));
      },
    );
    req.on('error', broken);
    req.end(payload);
  });
}

/** Decompressors by Content-Encoding; identity reads the body as it comes. Large chunks: fewer callbacks on megabytes. */
const DECODERS: Record<string, (() => Transform) | null> = {
  identity: null,
  gzip: () => createGunzip({ chunkSize: 256 * 1024 }),
  'x-gzip': () => createGunzip({ chunkSize: 256 * 1024 }),
  deflate: () => createInflate({ chunkSize: 256 * 1024 }),
  br: () => createBrotliDecompress({ chunkSize: 256 * 1024 }),
};
